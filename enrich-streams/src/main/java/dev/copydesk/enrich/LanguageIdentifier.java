package dev.copydesk.enrich;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import dev.copydesk.clean.TextCleaner;
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
 * body is looked at, so site chrome in another language cannot sway it, and only its first thousand
 * characters: more text does not change the answer, only the cost.
 */
public final class LanguageIdentifier {

    /** What was found: ISO 639-1 code or {@code und}, confidence 0–1, ISO 15924 script name (Latin, Han...). */
    public record Guess(String language, double confidence, String script) {
    }

    private static final int MAX_CHARS = 1000;
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
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Map<UnicodeScript, Integer> scripts = TextCleaner.scriptCounts(sample);
        int letters = scripts.values().stream().mapToInt(Integer::intValue).sum();
        if (letters == 0) {
            return new Guess("und", 0, "");
        }
        UnicodeScript dominant = scripts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
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

    /** Title-case script name as ISO 15924 writes it (LATIN → Latin, HAN → Han). */
    private static String scriptName(UnicodeScript script) {
        String name = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
