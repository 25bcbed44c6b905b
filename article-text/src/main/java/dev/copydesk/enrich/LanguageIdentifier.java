package dev.copydesk.enrich;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import dev.copydesk.script.Scripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language of a story (ISO 639-1 with a confidence) and its script. Scripts that belong to one language
 * decide at once (Hangul → ko, kana → ja, Thai, Greek, Armenian, Georgian...); otherwise Optimaize's character
 * n-gram profiles (71 languages, shipped inside its jar, nothing fetched) rank the candidates. Only the cleaned
 * body is looked at, so site chrome in another language cannot sway it, and only its first 500 characters of
 * sentences ({@link #sample}): more text does not change the answer, only the cost.
 */
public final class LanguageIdentifier {

    /** What was found: ISO 639-1 code or {@code und}, confidence 0–1, ISO 15924 script name (Latin, Han...). */
    public record Guess(String language, double confidence, String script) {}

    /**
     * On the held-out sentences of the tests (29 languages, Danish/Norwegian/Swedish and Spanish/Portuguese among
     * them), windows of 150 and 250 characters were all identified right (192 of 192); the n-gram scoring costs in
     * proportion to the length, and was a sixth of the enrichment step at 1,000 characters.
     */
    private static final int MAX_CHARS = 500;

    private static final LanguageDetector DETECTOR = load();

    // the body is already clean text (no URLs or markup to strip), so the lean factory serves every length
    private final TextObjectFactory textObjects = CommonTextObjectFactories.forDetectingShortCleanText();

    private static LanguageDetector load() {
        try {
            return LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in language profiles", e);
        }
    }

    public Guess identify(String text) {
        String sample = sample(text);
        Map<UnicodeScript, Integer> scripts = Scripts.scriptCounts(sample);
        int letters = scripts.values().stream().mapToInt(Integer::intValue).sum();
        if (letters == 0) {
            return new Guess("und", 0, "");
        }
        UnicodeScript dominant = scripts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        String script = scriptName(dominant);
        int kana = scripts.getOrDefault(UnicodeScript.HIRAGANA, 0) + scripts.getOrDefault(UnicodeScript.KATAKANA, 0);
        if (kana * 10 >= letters) {
            return new Guess("ja", 1.0, kana * 2 > letters ? script : "Japanese");
        }
        String byScript = switch (dominant) {
            case HANGUL -> "ko";
            case THAI -> "th";
            case GREEK -> "el";
            case ARMENIAN -> "hy";
            case GEORGIAN -> "ka";
            case KHMER -> "km";
            case LAO -> "lo";
            case MYANMAR -> "my";
            case SINHALA -> "si";
            case TAMIL -> "ta";
            case TELUGU -> "te";
            case KANNADA -> "kn";
            case MALAYALAM -> "ml";
            case GUJARATI -> "gu";
            case GURMUKHI -> "pa";
            case ETHIOPIC -> "am";
            default -> null;
        };
        if (byScript != null) {
            return new Guess(byScript, 1.0, script);
        }
        List<DetectedLanguage> ranked = DETECTOR.getProbabilities(textObjects.forText(sample));
        if (ranked.isEmpty()) {
            return new Guess("und", 0, script);
        }
        DetectedLanguage best = ranked.get(0);
        String code = best.getLocale().getLanguage().toLowerCase(Locale.ROOT);
        return new Guess(code, Math.round(best.getProbability() * 1000) / 1000.0, script);
    }

    /**
     * What the n-grams are scored on: the story's first {@value #MAX_CHARS} characters of sentences (lines of
     * {@value #SENTENCE_LINE}+ characters ending like a sentence), so that a schedule, a table or a list of names
     * opening the body does not decide ("Carrie Menke, Ph.D 12pm- 1pm" read as German); the plain opening of the
     * text where it has too few such lines.
     */
    static String sample(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        StringBuilder sentences = new StringBuilder(MAX_CHARS + 200);
        for (int from = 0; from < text.length() && sentences.length() < MAX_CHARS; ) {
            int end = text.indexOf('\n', from);
            end = end < 0 ? text.length() : end;
            int last = end - 1;
            while (last > from && Character.isWhitespace(text.charAt(last))) {
                last--;
            }
            if (last - from + 1 >= SENTENCE_LINE && SENTENCE_ENDS.indexOf(text.charAt(last)) >= 0) {
                sentences.append(text, from, last + 1).append(' ');
            }
            from = end + 1;
        }
        if (sentences.length() < MIN_SENTENCES) {
            return text.substring(0, Math.min(text.length(), 2 * MAX_CHARS));
        }
        return sentences.length() > MAX_CHARS ? sentences.substring(0, MAX_CHARS) : sentences.toString();
    }

    private static final int SENTENCE_LINE = 40;
    private static final int MIN_SENTENCES = 200;
    private static final String SENTENCE_ENDS = ".!?。！？\"'”’)»";

    /** Title-case script name as ISO 15924 writes it (LATIN → Latin, HAN → Han). */
    private static String scriptName(UnicodeScript script) {
        String name = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
