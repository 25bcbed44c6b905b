package dev.copydesk.clean;

import java.util.regex.Pattern;

/** A picture's credit closing a line: "... Photo: Thomas Kuoh", "... / Getty Images". */
public final class PhotoCredits {

    private PhotoCredits() {}

    /** Picture agencies whose name closes a caption's credit. */
    private static final String[] PICTURE_AGENCIES = {
        "Getty Images", "Shutterstock", "iStock", "iStockphoto", "Alamy", "AP Photo"
    };

    /** The credit: the word, "by" or a colon, then a name of up to 60 characters with no sentence in it. */
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "(?i)\\b(?:photo(?:graph)?|image|picture|credit|courtesy)s?(?: by)?\\s*(?::|by)\\s*[^.:!?]{1,60}$");

    /**
     * A line that ends on a photo credit ("... Photo: Thomas Kuoh", "Photo by X on Unsplash", "| Image by ..."): a
     * caption of a picture that text cannot carry, with the agency's or photographer's name.
     */
    public static boolean endsWithPhotoCredit(String line) {
        if (line.length() > 300) {
            return false;
        }
        for (String agency : PICTURE_AGENCIES) {
            if (line.endsWith(agency)
                    || (line.endsWith(".") && line.startsWith(agency, line.length() - agency.length() - 1))) {
                return true; // a caption's credit glued on: "... in 2024.Mikolette / Getty Images"
            }
        }
        // the credit is within the line's last 90 characters (the word, "by" or a colon, a name of up to 60): only
        // those are looked at, since every line of every story comes through here
        int from = Math.max(0, line.length() - 90);
        if (!hasColonOrBy(line, from)) {
            return false;
        }
        return hasPhotoCreditWord(line, from)
                && PHOTO_CREDIT
                        .matcher(line)
                        .region(from, line.length())
                        .useTransparentBounds(true)
                        .find();
    }

    /**
     * One of the credit's words ("photo", "image", "picture", "credit", "courtesy"), in either case, from {@code from}
     * on: one pass over the tail, without copying it.
     */
    private static boolean hasPhotoCreditWord(String line, int from) {
        for (int i = from, length = line.length(); i < length; i++) {
            switch (line.charAt(i) | 0x20) {
                case 'p':
                    if (line.regionMatches(true, i, "photo", 0, 5) || line.regionMatches(true, i, "picture", 0, 7)) {
                        return true;
                    }
                    break;
                case 'i':
                    if (line.regionMatches(true, i, "image", 0, 5)) {
                        return true;
                    }
                    break;
                case 'c':
                    if (line.regionMatches(true, i, "credit", 0, 6) || line.regionMatches(true, i, "courtesy", 0, 8)) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** A colon or "by" from {@code from} on: what every credit has, checked before the credit's words are looked for. */
    private static boolean hasColonOrBy(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':'
                    || ((c == 'b' || c == 'B')
                            && i + 1 < line.length()
                            && (line.charAt(i + 1) == 'y' || line.charAt(i + 1) == 'Y'))) {
                return true;
            }
        }
        return false;
    }
}
