package dev.copydesk.sample;

import dev.copydesk.clean.PhraseList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Realistic wire copy, reproducible from a seed, for the bench command, the JMH benchmarks and the tests: stories
 * of 1–8 KB (or a fixed size) built from the sentences of the shipped wire samples ({@code wire-sentences.txt}),
 * each with a dateline, a headline and site chrome around it; a share of them are exact copies under other chrome
 * or near copies (an "UPDATE 1-" with a sentence added). {@link WireEditSet} makes the labelled edits of given
 * bodies that the dedup evaluation scores.
 */
public final class SyntheticWire {

    /** One raw copy: a name and its text. {@code original} is the index of the copy it repeats, or -1. */
    public record Copy(String name, String text, int original, boolean exact) {}

    private static final String[] DATELINES = {
        "SEOUL, Nov. 13 (Yonhap) -- ",
        "WASHINGTON (AP) — ",
        "LONDON, Dec 1 (Reuters) - ",
        "PARIS, Dec 5 (AFP) - ",
        "BERLIN (dpa) - ",
        "TOKYO, Nov 13 (Kyodo) - ",
        "BEIJING, Nov. 13 (Xinhua) -- "
    };
    private static final String[] CHROME = {
        "Home",
        "News",
        "World",
        "Business",
        "Share this:",
        "Read next:",
        "- Markets close higher on rate hopes",
        "- Storm warning issued for the weekend",
        "Related:",
        "Most read",
        "Subscribe to our newsletter",
        "© 2026 The Example Times. All rights reserved."
    };

    private final List<String> sentences;
    private final List<String> vocabulary;

    public SyntheticWire() {
        sentences = PhraseList.of(SyntheticWire.class, "wire-sentences.txt");
        Set<String> words = new TreeSet<>();
        for (String s : sentences) {
            for (String w : s.split("\\s+")) {
                if (w.matches("\\p{L}{3,}")) {
                    words.add(w);
                }
            }
        }
        vocabulary = List.copyOf(words);
    }

    /** {@code n} copies; {@code size} 0 draws story sizes from 1–8 KB, otherwise every story is about {@code size} bytes. */
    public List<Copy> generate(int n, double dupRate, int size, long seed) {
        Random random = new Random(seed);
        List<Copy> copies = new ArrayList<>(n);
        List<String[]> stories = new ArrayList<>(); // headline, body
        for (int i = 0; i < n; i++) {
            if (!stories.isEmpty() && random.nextDouble() < dupRate) {
                int of = random.nextInt(stories.size());
                String[] story = stories.get(of);
                boolean exact = random.nextBoolean();
                String body = exact
                        ? story[1]
                        : story[1] + "\n" + sentences.get(random.nextInt(sentences.size()))
                                + " The report was updated with new figures on " + (1 + random.nextInt(28))
                                + " November.";
                copies.add(new Copy(
                        "bench/" + i + ".txt",
                        wrap(random, (exact ? "" : "UPDATE 1-") + story[0], body),
                        indexOfStory(copies, of),
                        exact));
                continue;
            }
            int target = size > 0 ? size : 1024 + random.nextInt(7 * 1024);
            StringBuilder body = new StringBuilder(DATELINES[random.nextInt(DATELINES.length)]);
            int serial = stories.size();
            body.append("Story ").append(serial).append(" reports that ");
            while (body.length() < target) {
                body.append(vary(random, sentences.get(random.nextInt(sentences.size()))));
                body.append(random.nextInt(3) == 0 ? "\n" : " ");
            }
            String headline = "Wire story " + serial + ": "
                    + sentences.get(random.nextInt(sentences.size())).split(",")[0];
            stories.add(new String[] {headline, body.toString().strip()});
            copies.add(new Copy(
                    "bench/" + i + ".txt",
                    wrap(random, headline, body.toString().strip()),
                    -1,
                    false));
        }
        return copies;
    }

    /**
     * The sentence with about one word in five replaced by another word of the samples: distinct stories must not
     * share most of their shingles, or the dedup stage would rightly call them versions of one story.
     */
    private String vary(Random random, String sentence) {
        String[] words = sentence.split(" ");
        for (int i = 1; i < words.length - 1; i++) {
            if (random.nextInt(5) == 0) {
                words[i] = vocabulary.get(random.nextInt(vocabulary.size()));
            }
        }
        return String.join(" ", words);
    }

    private static int indexOfStory(List<Copy> copies, int storyIndex) {
        int seen = -1;
        for (int i = 0; i < copies.size(); i++) {
            if (copies.get(i).original() < 0 && ++seen == storyIndex) {
                return i;
            }
        }
        return -1;
    }

    private static String wrap(Random random, String headline, String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            out.append(CHROME[random.nextInt(6)]).append('\n');
        }
        out.append(headline).append('\n').append(body).append('\n');
        for (int i = 0; i < 4; i++) {
            out.append(CHROME[6 + random.nextInt(CHROME.length - 6)]).append('\n');
        }
        return out.toString();
    }
}
