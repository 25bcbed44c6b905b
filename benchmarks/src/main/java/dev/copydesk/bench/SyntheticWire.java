package dev.copydesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic wire stories for benchmarks: words drawn from a Zipf-distributed vocabulary of pseudo-words, so
 * shingle statistics resemble prose, at the sizes of real news (the product must run without ../shared).
 * A share of the stories are exact copies and edited versions of earlier ones.
 */
final class SyntheticWire {

    record Story(String id, String body) {
    }

    private final String[] vocabulary;
    private final double[] cumulative;
    private final SplittableRandom random;

    SyntheticWire(long seed) {
        random = new SplittableRandom(seed);
        vocabulary = new String[20_000];
        String[] syllables = {"ka", "lo", "ren", "sta", "mi", "dor", "pe", "an", "tu", "vi", "sel", "mo", "ra", "ne", "gri", "ol", "ber", "ti", "za", "un"};
        cumulative = new double[vocabulary.length];
        double total = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            int n = 1 + random.nextInt(3);
            int x = i;
            for (int s = 0; s < n; s++) {
                w.append(syllables[(x + s * 7) % syllables.length]);
                x /= syllables.length;
            }
            vocabulary[i] = w.append(i % 97 == 0 ? "" : Integer.toString(i % 13)).toString();
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
    }

    private String word() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary[lo];
    }

    /** A body of about {@code bytes} characters in paragraphs of 2-4 sentences. */
    String body(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 200);
        while (sb.length() < bytes) {
            int sentences = 2 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                int words = 8 + random.nextInt(20);
                for (int w = 0; w < words; w++) {
                    String word = word();
                    sb.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(w == words - 1 ? ". " : " ");
                }
            }
            sb.setLength(sb.length() - 1);
            sb.append("\n\n");
        }
        return sb.toString().strip();
    }

    /** n stories of about {@code bytes} each; {@code dupShare} of them copies or edits of earlier ones. */
    List<Story> stories(int n, int bytes, double dupShare) {
        List<Story> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = String.format("%016x", random.nextLong());
            if (i > 10 && random.nextDouble() < dupShare) {
                String earlier = out.get(random.nextInt(out.size())).body();
                String body = random.nextBoolean() ? earlier
                        : earlier + "\n\n" + body(200); // an update with a paragraph added
                out.add(new Story(id, body));
            } else {
                out.add(new Story(id, body(bytes)));
            }
        }
        return out;
    }
}
