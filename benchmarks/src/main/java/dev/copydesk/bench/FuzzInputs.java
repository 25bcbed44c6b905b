package dev.copydesk.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Hostile inputs for the cleaner and enricher, reproducible from a seed: random bytes decoded as UTF-8 (invalid
 * sequences become U+FFFD), markup soup, deep nesting, one huge line, zip-bomb-like repetition, right-to-left and
 * zero-width characters, lone surrogates, and mutations of a real wire story.
 */
public final class FuzzInputs {

    private static final String[] SOUP = {
        "<p>",
        "</p>",
        "<div class='related'>",
        "</div>",
        "<a href='#'>",
        "</a>",
        "<li>",
        "<ul>",
        "<table>",
        "<tr>",
        "<td>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&amp;",
        "&#x0;",
        "&#xFFFFFF;",
        "&bogus;",
        "\u0000",
        "相关文章:",
        "- ",
        "Share",
        "\n",
        "The minister said on Tuesday that the plan would go ahead. ",
        "Ã©",
        "\uFEFF",
        "<h1>",
        "</h1>",
        "SEOUL, Nov. 13 (Yonhap) -- ",
        "President Joe Biden",
        "\u202E",
        "\u200B",
        "\u200F",
        "مرحبا بالعالم ",
        "שלום ",
        "By JOHN DOE",
        "Published 2023-11-13 10:30 KST",
        "(AP)",
        "U.S.",
        "S. Korea-US ",
        "<meta charset='x'>",
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[",
        "}]</script>",
        "\uD800",
        "\uDFFF",
        "\t",
        "\r",
        "..........",
        "--",
        "—",
        "Mr.",
        "\u0301\u0301\u0301"
    };

    private final Random random;
    private final String story;

    public FuzzInputs(long seed, String story) {
        this.random = new Random(seed);
        this.story = story;
    }

    /** The next input; kinds rotate so that every kind is tried. */
    public String next(long n) {
        return switch ((int) (n % 8)) {
            // mostly small, now and then enormous: a million inputs must finish, and the enormous ones must be tried
            case 0 -> randomUtf8(random.nextInt(2048));
            case 1 -> soup(random.nextInt(200));
            case 2 -> nested(1 + (random.nextInt(500) == 0 ? random.nextInt(20_000) : random.nextInt(200)));
            case 3 -> random.nextInt(5000) == 0 ? hugeLine(1 + random.nextInt(4)) : soup(50);
            case 4 -> repetition(random.nextInt(1000) == 0 ? 20_000 : 200);
            case 5 -> mutate(story);
            case 6 -> invisible(random.nextInt(2000));
            default -> mutate(soup(200) + story);
        };
    }

    private String randomUtf8(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String soup(int pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            out.append(SOUP[random.nextInt(SOUP.length)]);
        }
        return out.toString();
    }

    private String nested(int depth) {
        String tag = new String[] {"div", "b", "span", "li", "table", "p"}[random.nextInt(6)];
        return ("<" + tag + ">").repeat(depth) + "Deep text of a story, with a clause, ends here."
                + (random.nextBoolean() ? ("</" + tag + ">").repeat(depth) : "");
    }

    private String hugeLine(int megabytes) {
        return "x".repeat(megabytes * 1024 * 1024);
    }

    private String repetition(int maxTimes) {
        String unit = SOUP[random.nextInt(SOUP.length)];
        return unit.repeat(1 + random.nextInt(maxTimes));
    }

    private String invisible(int length) {
        StringBuilder out = new StringBuilder();
        char[] chars = {
            '\u200B', '\u200C', '\u200D', '\u2060', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u061C',
            '\uFEFF', 'a', ' ', '\n', 'ب', 'א'
        };
        for (int i = 0; i < length; i++) {
            out.append(chars[random.nextInt(chars.length)]);
        }
        return out.toString();
    }

    private String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(20);
        for (int i = 0; i < edits && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, SOUP[random.nextInt(SOUP.length)]);
                case 2 -> out.setCharAt(at, (char) random.nextInt(0x10000));
                default -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(200))));
            }
        }
        return out.toString();
    }
}
