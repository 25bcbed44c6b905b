package dev.copydesk.enrich;

import dev.copydesk.script.Scripts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Language, wire metadata and sizes of one cleaned story. Plain Java, one instance per stream thread (the
 * language detector's state is shared and read-only).
 */
public final class StoryEnricher {

    /** A credit in parentheses closing the story: {@code ... in Indonesia. (Yonhap)}. */
    private static final Pattern TRAILING_CREDIT = Pattern.compile("\\(([^()]{2,40})\\)\\s*$");
    /** Adult news reading speed, words per minute; CJK text is timed by characters instead. */
    private static final int WORDS_PER_MINUTE = 230;

    private static final int CJK_CHARS_PER_MINUTE = 500;

    private static final int KEYWORDS = 10;
    private final LanguageIdentifier languages = new LanguageIdentifier();
    private final EntityRecognizer entities = new EntityRecognizer();
    private final KeywordExtractor keywords = new KeywordExtractor();
    private final AgencyDirectory agencies;

    public StoryEnricher() {
        this(AgencyDirectory.builtIn());
    }

    public StoryEnricher(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /** For tools and tests: keyword weights against nothing learned yet. */
    public Enrichment enrich(List<String> paragraphs, String byline, int wordCount) {
        return enrich("", paragraphs, byline, wordCount, DocumentFrequencies.inMemory());
    }

    public Enrichment enrich(
            String title, List<String> paragraphs, String byline, int wordCount, DocumentFrequencies frequencies) {
        return enrich(title, paragraphs, byline, List.of(), wordCount, frequencies);
    }

    /**
     * As above, with the names a wire credit line gives besides the byline ({@link
     * dev.copydesk.clean.CleanedText#credited}): the byline's and the credit's people are people the story names.
     */
    public Enrichment enrich(
            String title,
            List<String> paragraphs,
            String byline,
            List<String> credited,
            int wordCount,
            DocumentFrequencies frequencies) {
        String body = String.join("\n", paragraphs);
        LanguageIdentifier.Guess language = languages.identify(body);
        Optional<Dateline> dateline = paragraphs.isEmpty() ? Optional.empty() : Dateline.parse(paragraphs.get(0));
        String agency = dateline.map(Dateline::agency)
                .filter(a -> !a.isEmpty())
                .map(a -> agencies.canonical(a).orElse(a))
                .or(() -> trailingCredit(paragraphs))
                .orElse("");
        List<String> sentences = Sentences.split(body);
        String lede = sentences.isEmpty() ? "" : sentences.get(0);
        if (sentences.size() > 1 && lede.length() < 100) {
            lede = lede + " " + sentences.get(1);
        }
        EntityRecognizer.Recognition recognised =
                entities.recognizeAll(title.isEmpty() ? body : title + "\n" + body, language.language());
        List<String> credits = new ArrayList<>(credited);
        credits.add(0, byline);
        List<EntityRecognizer.Entity> named = withAgency(
                CreditedPeople.withCredited(recognised.entities(), CreditedPeople.people(credits, agencies)), agency);
        List<String> countries = recognised.countries();
        return new Enrichment(
                language.language(),
                language.confidence(),
                language.script(),
                dateline.map(Dateline::place).orElse(""),
                dateline.map(Dateline::date).orElse(""),
                agency,
                byline,
                sentences.size(),
                readingSeconds(body, wordCount),
                lede,
                named,
                countries,
                keywords.extract(
                        title, body, language.language(), frequencies.language(language.language()), KEYWORDS));
    }

    /**
     * The news agency a dateline or a closing credit names ("SEOUL, Nov. 13 (Yonhap) --", "... (Reuters)") is an
     * organisation the story names, by its canonical name, unless the recogniser found it by one of its names
     * ("Associated Press"). Its abbreviations are not looked for in the text: "AP", "PA", "MAP" and "SPA" are more
     * often other things.
     */
    private List<EntityRecognizer.Entity> withAgency(List<EntityRecognizer.Entity> found, String agency) {
        if (agencies.canonical(agency).isEmpty() // a dateline's unknown agency may be a misread date
                || found.stream()
                        .anyMatch(e -> e.type() == EntityRecognizer.Type.ORGANIZATION
                                && (e.name().equals(agency)
                                        || agencies.canonical(e.name())
                                                .filter(agency::equals)
                                                .isPresent()))) {
            return found;
        }
        List<EntityRecognizer.Entity> out = new ArrayList<>(found);
        out.add(new EntityRecognizer.Entity(EntityRecognizer.Type.ORGANIZATION, agency, 1, ""));
        return out;
    }

    /** A known agency credited in parentheses at the very end of the story. */
    private Optional<String> trailingCredit(List<String> paragraphs) {
        if (paragraphs.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = TRAILING_CREDIT.matcher(paragraphs.get(paragraphs.size() - 1));
        return m.find() ? agencies.canonical(m.group(1)) : Optional.empty();
    }

    private static int readingSeconds(String body, int wordCount) {
        long cjk = Scripts.hanOrKana(body, false);
        double minutes =
                cjk > body.length() / 3 ? (double) cjk / CJK_CHARS_PER_MINUTE : (double) wordCount / WORDS_PER_MINUTE;
        return (int) Math.round(minutes * 60);
    }
}
