package dev.copydesk.clean;

import java.util.regex.Pattern;

/** An author's bio box as a line of text: "Jane Doe is a freelance writer ...", and the closing box's other roles. */
public final class BioLines {

    private BioLines() {}

    /**
     * An author's bio: "Jane Doe is a freelance writer living in ...", the box above or under a story that describes
     * its writer, not the story. English sentence shape; other languages' bios stay.
     */
    public static boolean isAuthorBio(String line) {
        // anchored at a capitalised name: most lines fail on their first word
        return line.length() <= 600
                && !line.isEmpty()
                && Character.isUpperCase(line.charAt(0))
                && nameThenIsOrWas(line)
                && AUTHOR_BIO
                        .matcher(line)
                        .lookingAt(); // anchored: lookingAt, not find, which would try every position
    }

    /**
     * The same box naming other roles ("... is the co-founder of", "... teaches philosophy at", "... is an associate
     * professor of"): a story's own paragraphs introduce people so, so this is asked of a story's last paragraphs only.
     */
    /** How many closing paragraphs may be the writers' bios (a story by two writers ends on two). */
    public static final int CLOSING_BIO_PARAGRAPHS = 2;

    public static boolean isClosingBio(String line) {
        // longer than a bio met inside the story: the closing box tells the writer's career (609 characters on one dev
        // page)
        return line.length() <= 1000
                && !line.isEmpty()
                && Character.isUpperCase(line.charAt(0))
                && (AUTHOR_BIO.matcher(line).lookingAt()
                        || CLOSING_BIO.matcher(line).lookingAt());
    }

    /** Words a bio's name can take before its verb: three names, letters after them ("MA,", "MFA,"), a handle. */
    private static final int BIO_NAME_WORDS = 8;

    /**
     * Whether the line's first word that starts in lower case is "is", "was" or "has": what {@link #AUTHOR_BIO}
     * needs after the name, checked without the regex (every line of every story is asked; JFR: 5% of text cleaning).
     */
    private static boolean nameThenIsOrWas(String line) {
        int length = line.length();
        int i = 0;
        for (int word = 0; word < BIO_NAME_WORDS && i < length; word++) {
            int end = line.indexOf(' ', i);
            if (end < 0) {
                end = length;
            }
            if (end > i && Character.isLowerCase(line.charAt(i))) {
                int n = end - i;
                return (n == 2 && line.startsWith("is", i))
                        || (n == 3 && (line.startsWith("was", i) || line.startsWith("has", i)));
            }
            i = end + 1;
        }
        return false;
    }

    /** A bio's opening: the name, maybe letters after it ("Mary Henn, MA, MFA,") or a handle ("(@EduardKovacs)"). */
    private static final String BIO_NAME =
            "^\\p{Lu}[\\p{L}.'’-]+(?: \\p{Lu}[\\p{L}.'’-]+){0,2}(?:, \\p{Lu}[\\p{Lu}.]{1,5})*,? (?:\\(@\\w+\\) )?";

    private static final Pattern CLOSING_BIO = Pattern.compile(BIO_NAME + "(?:(?:is|was|has been|started|founded|"
            + "serves as|works as)\\b[^.]{0,100}\\b(?i:co-?founder|founder|ceo|director|professor|faculty|lecturer|fellow|physician|editor (?:at|of|for|with))\\b"
            + "|(?:teaches|lectures)\\b[^.]{1,80}\\bat\\b)"
            // the box that opens with the writer's post: "Executive Editor at Digit. Technology journalist since
            // 2008..."
            + "|^(?:(?:Senior|Executive|Managing|Contributing|Deputy|Associate|Assistant|Staff|Chief|Features|News) )?"
            + "(?:Editor|Writer|Reporter|Correspondent|Journalist|Columnist) (?:at|for|with) \\p{Lu}");

    /** The name, then the handle some sites put after it: "Eduard Kovacs (@EduardKovacs) is the managing editor...". */
    private static final Pattern AUTHOR_BIO = Pattern.compile(BIO_NAME + "(?:is|was|has been)\\b[^.]{0,100}"
            + "\\b(?:writer|journalist|reporter|columnist|correspondent|freelance|blogger|content creator)\\b");
}
