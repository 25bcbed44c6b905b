package dev.copydesk.clean;

/** The shape of a line or block as a learned scorer's features name it: its ending, its capitals, a size bin. */
public final class Shapes {

    private Shapes() {}

    /** The bin of a value: "&lt;b" for the first bound it is under, "&gt;=last" past them all. */
    public static String bin(int value, int... bounds) {
        for (int k = 0; k < bounds.length; k++) {
            if (value < bounds[k]) {
                return "<" + bounds[k];
            }
        }
        return ">=" + bounds[bounds.length - 1];
    }

    /** How a text ends: a sentence stop, a colon, a closing quote, a digit, a letter, something else, nothing. */
    public static String ending(String text) {
        if (text.isEmpty()) {
            return "none";
        }
        char c = text.charAt(text.length() - 1);
        if (".!?。！？".indexOf(c) >= 0) {
            return "stop";
        }
        if (c == ':' || c == '：') {
            return "colon";
        }
        if (c == '"' || c == '”' || c == '»' || c == ')') {
            return "close";
        }
        if (Character.isDigit(c)) {
            return "digit";
        }
        return Character.isLetter(c) ? "letter" : "other";
    }

    /** The share of words that start with a capital, in quarters: title case is headings and menus, prose is mostly small. */
    public static String capitals(String text) {
        int words = 0;
        int caps = 0;
        boolean start = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                start = true;
            } else if (start) {
                start = false;
                if (Character.isLetter(c)) {
                    words++;
                    if (Character.isUpperCase(c)) {
                        caps++;
                    }
                }
            }
        }
        if (words == 0) {
            return "none";
        }
        int share = 4 * caps / words;
        return share >= 4 ? "all" : String.valueOf(share);
    }
}
