package dev.copydesk.clean.html;

import dev.copydesk.clean.RuleSwitches;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Takes out the superscript numbers that point to a story's footnotes ("...the Benchmarking Study<sup>1</sup>."),
 * which the text would otherwise glue onto the word before them ("Study1"), making a word the story never wrote.
 * A superscript is a footnote mark when it holds only a number or a list of them ("2", "[3]", "4,5", "6-8") and
 * either links within the page or follows a word of three letters or more, or a sentence's punctuation; after a
 * digit or a one- or two-letter word it is an exponent or a unit ("10<sup>6</sup>", "km<sup>2</sup>") and stays.
 */
final class FootnoteMarks {

    /** The most characters a mark holds: "[12]", "4, 5", "6–10". */
    private static final int MAX_MARK = 7;
    /** A word this long before the number makes it a footnote mark, not an exponent of a unit or a variable. */
    private static final int MIN_WORD = 3;

    private FootnoteMarks() {}

    static void remove(Element body) {
        if (!RuleSwitches.on("html.footnote-marks")) {
            return;
        }
        if (body == null) {
            return;
        }
        List<Element> marks = new ArrayList<>();
        for (Element sup : body.getElementsByTag("sup")) {
            if (isFootnoteMark(sup)) {
                marks.add(sup);
            }
        }
        marks.forEach(Element::remove);
    }

    static boolean isFootnoteMark(Element sup) {
        String mark = sup.text().strip();
        if (mark.isEmpty() || mark.length() > MAX_MARK || !isNumberList(mark)) {
            return false;
        }
        for (Element link : sup.getElementsByTag("a")) {
            if (link.attr("href").indexOf('#') >= 0) {
                return true; // a link to the note on this page
            }
        }
        return followsWordOrSentence(textBefore(sup));
    }

    /** Digits, maybe in brackets, maybe several joined by commas or dashes; at least one digit. */
    private static boolean isNumberList(String mark) {
        boolean digit = false;
        for (int i = 0; i < mark.length(); i++) {
            char c = mark.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if ("[](),-–  ".indexOf(c) < 0) {
                return false;
            }
        }
        return digit;
    }

    /** The text just before the element in reading order, at most a few dozen characters of it. */
    private static String textBefore(Element e) {
        StringBuilder before = new StringBuilder();
        Node node = e;
        while (before.length() < 40 && node != null) {
            Node previous = node.previousSibling();
            if (previous == null) {
                node = node.parent();
                if (node == null || (node instanceof Element parent && !Tags.isInline(parent))) {
                    break; // the block's start: nothing before the mark in its paragraph
                }
                continue;
            }
            String text =
                    previous instanceof TextNode t ? t.getWholeText() : previous instanceof Element el ? el.text() : "";
            before.insert(0, text);
            node = previous;
        }
        return before.toString();
    }

    private static boolean followsWordOrSentence(String before) {
        int end = before.length();
        if (end == 0 || Character.isWhitespace(before.charAt(end - 1))) {
            return false; // "see table <sup>2</sup>": spaced off, not glued to anything
        }
        int i = end;
        while (i > 0 && ".,;:!?)\"”’".indexOf(before.charAt(i - 1)) >= 0) {
            i--;
        }
        boolean punctuated = i < end;
        int letters = 0;
        while (i > 0 && Character.isLetter(before.charAt(i - 1))) {
            i--;
            letters++;
        }
        if (i > 0 && Character.isDigit(before.charAt(i - 1))) {
            return false; // "1.5x10<sup>6</sup>", "H2O"
        }
        return letters >= MIN_WORD || (punctuated && letters > 0);
    }
}
