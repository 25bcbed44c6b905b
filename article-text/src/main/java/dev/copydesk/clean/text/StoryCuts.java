package dev.copydesk.clean.text;

import dev.copydesk.clean.BioLines;
import dev.copydesk.clean.FurnitureLines;
import dev.copydesk.clean.MetadataLines;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a story found by weight still runs on: into the page's comments, the writer's box and the writer's other
 * stories, or rows of teaser cards. Each cut ends the story before it.
 */
final class StoryCuts {

    private StoryCuts() {}

    /** Less prose than this above a comments heading: the heading is a comment counter at the story's top. */
    private static final int COUNTER_PROSE_BEFORE = 500;

    /**
     * A comments section inside the story ends it: from its first line on, everything is chrome. Not above the
     * story's first paragraphs: "31 comments" beside the byline, with less than {@value #COUNTER_PROSE_BEFORE}
     * characters of prose above it, counts the comments below the story.
     */
    static int[] cutAtComments(List<String> lines, boolean[] prose, boolean[] leftOut, boolean[] chrome, int[] story) {
        long proseBefore = 0;
        for (int i = story[0]; i <= story[1]; i++) {
            if (!chrome[i] && prose[i]) {
                proseBefore += lines.get(i).length();
            }
            if (i == story[0] || proseBefore < COUNTER_PROSE_BEFORE) {
                continue;
            }
            if (FurnitureLines.startsComments(lines.get(i))) {
                return endBefore(i, lines, prose, leftOut, chrome, story);
            }
        }
        return story;
    }

    /**
     * The writer's box under the story, a line of the writer's name and a bio that opens with it ("Eduard Kovacs" /
     * "Eduard Kovacs (@EduardKovacs) is the managing editor at ..."), ends it: below it come the writer's other
     * stories and the site's promotions, which may read as prose. Only after the story's first paragraphs, and only
     * a bio with a writer's or an officer's role: a listicle's subhead "TurboTax" over "TurboTax is the big player..."
     * is the story.
     */
    static int[] cutAtWritersBox(
            List<String> lines, boolean[] prose, boolean[] leftOut, boolean[] chrome, int[] story) {
        long proseBefore = 0;
        for (int i = story[0] + 1; i <= story[1]; i++) {
            if (!chrome[i - 1] && prose[i - 1]) {
                proseBefore += lines.get(i - 1).length();
            }
            String name = lines.get(i - 1);
            String line = lines.get(i);
            if (proseBefore >= COUNTER_PROSE_BEFORE
                    && name.length() <= 40
                    && !prose[i - 1]
                    && line.length() > name.length()
                    && line.startsWith(name)
                    && line.charAt(name.length()) == ' '
                    && BioLines.isClosingBio(line)) {
                return endBefore(i - 1, lines, prose, leftOut, chrome, story);
            }
        }
        return story;
    }

    /** The box about the writer under a story reads as prose: the story's last paragraphs are asked whether they are one. */
    static void leaveOutClosingBios(List<String> lines, boolean[] prose, boolean[] leftOut, int[] story) {
        int asked = 0;
        for (int i = story[1]; i >= story[0] && asked < BioLines.CLOSING_BIO_PARAGRAPHS; i--) {
            if (prose[i] && !leftOut[i]) {
                if (!BioLines.isClosingBio(lines.get(i))) {
                    return;
                }
                leftOut[i] = true;
                asked++;
            }
        }
    }

    /**
     * Whether the line at {@code first} comes back twice more at the same step, each time before lines of the same
     * shape and among them a stamp: a listing of cards (section, headline, author, date, excerpt), however many of
     * them follow the story.
     */
    private static boolean repeatsInStep(List<String> lines, boolean[] prose, int first, int last) {
        String marker = lines.get(first);
        int second = -1;
        for (int j = first + 2; j <= Math.min(last, first + MAX_CARD_LINES); j++) {
            if (lines.get(j).equals(marker)) {
                second = j;
                break;
            }
        }
        int step = second - first;
        if (second < 0 || second + step > last || !lines.get(second + step).equals(marker)) {
            return false;
        }
        boolean stamped = false;
        for (int k = 1; k < step; k++) {
            if (prose[first + k] != prose[second + k]) {
                return false;
            }
            stamped |= MetadataLines.isMetadata(lines.get(first + k))
                    && MetadataLines.isMetadata(lines.get(second + k))
                    && MetadataLines.isMetadata(lines.get(second + step + k));
        }
        return stamped; // a date or a byline on every card: a listing of stories, not a table in this one
    }

    /** The most lines one card of a listing takes. */
    private static final int MAX_CARD_LINES = 8;

    /** A short line that comes back this often in the story's last part is the button of a row of cards. */
    private static final int CARD_MARKER_REPEATS = 3;

    private static final int CARD_MARKER_MAX_LENGTH = 30;

    /** How much of the story's prose must stand above the first card. */
    private static final double CARDS_AFTER_STORY_SHARE = 0.7;

    /**
     * Ends the story where a row of cards begins: teasers of other articles, comments, product boxes, each closed by
     * the same short line ("Read more", "Reply", "Buy now", a date). The first line that the story repeats at least
     * three times, once 70% of its prose stands above it, closes the first card; the card's text and its few
     * heading lines above that go too. A story repeats its own short lines far less, and seldom only at its end.
     */
    static int[] cutAtRepeatedCards(List<String> lines, boolean[] prose, boolean[] chrome, int[] story) {
        Map<String, Integer> shortLines = new HashMap<>();
        long total = 0;
        for (int i = story[0]; i <= story[1]; i++) {
            String line = lines.get(i);
            if (prose[i]) {
                total += chrome[i] ? 0 : line.length();
            } else if (line.length() <= CARD_MARKER_MAX_LENGTH && hasWord(line)) {
                // a word: a code block's braces and a table's numbers repeat without being cards
                shortLines.merge(line, 1, Integer::sum);
            }
        }
        Set<String> seen = new HashSet<>();
        long before = 0;
        for (int i = story[0]; i <= story[1]; i++) {
            String line = lines.get(i);
            boolean candidate =
                    !prose[i] && shortLines.getOrDefault(line, 0) >= CARD_MARKER_REPEATS && !seen.contains(line);
            boolean afterStory = before >= CARDS_AFTER_STORY_SHARE * total;
            // a listing that outweighs the story, told by its step: it opens on its marker ("Front Page")
            boolean listing = !afterStory
                    && before >= COUNTER_PROSE_BEFORE
                    && candidate
                    && repeatsInStep(lines, prose, i, story[1]);
            if (candidate && (afterStory || listing)) {
                int end = i - 1;
                while (!listing && end > story[0] && prose[end]) {
                    end--; // the card's text, above the marker that closes a card ("Read more")
                }
                for (int headings = 0; end > story[0] && !prose[end] && headings < 3; headings++) {
                    end--; // its title, byline, date; a listing's own heading
                }
                return end > story[0] ? new int[] {story[0], end} : story;
            }
            if (!prose[i]) {
                seen.add(line); // only short lines are asked for: hashing every paragraph cost 3% of text cleaning
            } else if (!chrome[i]) {
                before += line.length();
            }
        }
        return story;
    }

    private static boolean hasWord(String line) {
        int letters = 0;
        for (int i = 0; i < line.length() && letters < 3; i++) {
            letters = Character.isLetter(line.charAt(i)) ? letters + 1 : 0;
        }
        return letters >= 3;
    }

    /** Everything from line {@code from} on is chrome: the story is found again above it (or stays, if none is). */
    private static int[] endBefore(
            int from, List<String> lines, boolean[] prose, boolean[] leftOut, boolean[] chrome, int[] story) {
        for (int j = from; j < lines.size(); j++) {
            chrome[j] = true;
        }
        // the tables again, from the same lines: only on the rare page cut below its story
        int[] before = StorySpan.storySpan(lines, prose, leftOut, chrome, StorySpan.figureTables(lines, prose));
        return before != null ? before : story;
    }
}
