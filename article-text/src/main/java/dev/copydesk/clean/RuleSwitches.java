package dev.copydesk.clean;

import java.util.List;
import java.util.Set;

/**
 * The cleaners' rules written in code, by name, so that an evaluation can turn one off and see what it was worth
 * ({@code clean.eval.CodeRuleAblation}). In the product every rule is on and nothing here changes; the check is
 * one read of an empty set.
 */
public final class RuleSwitches {

    /** Every switchable rule: "text." the text cleaner's, "html." the HTML extractor's, "both." shared. */
    public static final List<String> RULES = List.of(
            "text.photo-credits",
            "text.bio-lines",
            "text.bare-urls",
            "text.figure-tables",
            "text.numbered-lists",
            "text.results-tables",
            "text.headline-lists",
            "text.foreign-labels",
            "text.labelled-furniture",
            "text.repeated-lines",
            "text.template-sentences",
            "text.furniture-lines",
            "text.metadata-lines",
            "text.glued-links",
            "text.shopping-lines",
            "text.markup-paragraphs",
            "text.embed-code",
            "text.bylines",
            "text.cut-at-comments",
            "text.cut-at-writers-box",
            "text.cut-at-repeated-cards",
            "text.closing-bios",
            "text.second-copies",
            "both.trailing-teasers",
            "both.reference-lists",
            "html.footnote-marks",
            "html.runaway-links",
            "html.retry-without-names",
            "html.publisher-body",
            "html.author-bios",
            "html.teaser-cards",
            "html.furniture-by-words",
            "html.loose-fragments",
            "html.linked-subheads",
            "html.announced-lists",
            "html.labelled-links",
            "html.linked-sentences",
            "html.above-the-headline",
            "html.title-copies",
            "html.trim-to-prose",
            "html.second-copies");

    private static volatile Set<String> off = Set.of();

    private RuleSwitches() {}

    /** Whether a rule is on: always, except while an evaluation has turned it off. */
    public static boolean on(String rule) {
        Set<String> now = off;
        return now.isEmpty() || !now.contains(rule);
    }

    /** Turns the given rules off (and every other on); for evaluations only. Unknown names are refused. */
    public static void turnOff(Set<String> rules) {
        for (String rule : rules) {
            if (!RULES.contains(rule)) {
                throw new IllegalArgumentException("no rule " + rule + "; the rules are " + RULES);
            }
        }
        off = Set.copyOf(rules);
    }
}
