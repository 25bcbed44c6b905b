package dev.copydesk.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates a labelled near-duplicate evaluation set from article bodies, the way wire copy is republished:
 * the same story under other site chrome with other quotes and spacing (exact), "UPDATE 1-" versions with a
 * paragraph added, trimmed versions, fixed typos, another agency credit, a paragraph inserted; plus distinct
 * stories that share boilerplate paragraphs (newsletter promos, agency footers) that must not be merged.
 * Deterministic for a seed.
 */
public final class WireEditSet {

    /** One raw copy; {@code story} is the true cluster, {@code kind} how it was made. */
    public record Item(String id, String story, String kind, String text) {}

    static final String[] CHROME_HEADERS = {
        "Related:", "Read more:", "相关文章:", "Most read:", "Lire aussi:", "Mehr zum Thema:"
    };
    static final String[] AGENCIES = {"Reuters", "AFP", "AP", "Yonhap", "dpa", "Xinhua", "Kyodo", "EFE"};
    static final String[] BOILERPLATE = {
        "Sign up for our morning briefing newsletter to get the most important stories of the day delivered to your inbox before breakfast, with analysis from our correspondents around the world and the latest market moves.",
        "This article was produced with the support of our international news service and may be republished under the terms of our syndication agreement, provided that the original byline and source are credited in full.",
        "Officials did not immediately respond to requests for comment on Thursday, and a spokesperson for the ministry said a full statement would be issued once the review had been completed by the relevant authorities."
    };

    private WireEditSet() {}

    /**
     * @param bodies  story bodies (paragraphs separated by blank lines), each long enough to be an article
     * @param seed    makes the set reproducible
     */
    public static List<Item> generate(List<String> bodies, long seed) {
        Random random = new Random(seed);
        List<Item> items = new ArrayList<>();
        for (int b = 0; b < bodies.size(); b++) {
            List<String> paragraphs = paragraphs(bodies.get(b));
            String story = "s" + b;
            String title = titleOf(paragraphs);
            if (b % 5 == 4) {
                // a distinct story sharing boilerplate with other distinct stories: must stay alone
                List<String> withBoilerplate = new ArrayList<>(paragraphs);
                withBoilerplate.add(BOILERPLATE[b % BOILERPLATE.length]);
                withBoilerplate.add(BOILERPLATE[(b + 1) % BOILERPLATE.length]);
                items.add(new Item(
                        story + "-boilerplate",
                        story,
                        "distinct-shared-boilerplate",
                        render(title, withBoilerplate, random)));
                continue;
            }
            items.add(new Item(story + "-original", story, "original", render(title, paragraphs, random)));
            int variants = random.nextInt(5); // 0..4 more copies of this story
            for (int v = 0; v < variants; v++) {
                int kind = random.nextInt(8);
                List<String> edited = new ArrayList<>(paragraphs);
                String editedTitle = title;
                String name;
                switch (kind) {
                    case 0 -> {
                        name = "exact-other-chrome";
                        edited = restyle(edited, random);
                        items.add(new Item(story + "-v" + v, story, name, renderSpaced(editedTitle, edited, random)));
                        continue;
                    }
                    case 1 -> {
                        name = "update-added-paragraph";
                        editedTitle = "UPDATE " + (1 + random.nextInt(3)) + "-" + title;
                        edited.add(
                                Math.min(edited.size(), 1 + random.nextInt(Math.max(1, edited.size()))),
                                "The statement added that further details would be released later, and that the situation was being monitored closely by officials in "
                                        + AGENCIES[random.nextInt(AGENCIES.length)] + " reports.");
                    }
                    case 2 -> {
                        name = "trimmed";
                        int keep = Math.max(1, (int) Math.ceil(edited.size() * (0.6 + random.nextDouble() * 0.25)));
                        edited = new ArrayList<>(edited.subList(0, keep));
                    }
                    case 3 -> {
                        name = "typos-fixed";
                        edited = typos(edited, random, 3);
                    }
                    case 4 -> {
                        name = "credit-changed";
                        edited.add("(" + AGENCIES[random.nextInt(AGENCIES.length)] + ")");
                    }
                    case 5 -> {
                        name = "extended";
                        edited.add(
                                "In a separate development, analysts said the decision was widely expected and would have little immediate effect on prices.");
                        edited.add(
                                "Earlier, the agency had said it would publish a fuller account of the events once the investigation was complete.");
                    }
                    case 6 -> {
                        name = "reflowed";
                        if (edited.size() >= 2) {
                            edited.set(0, edited.get(0) + " " + edited.remove(1));
                        }
                    }
                    default -> {
                        name = "update-trimmed-typos";
                        editedTitle = "UPDATE 1-" + title;
                        int keep = Math.max(1, (int) Math.ceil(edited.size() * 0.8));
                        edited = typos(new ArrayList<>(edited.subList(0, keep)), random, 2);
                    }
                }
                items.add(new Item(story + "-v" + v, story, name, render(editedTitle, edited, random)));
            }
        }
        Collections.shuffle(items, random);
        return items;
    }

    static List<String> paragraphs(String body) {
        return Arrays.stream(body.split("\\n\\s*\\n"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private static String titleOf(List<String> paragraphs) {
        String[] words = paragraphs.get(0).split("\\s+");
        return String.join(" ", Arrays.copyOf(words, Math.min(9, words.length))).replaceAll("[.:;,]+$", "");
    }

    /** The raw copy: a navigation line, the title, the body, and a chrome list after it. */
    private static String render(String title, List<String> paragraphs, Random random) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        for (String p : paragraphs) {
            sb.append(p).append('\n');
        }
        sb.append(CHROME_HEADERS[random.nextInt(CHROME_HEADERS.length)]).append('\n');
        for (int i = 0; i < 2 + random.nextInt(4); i++) {
            sb.append("- Headline number ").append(random.nextInt(100000)).append(" about something else\n");
        }
        return sb.toString();
    }

    /** Like render, with blank lines between paragraphs, CRLF line ends and trailing spaces. */
    private static String renderSpaced(String title, List<String> paragraphs, Random random) {
        return render(title, paragraphs, random).replace("\n", " \r\n\r\n");
    }

    /** The same words with curly quotes and doubled spaces (render adds blank lines and CRLFs): an exact copy. */
    private static List<String> restyle(List<String> paragraphs, Random random) {
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            String styled = p.replaceAll("\"([^\"]*)\"", "\u201C$1\u201D")
                    .replace("'", "\u2019")
                    .replace(". ", ".  ");
            out.add(styled);
        }
        return out;
    }

    private static List<String> typos(List<String> paragraphs, Random random, int count) {
        List<String> out = new ArrayList<>(paragraphs);
        for (int t = 0; t < count; t++) {
            int p = random.nextInt(out.size());
            String[] words = out.get(p).split(" ");
            int w = random.nextInt(words.length);
            if (words[w].length() > 3) {
                char[] c = words[w].toCharArray();
                int i = 1 + random.nextInt(c.length - 2);
                char tmp = c[i];
                c[i] = c[i - 1];
                c[i - 1] = tmp;
                words[w] = new String(c);
            }
            out.set(p, String.join(" ", words));
        }
        return out;
    }
}
