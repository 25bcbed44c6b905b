package dev.copydesk.clean.eval;

import dev.copydesk.clean.RuleSwitches;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tries the hand-written cleaners without each of their rules written in code ({@link RuleSwitches}), one at a time,
 * cross-validated by site as {@code copydesk clean --eval DIR --folds 5} scores them: {@code CodeRuleAblation DIR},
 * run by {@code tools/clean/ablate-code-rules.sh}. The phrase lists' entries are {@link RuleAblation}'s.
 *
 * <p>For each rule, the change in each fold's shingle F1 on the renderings it touches (text, HTML, or both) when it
 * is off. Verdicts as {@link RuleAblation}'s: {@code none} (no fold changes), {@code harmful} (better without it on
 * average), {@code one-fold} (it helps in one fold only), {@code holds} (it helps in two folds or more).
 */
public final class CodeRuleAblation {

    private static final int FOLDS = 5;

    private CodeRuleAblation() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CodeRuleAblation WCXB_DIR");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CleaningCorpus corpus = new CleaningCorpus(Path.of(args[0]));
        RuleSwitches.turnOff(Set.of());
        CrossValidation.Result base = CrossValidation.run(corpus, FOLDS, CrossValidation.HAND_RULES, m -> {});
        out.printf(
                Locale.ROOT,
                "# baseline held out: html %.4f text %.4f%n",
                base.meanAndSpread(f -> f.html().shingleF1())[0],
                base.meanAndSpread(f -> f.text().shingleF1())[0]);
        out.println("rule\trendering\tchange per fold (off - on)\tmean change\tfolds worse without\tverdict");
        Map<String, Integer> verdicts = new TreeMap<>();
        try {
            for (String rule : RuleSwitches.RULES) {
                RuleSwitches.turnOff(Set.of(rule));
                CrossValidation.Result without =
                        CrossValidation.run(corpus, FOLDS, CrossValidation.HAND_RULES, m -> {});
                List<String> renderings = rule.startsWith("text.")
                        ? List.of("text")
                        : rule.startsWith("html.") ? List.of("html") : List.of("html", "text");
                double[] change = new double[FOLDS];
                StringBuilder perFold = new StringBuilder();
                for (int f = 0; f < FOLDS; f++) {
                    for (String rendering : renderings) {
                        change[f] += score(without, f, rendering) - score(base, f, rendering);
                    }
                    perFold.append(String.format(Locale.ROOT, "%s%+.4f", f == 0 ? "" : " ", change[f]));
                }
                String verdict = verdict(change);
                verdicts.merge(verdict, 1, Integer::sum);
                double mean = 0;
                int worse = 0;
                for (double c : change) {
                    mean += c / FOLDS;
                    worse += c < -1e-6 ? 1 : 0;
                }
                out.printf(
                        Locale.ROOT,
                        "%s\t%s\t%s\t%+.4f\t%d\t%s%n",
                        rule,
                        String.join("+", renderings),
                        perFold,
                        mean,
                        worse,
                        verdict);
            }
        } finally {
            RuleSwitches.turnOff(Set.of());
        }
        out.println("# " + RuleSwitches.RULES.size() + " rules: " + verdicts);
    }

    private static double score(CrossValidation.Result result, int fold, String rendering) {
        CrossValidation.Fold f = result.folds().get(fold);
        return (rendering.equals("html") ? f.html() : f.text()).shingleF1();
    }

    /** What a rule's changes per fold (score without it minus score with it) say of it. */
    static String verdict(double[] change) {
        double mean = 0;
        int worse = 0;
        boolean any = false;
        for (double c : change) {
            mean += c / change.length;
            worse += c < -1e-6 ? 1 : 0;
            any |= Math.abs(c) > 1e-6;
        }
        if (!any) {
            return "none";
        }
        if (mean > 0) {
            return "harmful";
        }
        return worse >= 2 ? "holds" : "one-fold";
    }
}
