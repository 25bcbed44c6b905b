package dev.copydesk.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A labelled near-duplicate set for one language, built from real sentences of it: stories of 8-12 sentences, each
 * followed by copies edited the way wire copy is republished, and distinct stories that must stay apart. The kinds
 * of copy: exact with other spacing, exact with full-width digits, a sentence dropped and another added with two
 * characters changed (the "edited copy"), two sentences swapped, another agency line. Sentences are drawn
 * without replacement, so two stories share no sentence. Deterministic for a seed.
 */
public final class LanguageEditSet {

    /** One raw copy; {@code story} is its true cluster, {@code kind} how it was made. */
    public record Item(String id, String story, String kind, String text) {}

    private static final String[] AGENCY_LINES = {"(Yonhap)", "(Xinhua)", "(Kyodo)", "(AFP)", "(Reuters)"};

    private LanguageEditSet() {}

    /**
     * @param sentences  sentences of one language (at least 13 per story asked for)
     * @param spaced     whether the language puts spaces between sentences (Korean, Thai) or not (Chinese, Japanese)
     */
    public static List<Item> generate(List<String> sentences, boolean spaced, int stories, long seed) {
        Random random = new Random(seed);
        List<String> pool = new ArrayList<>(sentences);
        Collections.shuffle(pool, random);
        List<Item> items = new ArrayList<>();
        int next = 0;
        for (int s = 0; s < stories && next + 13 <= pool.size(); s++) {
            int size = 8 + random.nextInt(5);
            List<String> story = new ArrayList<>(pool.subList(next, next + size));
            String added = pool.get(next + size);
            next += size + 1;
            String id = "s" + s;
            items.add(new Item(id + "-original", id, "original", render(story, spaced, "")));
            if (s % 4 == 3) {
                continue; // a story with no copies: only ever a distinct story
            }
            items.add(new Item(id + "-spacing", id, "exact-other-spacing", respace(render(story, spaced, ""))));
            items.add(new Item(id + "-fullwidth", id, "exact-full-width-digits", fullWidth(render(story, spaced, ""))));
            List<String> edited = new ArrayList<>(story);
            edited.remove(1 + random.nextInt(edited.size() - 1));
            edited.add(1 + random.nextInt(edited.size() - 1), added);
            items.add(new Item(
                    id + "-edited",
                    id,
                    "dropped-added-two-changed",
                    changeCharacters(render(edited, spaced, ""), 2, random)));
            List<String> swapped = new ArrayList<>(story);
            int a = 1 + random.nextInt(swapped.size() - 1);
            int b = 1 + random.nextInt(swapped.size() - 1);
            Collections.swap(swapped, a, b == a ? (a % (swapped.size() - 1)) + 1 : b);
            items.add(new Item(id + "-reordered", id, "sentences-reordered", render(swapped, spaced, "")));
            String agency = AGENCY_LINES[random.nextInt(AGENCY_LINES.length)];
            items.add(new Item(id + "-agency", id, "other-agency-line", render(story, spaced, agency)));
        }
        return items;
    }

    /** A title line (the first sentence), then paragraphs of three sentences, then an agency line if given. */
    static String render(List<String> sentences, boolean spaced, String agencyLine) {
        StringBuilder text = new StringBuilder(sentences.get(0)).append("\n\n");
        for (int i = 1; i < sentences.size(); i++) {
            text.append(sentences.get(i));
            boolean paragraphEnd = i % 3 == 0 || i == sentences.size() - 1;
            text.append(paragraphEnd ? "\n\n" : spaced ? " " : "");
        }
        if (!agencyLine.isEmpty()) {
            text.append(agencyLine).append('\n');
        }
        return text.toString();
    }

    /** Other whitespace: paragraphs apart by two blank lines, lines indented. */
    static String respace(String text) {
        return text.replace("\n\n", "\n\n\n  ");
    }

    /** ASCII digits as full-width digits (０-９), as East Asian sites print them. */
    static String fullWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
        }
        return out.toString();
    }

    /** {@code count} letters of the body (past the title) replaced by a letter from elsewhere in the text. */
    static String changeCharacters(String text, int count, Random random) {
        char[] chars = text.toCharArray();
        int bodyStart = text.indexOf("\n\n") + 2;
        for (int changed = 0, tries = 0; changed < count && tries < 1000; tries++) {
            int at = bodyStart + random.nextInt(chars.length - bodyStart);
            char donor = chars[random.nextInt(chars.length)];
            if (Character.isLetter(chars[at]) && Character.isLetter(donor) && donor != chars[at]) {
                chars[at] = donor;
                changed++;
            }
        }
        return new String(chars);
    }
}
