package dev.copydesk.clean.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.MarkupLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

    private final HtmlExtractor extractor = new HtmlExtractor();

    /**
     * The hand rules without the block scorer, for the rules the scorer overrules: it keeps a quote card's attribution
     * and a list of links between two paragraphs, as the WCXB ground truths mostly do.
     */
    private final HtmlExtractor handRules = HtmlExtractor.handRules();

    /** Paragraphs of a plain news story, the first {@code n} of six, each in its {@code <p>}. */
    static String bankStory(int n) {
        return Stream.of(
                        "The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.",
                        "Economists had expected the hold, and markets barely moved after the announcement in the afternoon.",
                        "The bank's governor said the next move could be either way, depending on how prices behave this winter.",
                        "Two of the nine members of the committee voted for a cut, saying that the labour market was cooling fast.",
                        "The pound slipped against the dollar after the vote split was published, and bond yields fell a little.",
                        "Retailers said shoppers were still cautious ahead of the holidays, with spending on big items flat.")
                .limit(n)
                .map(p -> "<p>" + p + "</p>\n")
                .collect(Collectors.joining());
    }

    static String page(String name) throws IOException {
        return Files.readString(Path.of("..", "samples", "wire", name));
    }

    @Test
    void aNewsPageGivesItsStoryAndOnlyItsStory() throws IOException {
        ExtractedPage page = extractor.extract(page("harbour-ferry-strike.html"));
        assertThat(page.title()).isEqualTo("Ferry crews strike over rosters, stranding island commuters");
        assertThat(page.paragraphs()).hasSize(10);
        assertThat(page.paragraphs().get(0)).startsWith("WELLINGTON HARBOUR, Nov. 26 — Ferry crews walked off");
        assertThat(page.paragraphs())
                .contains("Buses and water taxis stretched", "- fares that rose 18% over the past two years;");
        assertThat(page.paragraphs().get(9)).endsWith("would meet union officials on Monday.");
        String body = page.asCleanedText().body();
        assertThat(body)
                .doesNotContain(
                        "cookie",
                        "Subscribe",
                        "Home",
                        "Share on",
                        "Advertisement",
                        "Photo: Courier",
                        "Council approves new ferry contract",
                        "Tags",
                        "newsletter",
                        "Typical.",
                        "Most read",
                        "All rights reserved",
                        "By Mere Tahana",
                        "7:45am");
        assertThat(page.removedBlocks()).isGreaterThan(20);
    }

    @Test
    void aLinkLeftOpenInTheHeaderDoesNotTurnTheStoryIntoLinks() {
        // the parser opens the unclosed <a> again inside every paragraph after it, as browsers do; with whitespace
        // between the paragraphs, the copy opened by that whitespace encloses the paragraphs after it instead
        String tight = bankStory(4).replace("\n", "");
        for (String story : List.of(tight, bankStory(4))) {
            String page = "<html><body><div class=\"nav\"><a href=\"/home\">Home</div><article><h1>Rates held</h1>"
                    + story + "</article><div class=\"more\"><a href=\"/a\">Pound slips as the vote splits</a>"
                    + "<a href=\"/b\">Retailers brace for a quiet winter</a><a href=\"/c\">Bond yields fall a little</a></div>"
                    + "</body></html>";
            assertThat(org.jsoup.Jsoup.parse(page).select("article a[href=/home]"))
                    .isNotEmpty(); // the parser's copies
            ExtractedPage extracted = extractor.extract(page);
            assertThat(extracted.paragraphs()).hasSize(4);
            assertThat(extracted.paragraphs().get(0)).startsWith("The central bank held its policy rate");
            assertThat(extracted.asCleanedText().body()).doesNotContain("Pound slips", "Home");
        }
    }

    @Test
    void aPageBuiltByItsScriptsGivesTheStoryItStatesForSearchEngines() {
        String paragraphs = bankStory(5).replace("<p>", "").replace("</p>", "");
        String plain = "{\"@type\":\"NewsArticle\",\"headline\":\"Rates held\",\"articleBody\":\""
                + paragraphs.strip().replace("\n", "\\n\\n").replace("'", "\\u0027") + "\"}";
        String markup = "{\"@type\":\"NewsArticle\",\"articleBody\":\""
                + bankStory(5).replace("\n", "").replace("\"", "\\\"") + "<ul><li>Rates: held</li></ul>\"}";
        for (String jsonLd : List.of(plain, markup)) {
            ExtractedPage page =
                    extractor.extract("<html><head><title>Rates held</title><script type=\"application/ld+json\">"
                            + jsonLd
                            + "</script></head><body><div id=\"root\"></div><noscript>You need to enable JavaScript to run"
                            + " this app.</noscript><script src=\"/app.js\"></script></body></html>");
            assertThat(page.paragraphs()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(page.paragraphs().get(0)).startsWith("The central bank held its policy rate on Monday");
            assertThat(page.paragraphs().get(4)).startsWith("The pound slipped against the dollar");
        }
        // where the markup holds the story, the markup's blocks are the body (its subhead too), not the statement
        String story = bankStory(5);
        int third = story.indexOf("<p>The bank's governor");
        ExtractedPage rendered = extractor.extract("<html><head><script type=\"application/ld+json\">" + plain
                + "</script></head><body><article><h1>Rates held</h1>" + story.substring(0, third)
                + "<h2>What the governor said</h2>" + story.substring(third) + "</article></body></html>");
        assertThat(rendered.paragraphs()).hasSize(6).contains("What the governor said");
    }

    @Test
    void theBreaksLeftForAdvertisementsBetweenParagraphsGo() {
        String story = bankStory(4)
                .replace("</p>\n<p>The bank's", "</p><p>Story continues below advertisement</p><p>The bank's")
                .replace(
                        "</p>\n<p>Two of",
                        "</p><div class=\"inline\"><span>Article continues after this ad</span></div><p>Two of");
        ExtractedPage page =
                extractor.extract("<html><body><article><h1>Rates held</h1>" + story + "</article></body></html>");
        assertThat(page.paragraphs()).hasSize(4);
        assertThat(page.asCleanedText().body()).doesNotContain("continues");
    }

    @Test
    void footnoteMarksGoAndExponentsStay() {
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(3)
                + "<p>Over five years, 41% of advisers merged, according to the Benchmarking Study<sup>1</sup>. Fees fell"
                + " by a fifth,<sup><a href=\"#fn-2\">[2]</a></sup> and the survey of 1,200 firms found<sup>3,4</sup> that"
                + " rents rose too.</p>"
                + "<p>The new site covers 12 km<sup>2</sup> and its pumps move 10<sup>6</sup> litres a day, as see table"
                + " <sup>5</sup> shows for the 1<sup>st</sup> year of its life, the engineers said.</p>"
                + "</article></body></html>");
        assertThat(page.paragraphs())
                .contains(
                        "Over five years, 41% of advisers merged, according to the Benchmarking Study. Fees fell by a fifth, and the"
                                + " survey of 1,200 firms found that rents rose too.",
                        "The new site covers 12 km2 and its pumps move 106 litres a day, as see table 5 shows for the 1st year of its"
                                + " life, the engineers said.");
    }

    @Test
    void metadataComesFromJsonLdThenMetaTags() throws IOException {
        PageMetadata metadata =
                extractor.extract(page("harbour-ferry-strike.html")).metadata();
        assertThat(metadata.authors()).containsExactly("Mere Tahana", "Oliver Grant");
        assertThat(metadata.published()).isEqualTo("2026-11-26T07:45:00+13:00");
        assertThat(metadata.canonicalUrl()).isEqualTo("https://courier.example/news/2026/11/ferry-strike");

        PageMetadata fromMeta = extractor.extract("""
                <html><head><title>Rates held | Daily</title>
                <meta name="author" content="By Jo Smith"><meta property="article:published_time" content="2026-03-01T10:00:00Z">
                <meta property="og:url" content="https://daily.example/rates"></head>
                <body><p>The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.</p></body></html>
                """).metadata();
        assertThat(fromMeta.authors()).containsExactly("Jo Smith");
        assertThat(fromMeta.published()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(fromMeta.canonicalUrl()).isEqualTo("https://daily.example/rates");
        assertThat(fromMeta.title()).isEmpty();
    }

    @Test
    void withoutMarkupTheTitleIsTheHeadlinePartOfTheDocumentTitle() {
        ExtractedPage page = extractor.extract("""
                <html><head><title>Daily News - Rates held as inflation cools</title></head>
                <body><p>The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.</p></body></html>
                """);
        assertThat(page.title()).isEqualTo("Rates held as inflation cools");
    }

    @Test
    void theBreadcrumbTrailAboveTheHeadlineAndTheStampRowUnderItAreNotTheStory() {
        ExtractedPage page = extractor.extract("""
                <html><body><article>
                <div class="trail"><label><a href="/news">Newsroom</a>/<a href="/tips">Online learning tips</a>/Which program is right for you?</label></div>
                <h1>Which program is right for you?</h1>
                <div class="stamp">March 15, 2022 · 3 min read · By ASU Online</div>
                <p>The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.</p>
                <p>Economists had expected the hold, and markets barely moved after the announcement in the afternoon.</p>
                </article></body></html>
                """);
        assertThat(page.title()).isEqualTo("Which program is right for you?");
        assertThat(page.paragraphs()).hasSize(2).allMatch(p -> !p.contains("Newsroom") && !p.contains("min read"));
        // a sentence of the story that ends in the headline's words is no trail
        ExtractedPage story = extractor.extract("""
                <html><body><article>
                <p>Economists had one question for the board ahead of the meeting: the rate held?</p>
                <p>The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.</p>
                <h1>Rates held</h1><p>Markets barely moved after the announcement in the afternoon, and bonds were flat.</p>
                </article></body></html>
                """);
        assertThat(story.paragraphs())
                .contains(
                        "The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.");
    }

    @Test
    void aBoxOfOtherPostsIsFurnitureThoughItsNameSaysPostAndATableOfContentsAnchorStaysAHeading() {
        ExtractedPage page = extractor.extract("""
                <html><body><div class="post-body">
                <p>The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.</p>
                <h2 id="toc_why-it-held">Why it held</h2>
                <p>Economists had expected the hold, and markets barely moved after the announcement in the afternoon.</p>
                <div class="popular-post-wrapper"><h3>Most Popular</h3>
                <p>Ten ways to cut your heating bill this winter without turning the thermostat down at all, say experts.</p></div>
                </div><div class="main-content has-share-bar">
                <p>Bond yields fell after the decision, and the currency slipped against the dollar and the euro.</p></div>
                </body></html>
                """);
        assertThat(page.paragraphs())
                .contains(
                        "Why it held",
                        "Bond yields fell after the decision, and the currency slipped against the dollar and the euro.")
                .noneMatch(p -> p.contains("Most Popular") || p.contains("heating bill"));
    }

    @Test
    void anArticleWordVouchesOnlyForANameWithoutAFurnitureWordInIt() {
        String comment =
                "I disagree with the whole premise of this piece, and I have said so in the forum for many years now, friends.";
        ExtractedPage page =
                extractor.extract("""
                <html><body><article class="post">
                %s
                <div class="entry-content has-share-bar"><p>Bond yields fell after the decision, and the currency slipped against the dollar and the euro.</p></div>
                <div class="comments-body"><p>%s</p><p>%s</p></div>
                <div class="ArticleContent_ArticleContent__imageBlock_caption__AuqrJ"><p>Rate decision chart by the bank</p></div>
                </article></body></html>
                """.formatted(bankStory(6), comment, comment.replace("whole", "entire")));
        assertThat(page.paragraphs())
                .contains(
                        "Bond yields fell after the decision, and the currency slipped against the dollar and the euro.")
                .noneMatch(p -> p.contains("premise") || p.contains("chart by the bank"));
    }

    @Test
    void aFoldedReadMoreAnswerIsTextButAReadMoreLinkIsNot() {
        String answer =
                "Remodeling almost always costs less than building from the ground up, because you keep the foundation "
                        + "and the framing, and you skip the heaviest costs of a new build: the lot, the permits and the utility hook-ups.";
        ExtractedPage page = extractor.extract("""
                <html><body><article>
                %s
                <h2>Is it cheaper to remodel?</h2>
                <div class="ReadMoreAnswer_answerTextWrapper"><div class="ReadMoreAnswer_answerText"><p>%s</p><p>%s</p></div></div>
                <div class="read-more"><p>Read more: why rates matter for your mortgage</p></div>
                </article></body></html>
                """.formatted(
                        bankStory(6)
                                + bankStory(6).replace(".</p>", ", officials said.</p>")
                                + bankStory(6).replace(".</p>", ", it was reported.</p>"),
                        answer,
                        answer.replace("Remodeling", "Renovating")));
        assertThat(page.paragraphs()).contains(answer).noneMatch(p -> p.startsWith("Read more"));
    }

    @Test
    void aCustomElementInsideAParagraphRunsInItsText() {
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(3)
                + "<p>After my success with <side-note data-slug=\"yaml\">the Yaml parser</side-note>, I ported a complete HTML5 "
                + "parser and its browser test suite to OCaml in a week.</p>"
                + bankStory(6).substring(bankStory(3).length())
                + "<p>Emil wrote the original library <em>(via <side-note data-slug=\"simonw\">Simon Willison</side-note> posting "
                + "about it)</em>, using coding agents, and then it was ported to JavaScript.</p>"
                + "</article></body></html>");
        assertThat(page.paragraphs())
                .hasSize(8)
                .contains(
                        "After my success with the Yaml parser, I ported a complete HTML5 parser and its browser test suite to OCaml in a week.",
                        "Emil wrote the original library (via Simon Willison posting about it), using coding agents, and then it was ported to JavaScript.");
    }

    @Test
    void paragraphsNestedDeepInPageBuilderMarkupAreAllFound() {
        StringBuilder html = new StringBuilder("<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav>");
        for (int section = 0; section < 6; section++) {
            html.append("<section class='builder-section'><div class='builder-container'><div class='builder-column'>")
                    .append("<div class='builder-widget'><div class='builder-widget-container'>")
                    .append("<p>Paragraph ")
                    .append(section)
                    .append(" of the story says something substantial, with a clause, and ends properly.</p>")
                    .append("</div></div></div></div></section>");
        }
        html.append("<footer><a href='/privacy'>Privacy</a></footer></body></html>");
        ExtractedPage page = extractor.extract(html.toString());
        assertThat(page.paragraphs()).hasSize(6);
        assertThat(page.paragraphs().get(5)).startsWith("Paragraph 5 of the story");
    }

    @Test
    void tableRowsAreLinesWithCellsJoined() {
        ExtractedPage page = extractor.extract("""
                <html><body><article>
                <p>The table below lists the ranking of the three schools, according to the survey published this week.</p>
                <table><tr><th>Rank</th><th>School</th></tr><tr><td>1</td><td>North High</td></tr><tr><td>2</td><td>East High</td></tr></table>
                <p>Schools were ranked on results, attendance and the share of students going on to further study.</p>
                </article></body></html>
                """);
        assertThat(page.paragraphs()).containsSubsequence("Rank | School", "1 | North High", "2 | East High");
    }

    @Test
    void aHiddenContainerHoldingMostOfThePageIsTheArticleNotFurniture() {
        ExtractedPage page = extractor.extract("""
                <html><body><div class="shell">Loading</div><div hidden id="S:0">
                <p>Streamed pages hide the article until a script moves it into place, so hidden cannot always mean furniture.</p>
                <p>The second paragraph of the streamed article is here, long enough to count as prose on its own.</p>
                </div><div hidden class="modal">Sign in to continue reading this and other stories.</div></body></html>
                """);
        assertThat(page.paragraphs()).hasSize(2);
        assertThat(page.asCleanedText().body()).doesNotContain("Sign in");
    }

    @Test
    void anUnclosedAsideThatSwallowsThePageDoesNotTakeTheStoryWithIt() {
        String story =
                "<p>The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.</p>"
                        + "<p>Economists had expected the hold, and markets barely moved after the announcement in the afternoon.</p>";
        ExtractedPage page = extractor.extract("<html><body><aside class='banner'><a href='/x'>Sale today</a>"
                + "<main><article>" + story + "</article></main></body></html>");
        assertThat(page.paragraphs()).hasSize(2);
        // a real aside beside the story is still furniture
        ExtractedPage withSidebar = extractor.extract(
                "<html><body><article>" + story + "</article>"
                        + "<aside><p>Our pick of the week's other stories, from the markets desk, for the weekend.</p></aside></body></html>");
        assertThat(withSidebar.asCleanedText().body()).doesNotContain("pick of the week");
    }

    @Test
    void reactStreamedSegmentsAreStoryAndOtherHiddenElementsAreNot() {
        ExtractedPage page = extractor.extract("""
                <html><body><div id="root"><template id="B:0"></template><p>Loading...</p></div>
                <div hidden id="S:0"><p>The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.</p></div>
                <div hidden id="S:1"><p>Economists had expected the hold, and markets barely moved after the announcement in the afternoon.</p></div>
                <div hidden><p>Sign in to save this story to your reading list and read it later on any device you own.</p></div>
                <script>$RC("B:0","S:0");$RC("B:1","S:1")</script></body></html>
                """);
        assertThat(page.paragraphs()).hasSize(2).allMatch(p -> !p.contains("Sign in"));
    }

    @Test
    void foldedAccordionPanelsAreTextAndPromotedArticlesAreNotPromotions() {
        ExtractedPage page = extractor.extract("""
                <html><body><div class="node node--promoted"><article>
                <p>The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.</p>
                <h3><a role="button" aria-controls="faq-1" aria-expanded="false">Why did it hold?</a></h3>
                <div id="faq-1" style="display:none"><p>Inflation fell for a fourth month, and wages have stopped rising faster than prices.</p></div>
                </article></div>
                <div class="promo-box" style="display:none"><p>Subscribe today and get the first three months of the paper for one pound.</p></div>
                <footer>%s</footer></body></html>
                """.formatted(
                "<p>About us, contact, careers, advertising, terms of use, privacy and cookies.</p>".repeat(10)));
        assertThat(page.asCleanedText().body())
                .contains("held its policy rate", "Inflation fell for a fourth month")
                .doesNotContain("Subscribe today");
    }

    @Test
    void anAccordionPanelFoldedUnderItsHeadersToggleIsTextButOtherHiddenBoxesAreNot() {
        // no aria-controls: the panel is hidden right after the header whose button says it is collapsed
        ExtractedPage page = extractor.extract("""
                <html><body><article>
                <p>The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.</p>
                <div class="section"><h3><button aria-expanded="false"><p>Why did it hold?</p></button></h3>
                <div hidden aria-hidden="true"><p>Inflation fell for a fourth month, and wages have stopped rising faster than prices.</p></div></div>
                <div class="section"><h3>Sign in</h3>
                <div hidden><p>Sign in to save this story to your reading list and read it later on any device you own.</p></div></div>
                </article></body></html>
                """);
        assertThat(page.asCleanedText().body())
                .contains("held its policy rate", "Inflation fell for a fourth month")
                .doesNotContain("reading list");
    }

    @Test
    void aLegalDisclaimerUnderTheStoryIsLeftOut() {
        ExtractedPage page = extractor.extract("""
                <html><body><main>
                <div class="fund-news"><p>The fund cut its fees for the third time this year, bringing the average expense ratio to a new low.</p>
                <p>Managers said the cut reflects the fund's growth, which lets fixed costs be spread over more investors' money.</p>
                <p>Rival fund houses have matched most of the earlier cuts within weeks, and analysts expect them to do so again.</p>
                <p>The new fees apply from the first of next month to every share class, including those held through advisers.</p></div>
                <div class="disclaimer"><p>All investing is subject to risk, including the possible loss of the money
                you invest. Past performance is no guarantee of future returns, and diversification does not ensure a profit.</p></div>
                </main></body></html>
                """);
        assertThat(page.paragraphs()).hasSize(4).noneMatch(p -> p.startsWith("All investing"));
    }

    @Test
    void aSiteBuildersFormMessagesHiddenByItsStylesheetAreLeftOut() {
        // Webflow hides these two until a form is sent, by its stylesheet, which an extractor does not read
        ExtractedPage page = extractor.extract("""
                <html><body><div class="blog-post">
                <p>The fund cut its fees for the third time this year, bringing the average expense ratio to a new low.</p>
                <p>Managers said the cut reflects the fund's growth, which lets fixed costs be spread over more investors' money.</p>
                <p>Rival fund houses have matched most of the earlier cuts within weeks, and analysts expect them to do so again.</p>
                <div class="w-form"><form><input name="email"></form>
                <div class="w-form-done"><div>Thank you! Your submission has been received and we will be in touch soon!</div></div>
                <div class="w-form-fail"><div>Oops! Something went wrong while submitting the form, please try again.</div></div></div>
                </div></body></html>
                """);
        assertThat(page.paragraphs()).hasSize(3).noneMatch(p -> p.startsWith("Thank you") || p.startsWith("Oops"));
    }

    @Test
    void aTeaserCardInsideTheStoryIsLeftOutButACardHoldingAnEntryStays() {
        String teaser =
                "<div class=\"border card\"><img src=\"x.jpg\" alt=\"\"><h3>What is a double major and is it worth it?</h3>"
                        + "<div>Learn what a double major is, some popular combinations and the benefits of pursuing two majors.</div>"
                        + "<a class=\"btn\" href=\"/double-major\">Learn more</a></div>";
        String entry =
                "<div class=\"ranking-card\"><h3>Harbour College</h3><div>" + "Harbour College runs twelve online "
                        + "certificates in accounting, data and nursing, each taught by the same faculty as its campus degrees. "
                                .repeat(4)
                        + "</div></div>";
        // a quotation set as a card is the story's quote
        String quote =
                "<blockquote class=\"quote-card\"><div class=\"quote-card-desc\">\"We will act if prices do not fall by spring,"
                        + " and not before,\" the governor told the committee.</div><div class=\"quote-card-name\">Ann Lee</div></blockquote>";
        String html = "<html><body><article>" + bankStory(3) + teaser + quote
                + bankStory(6).substring(bankStory(3).length()) + entry + "</article></body></html>";
        ExtractedPage page = handRules.extract(html);
        assertThat(page.paragraphs())
                .noneMatch(p -> p.contains("double major"))
                .anyMatch(p -> p.startsWith("Harbour College runs"))
                .anyMatch(p -> p.contains("We will act if prices do not fall by spring"))
                .contains("Harbour College")
                .doesNotContain("Ann Lee")
                .hasSize(9);
        // the scorer lets the quote's attribution back in, and nothing else
        List<String> shipped = new ArrayList<>(extractor.extract(html).paragraphs());
        assertThat(shipped.remove("Ann Lee")).isTrue();
        assertThat(shipped).isEqualTo(page.paragraphs());
    }

    @Test
    void theStorysReferenceListIsLeftOut() {
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(6) + "<h2>References</h2><ol>"
                + "<li>Bernanke BS, Gertler M. Inside the Black Box: The Credit Channel. J Econ Perspect 1995;9(4):27-48.</li>"
                + "<li>Taylor JB. Discretion versus policy rules in practice. Carnegie-Rochester Conf Ser 1993;39:195-214.</li>"
                + "</ol></article></body></html>");
        assertThat(page.paragraphs()).hasSize(6).noneMatch(p -> p.contains("1995") || p.equals("References"));
    }

    @Test
    void theExcerptsOfOtherPostsUnderTheStoryAreLeftOut() {
        // cards named like the story's own wrapper ("post-list__content"), their excerpts cut off in mid-sentence
        String card =
                "<div class=\"post-list__item\"><div class=\"post-list__content\"><h3><a href=\"/blog/%d\">%s</a></h3><p>%s</p></div></div>";
        ExtractedPage page = extractor.extract("<html><body><article class=\"content\">" + bankStory(6)
                + "<h2>Related Blog Posts</h2><div class=\"post-list__items\">"
                + card.formatted(
                        1,
                        "Ten cosy ways to celebrate",
                        "Grandma's stuffing. Aunt Jane's silly jokes. Pies side by side across the counter, and the parade on the…")
                + card.formatted(
                        2,
                        "Paper snowflakes for the family",
                        "There is something nostalgic and creatively satisfying about making paper snowflakes with the children. Here are some simple...")
                + card.formatted(
                        3,
                        "Renovate in style",
                        "Considering renovations but you do not want to lose your home's character? It can be done, by keeping the home's style in the…")
                + "</div></article></body></html>");
        assertThat(page.paragraphs())
                .hasSize(6)
                .noneMatch(p -> p.contains("Grandma") || p.contains("snowflakes") || p.contains("Related"));
    }

    @Test
    void cardsBuiltAsOneLinkAroundTheirTextAreLinkText() {
        // each post is one <a> around blocks: no text node sits in the link inside its own block
        String post =
                "<div><a href=\"/story-%d\"><div class=\"flex\"><p class=\"rank\">%d</p><div class=\"flex-1\"><p>%s</p></div></div></a></div>";
        // between the story's paragraphs, where the edge trim cannot take the headlines
        ExtractedPage page = extractor.extract("<html><body><article><div class=\"body\">" + bankStory(3)
                + "<div class=\"p-10 flex\"><p>Popular posts</p><div class=\"flex-col\">"
                + post.formatted(
                        1,
                        1,
                        "Did You Know? A Queen Once Stepped In To Keep A Rapper From Being Banned From The Country")
                + post.formatted(
                        2, 2, "Flight Attendant's Armrest Announcement Sparks A Social Media Frenzy Among Passengers")
                + post.formatted(
                        3, 3, "Chaos Erupts After Passenger Is Forced To Give Up Her Seat For A Visiting Minister")
                + "</div></div>" + bankStory(6).substring(bankStory(3).length()) + "</div></article></body></html>");
        assertThat(page.paragraphs())
                .noneMatch(p -> p.contains("Queen") || p.contains("Armrest") || p.contains("Chaos"))
                .anyMatch(p -> p.startsWith("Retailers said"));
    }

    @Test
    void aSubheadInItsOwnSectionAnchorIsTheStorys() {
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(3)
                + "<a href=\"/business/rates-held#anchor-2\" id=\"anchor-2\"><h2>What the vote split means for borrowers</h2></a>"
                + bankStory(6).substring(bankStory(3).length()) + "</article></body></html>");
        assertThat(page.paragraphs()).hasSize(7).contains("What the vote split means for borrowers");
    }

    @Test
    void aLinkAroundTheWholeStoryIsNoCard() {
        // one link around the story's blocks ("click anywhere to read on"): far more text than a card's headline and
        // excerpt
        ExtractedPage page =
                extractor.extract("<html><body><article><a href=\"/business/rates-held\"><div class=\"story\">"
                        + bankStory(6) + "</div></a></article></body></html>");
        assertThat(page.paragraphs())
                .anyMatch(p -> p.startsWith("The central bank held"))
                .anyMatch(p -> p.startsWith("Retailers said"));
    }

    @Test
    void anAuthorsBioUnderTheStoryIsLeftOut() {
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(2)
                + "<p>Jo Smith is a reporter covering central banks and bond markets from London for the paper since 2019.</p>"
                + "</article></body></html>");
        assertThat(page.paragraphs()).hasSize(2).noneMatch(p -> p.startsWith("Jo Smith"));
    }

    @Test
    void bareTextBetweenSubheadsKeepsItsOrderAndItsSubheads() {
        // the story as text directly in a div, subheads as <h2> children, paragraphs parted by <br><br> (older CMSes)
        ExtractedPage page = extractor.extract("""
                <html><body><article><div class="artText">Coffee is far more than a morning routine for millions of people
                around the world, and nutrition experts say it brings real benefits.<br><br>Much of its good comes from
                antioxidants that help several systems of the body at once, the experts add.<br><h2>Why coffee can be good for you</h2>
                Drinking coffee has several advantages, most of them owed to polyphenols, which fight inflammation.
                <h2>1. Brain and cognitive support</h2>Coffee supports short-term concentration and is likely neuroprotective
                in the long run, according to the dietitians interviewed.</div></article></body></html>
                """);
        assertThat(page.paragraphs())
                .containsExactly(
                        "Coffee is far more than a morning routine for millions of people around the world, and nutrition experts say it brings real benefits.",
                        "Much of its good comes from antioxidants that help several systems of the body at once, the experts add.",
                        "Why coffee can be good for you",
                        "Drinking coffee has several advantages, most of them owed to polyphenols, which fight inflammation.",
                        "1. Brain and cognitive support",
                        "Coffee supports short-term concentration and is likely neuroprotective in the long run, according to the dietitians interviewed.");
    }

    @Test
    void aModalIsFurnitureEvenWhereItsPartsAreNamedContent() {
        ExtractedPage page = extractor.extract("<html><body><article class=\"post-content\">" + bankStory(6) + """
                </article>
                <div class="memberModal" id="contentBlockModal"><div class="modal-content">
                <p>As a registered member you get ten free posts from our archive every month, and you have used them all up now.</p>
                <p>Annual members pay half the monthly price and read every archived post without a limit, and without any ads.</p>
                </div></div></body></html>
                """);
        assertThat(page.paragraphs()).hasSize(6).noneMatch(p -> p.contains("archive"));
    }

    @Test
    void theWritersBoxesAndAPaywallUnderTheStoryAreLeftOut() {
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(2) + """
                <p>To read the rest of this story, subscribe to Example+ for full access to every article we publish.</p>
                <p>Manoj Jain is adjunct faculty at Emory University and a physician based in Memphis.</p>
                <p>Jagpreet Chhatwal is an Associate Professor of Radiology at Harvard Medical School.</p>
                </article></body></html>
                """);
        assertThat(page.paragraphs())
                .hasSize(2)
                .allMatch(p -> p.startsWith("The central bank") || p.startsWith("Economists"));
    }

    @Test
    void aStoryWrappedInAFurnitureNameIsFoundWhenTheNamesLeaveNoStory() {
        String story =
                "<p>The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.</p>"
                        + "<p>Economists had expected the hold, and markets barely moved after the announcement in the afternoon.</p>"
                        + "<p>The bank's governor said the next move could be either way, depending on how prices behave this winter.</p>";
        String cards = "<div class='card'><a href='/a'>Another story</a><span>12/05/2025</span></div>".repeat(30);
        ExtractedPage page = extractor.extract("<html><body><article><div class='hub--header'><div class='chapo'>"
                + story + "</div></div><div class='content'>" + cards + "</div></article></body></html>");
        assertThat(page.asCleanedText().body())
                .contains("held its policy rate", "governor said")
                .doesNotContain("Another story");
        // where the story survives the names, a box they remove stays removed (its text is no template sentence: only
        // the name 'promo' can take it out)
        ExtractedPage withPromo = extractor.extract("<html><body><article>" + story
                + "<div class='promo'><p>Our pick of the week's other stories, from the markets desk, for weekend readers.</p></div>"
                + "</article></body></html>");
        assertThat(withPromo.asCleanedText().body()).contains("governor said").doesNotContain("pick of the week");
    }

    @Test
    void aStoryWhoseSectionsListLinksIsKeptWholeNotCutToItsLongestSection() {
        String links =
                "<ul>" + "<li><a href='/pull/1'>libgccjit: add support for one more target feature</a></li>".repeat(8)
                        + "</ul>";
        String section = "<div class='sect'><h2>%s</h2><p>%s</p><p>%s</p>" + links + "</div>";
        String page = "<html><body><nav>" + "<a href='/x'>Menu entry</a>".repeat(8) + "</nav><main><article>"
                + section.formatted(
                        "Progress",
                        "There has been some nice progress on the compiler side in the past few months, and more is coming.",
                        "Many patches were sent for review, all of them small, and the list below links each one of them.")
                + section.formatted(
                        "Merged",
                        "A few of the patches were merged upstream after review, which makes the next release easier.",
                        "The others wait for a second reviewer; the list below links each one that is still waiting for one.")
                + "<div class='sect'><h2>How to help</h2>"
                + "<p>If you want to help on the project itself, run the tests locally and pick one that fails for you.</p>"
                + "<p>Investigate why it fails and fix the problem; even an investigation alone helps the maintainers a lot.</p>"
                + "<p>Another good way to help is to look at the good first issues, which should be easier to start with.</p>"
                + "</div></article></main></body></html>";
        assertThat(extractor.extract(page).asCleanedText().body())
                .contains("nice progress on the compiler side", "merged upstream", "good first issues");
    }

    @Test
    void commentsInsideACodeBlockAreCodeNotReaderComments() {
        ExtractedPage page = extractor.extract("""
                <html><body><article>
                <p>Git is a critical part of every developer's toolkit, and a handful of commands carry most of the work.</p>
                <pre><code class="hljs bash"><span class="hljs-comment"># view the state of the repo</span>
                git status
                <span class="hljs-comment"># stage every modified file for the next commit</span>
                git add -A</code></pre>
                <p>Status shows what changed since the last commit, and add stages those changes for the commit to come.</p>
                <p>From there, commit records the staged changes with a message, and push sends them to the shared remote.</p>
                <div class="comments"><p>Great post, thanks! This helped me a lot when I started with git last year.</p></div>
                </article></body></html>
                """);
        assertThat(page.asCleanedText().body())
                .contains("view the state of the repo", "git status", "stage every modified file")
                .doesNotContain("Great post");
    }

    @Test
    void aTableThatEndsTheStoryIsKeptAndALinkRowAfterItIsNot() {
        ExtractedPage page = extractor.extract("""
                <html><body><article>
                <p>A certificate is earned through courses, while a certification is earned by passing an industry exam.</p>
                <p>The two are often confused, so the table below sets them side by side for anyone choosing between them.</p>
                <table><tr><th>Certificate</th><th>Certification</th></tr>
                <tr><td>Result of an educational process</td><td>Result of an assessment process</td></tr>
                <tr><td>For newcomers and experienced professionals</td><td>Typically requires experience</td></tr></table>
                <div class="tags"><a href="/t/a">Careers</a> <a href="/t/b">Education</a></div>
                </article></body></html>
                """);
        assertThat(page.paragraphs())
                .contains(
                        "Certificate | Certification",
                        "Result of an educational process | Result of an assessment process")
                .noneMatch(p -> p.contains("Careers"));
    }

    @Test
    void aLayoutWordInAChaptersNameDoesNotRemoveItsProseButStillRemovesALinkList() {
        String chapter = "<section class='toc-para'><h2>%s</h2><p>%s</p><p>%s</p></section>";
        String sentence =
                "The members of a company are required to adopt a written operating agreement within ninety days of filing, "
                        + "and the agreement sets out how the company is run. ";
        // an introduction long enough that the first reading is kept, so the chapters must survive it
        String introduction = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> "<p>Part " + i + " of the guide. " + sentence + sentence + sentence + "</p>")
                .collect(Collectors.joining());
        ExtractedPage page = extractor.extract("<html><body><article>" + introduction + "<div class='toc'><ul>"
                + "<li><a href='#one'>Forming a company</a></li><li><a href='#two'>Naming a company</a></li></ul></div>"
                + "<div class='toc-chapters'>"
                + chapter.formatted(
                        "Forming a company",
                        sentence,
                        "Filing the articles of organization takes effect on the day the state records them, which can be a few weeks after they were sent in by mail, so file early.")
                + chapter.formatted(
                        "Naming a company",
                        sentence.replace("operating agreement", "name reservation"),
                        "The name must include the words limited liability company or one of their abbreviations, and it must differ from every name already on file with the state.")
                + chapter.formatted(
                        "Fees",
                        sentence.replace("operating agreement", "filing receipt"),
                        "The fee for filing the articles of organization is two hundred dollars, payable by cheque, money order or card, in person or by mail, and is not refunded.")
                + "</div></article></body></html>");
        assertThat(page.asCleanedText().body())
                .contains("takes effect on the day", "must include the words", "two hundred dollars")
                .doesNotContain("- Forming a company");
    }

    /** The cleaned body of a two-paragraph story with eight teaser cards under it, {@code card} numbered by %1$d. */
    private String shortStoryAboveCards(String card) {
        StringBuilder cards = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            cards.append(card.formatted(i));
        }
        return extractor
                .extract("<html><body><div class='page'><div class='story'>"
                        + "<p>The institute opened enrolment for its free Spanish classes on Wednesday, the director said in a statement.</p>"
                        + "<p>Enrolment runs until January, and classes begin in the second week of the month at the institute's hall.</p>"
                        + "</div><div class='more'>" + cards + "</div></div></body></html>")
                .asCleanedText()
                .body();
    }

    @Test
    void aShortStoryIsNotOutvotedByTheTeaserCardsUnderIt() {
        String card = "<article class='teaser'><h3><a href='/news/%1$d'>Other story number %1$d</a></h3>"
                + "<p>The excerpt of another story on this site, which reads like prose but belongs to a different page entirely.</p></article>";
        assertThat(shortStoryAboveCards(card))
                .contains("opened enrolment", "classes begin")
                .doesNotContain("excerpt of another story");
    }

    @Test
    void teaserCardsWithNumberedClassesAndACategoryAboveTheHeadlineAreCardsToo() {
        // "article_1", "article_2"... and a category label before each headline link, as a news theme renders them
        String card =
                "<div class='post post_%1$d'><div class='category'>Front Page</div><div class='title'><a href='/news/%1$d'>Other story number %1$d</a></div>"
                        + "<div class='excerpt'>The excerpt of another story on this site, which reads like prose but belongs to a different page entirely...</div></div>";
        assertThat(shortStoryAboveCards(card))
                .contains("opened enrolment", "classes begin")
                .doesNotContain("excerpt of another story");
    }

    @Test
    void aStoryRenderedTwiceForTwoLayoutsComesOutOnce() {
        String story =
                "<p>The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.</p>"
                        + "<p>Economists had expected the hold, and markets barely moved after the announcement in the afternoon.</p>";
        ExtractedPage page = extractor.extract("<html><body><article><div class='desktop'>" + story + "</div>"
                + "<div class='mobile'>" + story + "</div></article></body></html>");
        assertThat(page.paragraphs())
                .containsExactly(
                        "The central bank held its policy rate on Monday, citing slowing inflation and a weaker labour market.",
                        "Economists had expected the hold, and markets barely moved after the announcement in the afternoon.");
    }
    /** A news page whose JSON-LD states the story's body ({@code articleBody}, plain text) as {@code stated}. */
    private static String pageStating(String stated) {
        String story = bankStory(6);
        int third = story.indexOf("<p>Two of");
        return "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"" + stated
                + "\"}</script></head><body><article>" + story.substring(0, third)
                + "<ul><li>Bank rate: 5.25%</li><li>Next decision: 18 December</li></ul><p>Compare savings accounts today</p>"
                + "<h2>What the vote means</h2>" + story.substring(third) + "</article></body></html>";
    }

    @Test
    void blocksThePublishersStatedBodyLacksAreDroppedButSubheadsAndTheStoryStay() {
        String stated =
                bankStory(6).replaceAll("</?p>", " ").replaceAll("\\s+", " ").strip();
        ExtractedPage page = extractor.extract(pageStating(stated));
        assertThat(page.paragraphs())
                .hasSize(7)
                .contains("What the vote means")
                .noneMatch(
                        p -> p.contains("Bank rate") || p.contains("Next decision") || p.contains("Compare savings"));
        // without the statement the same blocks stay: it is the statement that tells them apart
        assertThat(extractor.extract(pageStating("")).paragraphs()).hasSize(10);
    }

    @Test
    void aSummaryAboveTheStoryThatThePublisherDoesNotStateIsDroppedButUnstatedProseInTheStoryStays() {
        String story = bankStory(6) + bankStory(6).replace(".</p>", ", officials said.</p>");
        String stated = story.replaceAll("</?p>", " ").replaceAll("\\s+", " ").strip();
        String summary =
                "<div class=\"synopsis\"><p>Policymakers paused for a third meeting as price growth eased and hiring slowed, "
                        + "leaving borrowing costs at their highest in fifteen years while markets wait for the first cut.</p></div>";
        String unstated =
                "<p>The decision came on a day of thin trading, with many desks in London and New York closed for a "
                        + "holiday. Traders expect volumes to return to normal by the end of the week, analysts said.</p>";
        String page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\""
                + stated + "\"}</script></head><body><article>" + summary + story + unstated
                + "</article></body></html>";
        assertThat(extractor.extract(page).paragraphs())
                .hasSize(13)
                .noneMatch(p -> p.startsWith("Policymakers paused"))
                .last()
                .asString()
                .startsWith("The decision came on a day of thin trading");
    }

    @Test
    void theLeadInsAndListsOfASectionTheStatedBodyLeavesOutStayButAWidgetAmongStatedParagraphsGoes() {
        // the CMS states the story without its folded buying guide; the guide's lead-in and list sit between two
        // paragraphs of that guide's prose, the savings widget between two stated paragraphs
        String guide =
                "<p>Savers who want to lock in today's rates should compare fixed bonds now, because the best deals are "
                        + "usually withdrawn within days of a hold, according to the comparison sites that track them.</p>"
                        + "<p>Before you switch, check these:</p><ul><li>the notice period</li><li>the penalty for leaving early</li></ul>"
                        + "<p>Fixed bonds also lock the money away, so keep an easy-access pot for emergencies that could cover at least "
                        + "three months of spending, planners say, before tying up the rest of your savings for years.</p>";
        String story = bankStory(6) + bankStory(6).replace(".</p>", ", officials said.</p>");
        String stated = story.replaceAll("</?p>", " ").replaceAll("\\s+", " ").strip();
        String widget =
                "<ul><li>Bank rate: 5.25%</li><li>Next decision: 18 December</li></ul><p>Compare savings accounts today</p>";
        int third = story.indexOf("<p>Two of");
        String page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\""
                + stated
                + "\"}</script></head><body><article>" + story.substring(0, third) + widget + story.substring(third)
                + guide
                + "</article></body></html>";
        assertThat(extractor.extract(page).paragraphs())
                .contains("Before you switch, check these:", "- the notice period", "- the penalty for leaving early")
                .anyMatch(p -> p.startsWith("Savers who want to lock in"))
                .anyMatch(p -> p.startsWith("Fixed bonds also lock the money away"))
                .noneMatch(p -> p.contains("Bank rate") || p.contains("Compare savings"));
    }

    @Test
    void anAuthorBioThePagesJsonLdDescribesIsLeftOutButTheStoryAndAProfilePageStay() {
        String bio = "Covering central banks and bond markets since 2019, she previously reported on energy "
                + "for a trade weekly in Frankfurt and holds a degree in economics.";
        String jsonLd = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Rates held\"},"
                + "{\"@type\":\"Person\",\"name\":\"Jo Smith\",\"description\":\"" + bio + "\"}]}</script>";
        String story = "<article><h1>Rates held</h1>" + bankStory(6) + "<div class=\"writer\"><p>" + bio
                + "</p></div></article>";
        String withBio = "<html><head>" + jsonLd + "</head><body>" + story + "</body></html>";
        // without the JSON-LD the paragraph reads as the story's last one: it is the description that names it
        assertThat(extractor.extract("<html><body>" + story + "</body></html>").paragraphs())
                .hasSize(7);
        assertThat(extractor.extract(withBio).paragraphs())
                .hasSize(6)
                .first()
                .asString()
                .startsWith("The central bank held its policy rate");
        // a profile page is its bio, so the bio stays where it is most of the body
        String profile = "<html><head>" + jsonLd + "</head><body><article><h1>Jo Smith</h1><p>" + bio
                + "</p><p>She lives in London.</p></article></body></html>";
        assertThat(extractor.extract(profile).paragraphs()).anyMatch(p -> p.startsWith("Covering central banks"));
    }

    @Test
    void aBioSignedWithTheBylinesNameAtTheEndIsLeftOutButTheStorysOwnMentionsOfThemStay() {
        // no writer's word in it ("reporter", "editor"): a bio the shape rules of TextShapes would take for the story's
        String bio =
                "is an avid traveler who has crossed all seven continents with a backpack and a notebook for a decade.";
        String byline = "<meta name=\"author\" content=\"Joanna Smith, Ann Lee\">";
        String quoted =
                "Joanna Smith has asked the bank twice this year whether the committee would publish its votes sooner.";
        String page = "<html><head>" + byline + "</head><body><article><h1>Rates held</h1><p>" + quoted + "</p>"
                + bankStory(6) + "<p>Ann Lee " + bio + "</p><p>Joanna " + bio.replace("decade", "few years")
                + "</p></article></body></html>";
        assertThat(extractor.extract(page).paragraphs())
                .hasSize(7)
                .contains(quoted)
                .noneMatch(p -> p.contains("avid traveler"));
        // the same paragraphs under a brand's byline ("QCY Team") or no byline at all are the story's
        assertThat(extractor.extract(page.replace(byline, "")).paragraphs()).hasSize(9);
        assertThat(extractor
                        .extract(page.replace("Joanna Smith, Ann Lee", "QCY Team")
                                .replace("Ann Lee ", "QCY "))
                        .paragraphs())
                .anyMatch(p -> p.startsWith("QCY is an avid traveler"));
    }

    @Test
    void aLineOfLinksUnderTheStorysOwnLabelIsTextButALabelSendingElsewhereIsNot() {
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(4)
                + "<h3>Compact cameras</h3><ul><li>Pros: light, cheap and easy to carry on a long day out</li>"
                + "<li>Recommendations: <a href=\"/a\">Canon Powershot Elph 190is</a>, <a href=\"/b\">Panasonic Lumix TZ200</a></li></ul>"
                + "<p>Don't Miss: <a href=\"/c\">Ten ways to cut your heating bill this winter</a></p>"
                + "<p>Related: <a href=\"/d\">Why the pound slipped against the dollar this week</a></p>"
                + "<p><a href=\"/e\">Canon EOS M50</a>, <a href=\"/f\">Sony a7R III</a></p>"
                + bankStory(6).substring(bankStory(4).length()) + "</article></body></html>");
        assertThat(page.paragraphs())
                .contains("- Recommendations: Canon Powershot Elph 190is, Panasonic Lumix TZ200")
                .noneMatch(p -> p.contains("heating bill")
                        || p.contains("pound slipped against the dollar this week")
                        || p.contains("Sony a7R III"));
    }

    @Test
    void aSentenceOfTheStoryWhoseWordsAreMostlyLinksStaysButALoneRowOfLinksGoes() {
        String linked =
                "<p>The bank also ranks among the <a href=\"/a\">top lenders in other states, like Massachusetts</a> and "
                        + "<a href=\"/b\">Florida</a>.</p>";
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(3) + linked
                + "<p><a href=\"/c\">Why the pound slipped against the dollar</a> and <a href=\"/d\">what it means for you</a></p>"
                + bankStory(6).substring(bankStory(3).length()) + "</article></body></html>");
        assertThat(page.paragraphs())
                .hasSize(7)
                .contains("The bank also ranks among the top lenders in other states, like Massachusetts and Florida.")
                .noneMatch(p -> p.contains("pound slipped against the dollar and"));
    }

    @Test
    void aLayoutWordInTheNameOfABoxOfTheStorysSectionsDoesNotDropThem() {
        String sections = "<div class=\"accordion pane-header-alignment-left\">"
                + "<h3>Monthly pricing</h3><ul><li>Simple Start: $38 for one user</li><li>Essentials: $75 for up to three seats</li></ul>"
                + "<h3>Key features</h3><ul><li>Invoicing with payment tracking</li><li>Bank feeds with reconciliation tools</li></ul></div>";
        String header =
                "<div class=\"page-header\"><h2>The Daily Ledger</h2><p>News for the money-minded, every morning</p></div>";
        ExtractedPage page = extractor.extract("<html><body><article>" + header + bankStory(3) + sections
                + bankStory(6).substring(bankStory(3).length()) + "</article></body></html>");
        assertThat(page.paragraphs())
                .contains(
                        "Monthly pricing",
                        "- Simple Start: $38 for one user",
                        "Key features",
                        "- Bank feeds with reconciliation tools")
                .noneMatch(p -> p.contains("Daily Ledger") || p.contains("money-minded"));
    }

    @Test
    void anAccordionHeadersButtonIsItsHeadingButOtherButtonsAreNotText() {
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(3)
                + "<h3><button aria-expanded=\"true\" aria-controls=\"a1\">Why did the bank hold?</button></h3>"
                + "<div id=\"a1\"><p>Inflation fell for a fourth month, and wages have stopped rising faster than prices.</p></div>"
                + "<div class=\"actions\"><button>Load more</button> <button>Share this story</button></div>"
                + "</article></body></html>");
        assertThat(page.paragraphs())
                .contains("Why did the bank hold?")
                .anyMatch(p -> p.startsWith("Inflation fell for a fourth month"));
        assertThat(page.asCleanedText().body()).doesNotContain("Load more", "Share this story");
    }

    @Test
    void aTeaserOrBrokenStatedBodyChangesNothing() {
        List<String> unstated = extractor.extract(pageStating("")).paragraphs();
        String teaser =
                bankStory(3).replaceAll("</?p>", " ").replaceAll("\\s+", " ").strip();
        assertThat(extractor.extract(pageStating(teaser)).paragraphs()).isEqualTo(unstated);
        String otherStory = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor. ".repeat(12);
        assertThat(extractor.extract(pageStating(otherStory)).paragraphs()).isEqualTo(unstated);
        assertThat(extractor.extract(pageStating("\" broken {")).paragraphs()).isEqualTo(unstated);
    }

    @Test
    void aSidebarNamedSideIsFurnitureButASideLayoutIsNot() {
        // a WordPress theme's sticky sidebar inside the <article>: "post-side-wrap", widgets of other stories' teasers
        ExtractedPage page =
                extractor.extract("<html><body><article class=\"post\"><div class=\"post-main\">" + bankStory(6)
                        + "</div><div class=\"zox-post-side-wrap\"><div class=\"zox-side-widget\"><h4>People on the Move</h4>"
                        + "<p>The regional lender has appointed its current chief operating officer as acting chief executive, it said.</p>"
                        + "<p>A former central bank economist has joined the ministry as its chief adviser on the new budget rules.</p>"
                        + "</div></div></article></body></html>");
        assertThat(page.paragraphs())
                .hasSize(6)
                .noneMatch(p -> p.contains("People on the Move") || p.contains("appointed"));
        // "image-side-left" says where a picture sits beside the story's own text
        ExtractedPage layout = extractor.extract("<html><body><article class=\"post\">" + bankStory(3)
                + "<div class=\"image-side-left row\"><p>Officials said the committee would publish the minutes of the meeting in two weeks.</p></div>"
                + "</article></body></html>");
        assertThat(layout.paragraphs()).hasSize(4).last().asString().startsWith("Officials said");
    }

    @Test
    void aSectionAnchoredByItsHeadingsWordsIsNotNamedByThem() {
        // the ids are slugs of the heading ("How popular are rate holds?"): "popular" there is the story's word
        String section =
                "<div id=\"1-heading-how-popular-are-rate-holds\"><h2 id=\"how-popular-are-rate-holds\">How popular are rate holds?</h2>"
                        + "<p>Most central banks held their rates this autumn, and only two of the largest cut them, both by a quarter of a point.</p></div>";
        ExtractedPage page =
                extractor.extract("<html><body><article>" + bankStory(4) + section + "</article></body></html>");
        assertThat(page.paragraphs())
                .contains("How popular are rate holds?")
                .anyMatch(p -> p.startsWith("Most central banks"));
        // a box named for what it is stays furniture
        ExtractedPage widget = extractor.extract("<html><body><article>" + bankStory(4)
                + "<div id=\"most-popular-stories\"><h2>Rate holds this year</h2>"
                + "<p>Most central banks held their rates this autumn, and only two of the largest cut them, both by a quarter of a point.</p></div>"
                + "</article></body></html>");
        assertThat(widget.paragraphs()).hasSize(4);
    }

    @Test
    void anEmbeddedSocialPostIsNotTheStorysTextButAQuotationIs() {
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(4)
                + "<blockquote class=\"twitter-tweet\"><p lang=\"en\">Rates on hold again. The committee split seven to two, "
                + "and the next meeting is in six weeks, so expect more of the same until then.</p>&mdash; Jo Smith (@josmith) "
                + "<a href=\"https://twitter.com/josmith/status/1\">November 30, 2026</a></blockquote>"
                + "<blockquote><p>We will do what it takes to bring inflation back to target, and not a moment longer than needed.</p></blockquote>"
                + "</article></body></html>");
        assertThat(page.paragraphs())
                .hasSize(5)
                .noneMatch(p -> p.contains("@josmith") || p.contains("Rates on hold again"))
                .last()
                .asString()
                .startsWith("We will do what it takes");
    }

    @Test
    void aPlayersEmbedCodeIsNotTheStory() {
        // between the story's paragraphs, where the trim of the story's edges cannot take it
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(2)
                + "<div class=\"audio-module\"><b class=\"embed-url\">Embed <code>&lt;iframe src=\"https://example.org/player/embed/1\" "
                + "width=\"100%\" height=\"290\" frameborder=\"0\" title=\"embedded audio player\"&gt;</code></b></div>"
                + bankStory(4).substring(bankStory(2).length()) + "</article></body></html>");
        assertThat(page.paragraphs()).hasSize(4).noneMatch(p -> p.contains("iframe"));
        assertThat(MarkupLines.isEmbedCode("Embed code: <script async src=\"https://example.org/widget.js\"></script>"))
                .isTrue();
        // markup named in a sentence is no embed code
        assertThat(MarkupLines.isEmbedCode(
                        "The site wraps its player in an <iframe> so that the page can load before the audio does."))
                .isFalse();
    }

    @Test
    void aListOfBareAddressesIsNotTheStory() {
        // a source list printed as one paragraph of addresses, too long for the link-density test and not links at all
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(3)
                + "<p>https://finance.example.com/news/rates-2026-070000949.html<br>https://www.example.org/about/#:~:text=Being%20a%20part"
                + "<br>https://www.example.net/listing/1080341/clyde-opers</p></article></body></html>");
        assertThat(page.paragraphs()).hasSize(3).noneMatch(p -> p.contains("https://"));
        assertThat(MarkupLines.isBareUrls("- https://example.org/a http://example.net/b"))
                .isTrue();
        // an address in a sentence, and the scheme alone as a tutorial names it
        assertThat(MarkupLines.isBareUrls("The data are at https://example.org/rates, updated daily."))
                .isFalse();
        assertThat(MarkupLines.isBareUrls("- https://")).isFalse();
    }

    @Test
    void aRoundupsLinkedSubheadsAreTheStoryAndRunsOfLinksAreNot() {
        String[] story = bankStory(6).split("\n");
        ExtractedPage page = extractor.extract("<html><body><article>" + story[0] + story[1]
                + "<p><a href=\"https://example.org/imprivata\">Imprivata acquires Verosint</a></p>" + story[2]
                + story[3]
                // a run of links, and a labelled teaser, between paragraphs: the link-density rule takes them
                + "<p><a href=\"/a\">Rates held again</a></p><p><a href=\"/b\">Pound slips after vote</a></p>"
                + story[4]
                + "<p><a href=\"/c\">Related: Shoppers stay cautious</a></p>" + story[5] + "</article></body></html>");
        assertThat(page.paragraphs())
                .hasSize(7)
                .contains("Imprivata acquires Verosint")
                .noneMatch(p -> p.contains("Rates held again") || p.contains("Pound slips") || p.contains("Related:"));
        // a link that closes its section in a sentence stays whatever follows; a button's "Learn more." does not
        ExtractedPage review = extractor.extract("<html><body><article>" + story[0] + story[1]
                + "<p><a href=\"https://example.org/review\"><strong>Read our full review.</strong></a></p><h4>Pros</h4>"
                + story[2] + story[3] + "<p><a href=\"/more\">Learn more.</a></p><h4>Cons</h4>" + story[4]
                + "</article></body></html>");
        assertThat(review.paragraphs()).contains("Read our full review.").doesNotContain("Learn more.");
        // the exception is for links: a stamp between two paragraphs, unlinked, is still furniture
        ExtractedPage stamped = extractor.extract("<html><body><article>" + story[0] + "<p>3 MIN. READ</p>" + story[1]
                + story[2] + "</article></body></html>");
        assertThat(stamped.paragraphs()).hasSize(3).doesNotContain("3 MIN. READ");
    }

    @Test
    void anFaqInTheArticlesFooterIsTheStorysAndThePagesFooterIsNot() {
        String faq =
                "<footer><h2>Frequently Asked Questions</h2><details open><summary>Will rates fall next year?</summary>"
                        + "<p>Most economists expect one or two cuts next year, if inflation keeps falling at the pace it has since the spring "
                        + "and wages stop rising faster than prices, which the bank's own staff think could happen by the summer.</p>"
                        + "<p>The bank itself has said that it will not commit to a path, and that each meeting will decide on the data of the day, "
                        + "which is what it has said at every meeting this year, whatever the markets had priced in beforehand.</p>"
                        + "</details><details open><summary>What does a hold mean for mortgages?</summary>"
                        + "<p>Fixed-rate deals priced before the meeting stay as they are, and lenders have said they will not reprice until the spring, "
                        + "though borrowers on tracker loans will see no change at all in what they pay each month from now on.</p>"
                        + "</details></footer>";
        ExtractedPage page = extractor.extract("<html><body><article>" + bankStory(4) + faq + "</article>"
                + "<footer><p>Copydesk Daily is published by Copydesk Media, a company registered in England and Wales with offices "
                + "in London, Manchester and Glasgow; all the stories on this site are copyright of their writers and may not be copied.</p>"
                + "<p>Our newsroom's standards, corrections policy and the ways to reach our editors are set out on our about pages, along "
                + "with the names of the people who own the company and the members of its board, updated each year in January.</p></footer>"
                + "</body></html>");
        assertThat(page.paragraphs())
                .contains("What does a hold mean for mortgages?")
                .anyMatch(p -> p.startsWith("Fixed-rate deals"))
                .noneMatch(p -> p.contains("Copydesk Media") || p.contains("newsroom's standards"));
    }

    @Test
    void aHeadingWrappedInItsAnchorIsTextNotALink() {
        // <a id name> with no href is the table of contents' target: its text is the heading's, not link text
        String[] story = bankStory(4).split("\n");
        ExtractedPage page = extractor.extract("<html><body><article>" + story[0] + story[1]
                + "<h2><a id=\"4. The vote\" name=\"4. The vote\"><strong>4. The vote</strong></a></h2>" + story[2]
                + story[3]
                + "<h2><a href=\"/markets\">Markets</a></h2></article></body></html>");
        assertThat(page.paragraphs()).contains("4. The vote").doesNotContain("Markets");
    }

    @Test
    void theHeadlinesCopiesNearTheTopAreNotTheBody() {
        String[] story = bankStory(5).split("\n");
        String dek =
                "The bank kept its rate where it was for a third meeting, and said it would wait for more data on prices.";
        ExtractedPage page =
                extractor.extract("<html><head><meta property=\"og:title\" content=\"Bank holds rates again\"></head>"
                        + "<body><article><p>Bank holds rates again " + dek + "</p><p>Bank holds rates again</p><p>"
                        + dek + "</p>"
                        + story[0] + story[1] + story[2] + story[3] + "<h2>Bank holds rates again</h2>" + story[4]
                        + "</article></body></html>");
        assertThat(page.title()).isEqualTo("Bank holds rates again");
        assertThat(page.paragraphs()).first().isEqualTo(dek);
        // further down, the same words are a subhead of the story's
        assertThat(page.paragraphs())
                .filteredOn("Bank holds rates again"::equals)
                .hasSize(1);
    }

    @Test
    void anOrderedListsItemsCarryTheNumbersThePageShows() {
        ExtractedPage page = extractor.extract(
                "<html><body><article>" + bankStory(4)
                        + "<ol start=\"3\"><li>Prices of food rose again in October, for the fourth month in a row.</li>"
                        + "<li><p><strong>Rents</strong> climbed faster than wages in every region of the country.</p></li></ol>"
                        + "<ul><li>Energy bills are capped until the end of March next year.</li></ul></article></body></html>");
        assertThat(page.paragraphs())
                .containsSubsequence(
                        "3. Prices of food rose again in October, for the fourth month in a row.",
                        "4. Rents climbed faster than wages in every region of the country.",
                        "- Energy bills are capped until the end of March next year.");
        // a start that is no number counts from 1, as browsers do; 0 is a number like any other
        ExtractedPage oddStarts = extractor.extract(
                "<html><body><article>" + bankStory(4)
                        + "<ol start=\"x\"><li>Prices of food rose again in October, for the fourth month in a row.</li></ol>"
                        + "<ol start=\"0\"><li>Rents climbed faster than wages in every region of the country.</li></ol></article></body></html>");
        assertThat(oddStarts.paragraphs())
                .contains(
                        "1. Prices of food rose again in October, for the fourth month in a row.",
                        "0. Rents climbed faster than wages in every region of the country.");
    }

    @Test
    void aNumberedListOfLinksTheStoryAnnouncesIsTheStorysButALabelledListOfOtherStoriesIsNot() {
        String[] story = bankStory(5).split("\n");
        ExtractedPage page = extractor.extract("<html><body><article>" + story[0] + story[1] + story[2]
                + "<p><strong>The series so far</strong>:</p><ol><li><a href=\"/rates-1\">Why rates rose</a></li>"
                + "<li><a href=\"/rates-2\">What a hold means</a></li><li><a href=\"/rates-3\">When cuts come</a></li></ol>"
                + story[3] + story[4]
                + "<p>Related stories:</p><ul><li><a href=\"/pound\">Pound slips after vote</a></li>"
                + "<li><a href=\"/shops\">Shoppers stay cautious</a></li></ul></article></body></html>");
        assertThat(page.paragraphs())
                .contains("1. Why rates rose", "2. What a hold means", "3. When cuts come")
                .noneMatch(p -> p.contains("Pound slips") || p.contains("Shoppers stay"));
        // to the hand rules, the same links without a sentence announcing them are a list of other pages
        ExtractedPage unannounced = handRules.extract("<html><body><article>" + story[0] + story[1] + story[2]
                + "<ol><li><a href=\"/rates-1\">Why rates rose</a></li><li><a href=\"/rates-2\">What a hold means</a></li></ol>"
                + story[3] + story[4] + "</article></body></html>");
        assertThat(unannounced.paragraphs()).noneMatch(p -> p.contains("Why rates rose"));
    }
}
