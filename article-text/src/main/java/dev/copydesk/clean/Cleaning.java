package dev.copydesk.clean;

import dev.copydesk.clean.html.HtmlExtractor;
import dev.copydesk.clean.text.TextCleaner;

/** The cleaning entry points: text copied off a page, or a whole HTML page. */
public final class Cleaning {
    private static final TextCleaner TEXT = new TextCleaner();
    private static final HtmlExtractor HTML = new HtmlExtractor();

    private Cleaning() {}

    public static CleanedText fromText(String text) {
        return TEXT.clean(text);
    }

    public static CleanedText fromHtml(String html) {
        return HTML.extract(html).asCleanedText();
    }
}
