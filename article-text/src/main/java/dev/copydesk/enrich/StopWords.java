package dev.copydesk.enrich;

import dev.copydesk.script.Scripts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The words that never make a keyword, per language: Lucene's stop lists (the lists its analyzers use, shipped in
 * {@code lucene-analysis-common}) for the 37 languages it has them for, copydesk's own lists for Chinese, Japanese,
 * Korean, Vietnamese, Polish, Ukrainian and Hebrew, short lists of the commonest function words for the other 30
 * languages the identifier reports ({@code stopwords-more.tsv}), and English in every language (English names and
 * phrases turn up everywhere). The document frequencies, learned per language, weigh down whatever common word a
 * list lacks. Two rules by script stand in for long lists: in Chinese and Japanese a single
 * character is never a keyword, and in Japanese neither is a word of hiragana alone (particles, endings).
 */
public final class StopWords {

    private static final Map<String, Supplier<CharArraySet>> LUCENE = Map.ofEntries(
            Map.entry("ar", org.apache.lucene.analysis.ar.ArabicAnalyzer::getDefaultStopSet),
            Map.entry("bg", org.apache.lucene.analysis.bg.BulgarianAnalyzer::getDefaultStopSet),
            Map.entry("bn", org.apache.lucene.analysis.bn.BengaliAnalyzer::getDefaultStopSet),
            Map.entry("ca", org.apache.lucene.analysis.ca.CatalanAnalyzer::getDefaultStopSet),
            Map.entry("cs", org.apache.lucene.analysis.cz.CzechAnalyzer::getDefaultStopSet),
            Map.entry("da", org.apache.lucene.analysis.da.DanishAnalyzer::getDefaultStopSet),
            Map.entry("de", org.apache.lucene.analysis.de.GermanAnalyzer::getDefaultStopSet),
            Map.entry("el", org.apache.lucene.analysis.el.GreekAnalyzer::getDefaultStopSet),
            Map.entry("es", org.apache.lucene.analysis.es.SpanishAnalyzer::getDefaultStopSet),
            Map.entry("et", org.apache.lucene.analysis.et.EstonianAnalyzer::getDefaultStopSet),
            Map.entry("eu", org.apache.lucene.analysis.eu.BasqueAnalyzer::getDefaultStopSet),
            Map.entry("fa", org.apache.lucene.analysis.fa.PersianAnalyzer::getDefaultStopSet),
            Map.entry("fi", org.apache.lucene.analysis.fi.FinnishAnalyzer::getDefaultStopSet),
            Map.entry("fr", org.apache.lucene.analysis.fr.FrenchAnalyzer::getDefaultStopSet),
            Map.entry("ga", org.apache.lucene.analysis.ga.IrishAnalyzer::getDefaultStopSet),
            Map.entry("gl", org.apache.lucene.analysis.gl.GalicianAnalyzer::getDefaultStopSet),
            Map.entry("hi", org.apache.lucene.analysis.hi.HindiAnalyzer::getDefaultStopSet),
            Map.entry("hu", org.apache.lucene.analysis.hu.HungarianAnalyzer::getDefaultStopSet),
            Map.entry("hy", org.apache.lucene.analysis.hy.ArmenianAnalyzer::getDefaultStopSet),
            Map.entry("id", org.apache.lucene.analysis.id.IndonesianAnalyzer::getDefaultStopSet),
            Map.entry("ms", org.apache.lucene.analysis.id.IndonesianAnalyzer::getDefaultStopSet),
            Map.entry("it", org.apache.lucene.analysis.it.ItalianAnalyzer::getDefaultStopSet),
            Map.entry("lt", org.apache.lucene.analysis.lt.LithuanianAnalyzer::getDefaultStopSet),
            Map.entry("lv", org.apache.lucene.analysis.lv.LatvianAnalyzer::getDefaultStopSet),
            Map.entry("ne", org.apache.lucene.analysis.ne.NepaliAnalyzer::getDefaultStopSet),
            Map.entry("nl", org.apache.lucene.analysis.nl.DutchAnalyzer::getDefaultStopSet),
            Map.entry("no", org.apache.lucene.analysis.no.NorwegianAnalyzer::getDefaultStopSet),
            Map.entry("pt", org.apache.lucene.analysis.pt.PortugueseAnalyzer::getDefaultStopSet),
            Map.entry("ro", org.apache.lucene.analysis.ro.RomanianAnalyzer::getDefaultStopSet),
            Map.entry("ru", org.apache.lucene.analysis.ru.RussianAnalyzer::getDefaultStopSet),
            Map.entry("sr", org.apache.lucene.analysis.sr.SerbianAnalyzer::getDefaultStopSet),
            Map.entry("hr", org.apache.lucene.analysis.sr.SerbianAnalyzer::getDefaultStopSet),
            Map.entry("sv", org.apache.lucene.analysis.sv.SwedishAnalyzer::getDefaultStopSet),
            Map.entry("ta", org.apache.lucene.analysis.ta.TamilAnalyzer::getDefaultStopSet),
            Map.entry("te", org.apache.lucene.analysis.te.TeluguAnalyzer::getDefaultStopSet),
            Map.entry("th", org.apache.lucene.analysis.th.ThaiAnalyzer::getDefaultStopSet),
            Map.entry("tr", org.apache.lucene.analysis.tr.TurkishAnalyzer::getDefaultStopSet));

    private static final Set<String> OWN = Set.of("en", "zh", "ja", "ko", "vi", "pl", "uk", "he");

    /** Short lists of the commonest function words for the rest of the identifier's languages. */
    private static final Map<String, Set<String>> MORE = loadMore();

    private static final Map<String, Set<String>> CACHE = new ConcurrentHashMap<>();

    private StopWords() {}

    /** Whether the language has a stop list of its own (Lucene's or copydesk's), beyond English. */
    public static boolean hasList(String language) {
        return LUCENE.containsKey(language) || OWN.contains(language) || MORE.containsKey(language);
    }

    /** The stop words of a language (ISO 639-1), English ones included; English alone for one without a list. */
    public static Set<String> of(String language) {
        String key = hasList(language) ? language : "en";
        return CACHE.computeIfAbsent(key, StopWords::load);
    }

    /** A word no language lets be a keyword by its script: one ideograph or kana, or hiragana alone. */
    public static boolean byScript(String word) {
        if (word.length() == 1 && Scripts.unspaced(word.charAt(0))) {
            return true;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < '\u3040' || c > '\u309F') {
                return false;
            }
        }
        return true; // all hiragana
    }

    private static Set<String> load(String language) {
        Set<String> words = new HashSet<>(own("en"));
        if (!language.equals("en")) {
            if (OWN.contains(language)) {
                words.addAll(own(language));
            }
            words.addAll(MORE.getOrDefault(language, Set.of()));
            CharArraySet lucene =
                    LUCENE.containsKey(language) ? LUCENE.get(language).get() : null;
            if (lucene != null) {
                for (Object w : lucene) {
                    words.add(new String((char[]) w));
                }
            }
        }
        return Set.copyOf(words);
    }

    private static Map<String, Set<String>> loadMore() {
        try (InputStream in = StopWords.class.getResourceAsStream("stopwords-more.tsv")) {
            if (in == null) {
                throw new IllegalStateException("stopwords-more.tsv missing from the classpath");
            }
            Map<String, Set<String>> lists = new java.util.HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab < 0) {
                    continue;
                }
                lists.put(
                        line.substring(0, tab),
                        Set.of(line.substring(tab + 1).strip().split("\\s+")));
            }
            return Map.copyOf(lists);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> own(String language) {
        String resource = "stopwords-" + language + ".txt";
        try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String w : line.split("\\s+")) {
                    if (!w.isBlank()) {
                        words.add(w.strip());
                    }
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
