package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.text.TextCleaner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryEnricherTest {

    private final TextCleaner cleaner = new TextCleaner();
    private final StoryEnricher enricher = new StoryEnricher();

    private Enrichment enrich(String sample) throws IOException {
        CleanedText cleaned = cleaner.clean(Files.readString(Path.of("..", "samples", "wire", sample)));
        return enricher.enrich(
                "",
                cleaned.paragraphs(),
                cleaned.byline(),
                cleaned.credited(),
                ArticleBuilder.wordCount(cleaned.body()),
                DocumentFrequencies.inMemory());
    }

    @Test
    void theSeedIsEnglishYonhapCopyFromSeoul() throws IOException {
        Enrichment seed = enrich("000_37dfc94a614f9a67.txt");
        assertThat(seed.language()).isEqualTo("en");
        assertThat(seed.languageConfidence()).isGreaterThan(0.9);
        assertThat(seed.script()).isEqualTo("Latin");
        assertThat(seed.agency()).isEqualTo("Yonhap");
        assertThat(seed.sentenceCount()).isEqualTo(9); // one per paragraph; "(Yonhap)" closes the last
        assertThat(seed.readingTimeSeconds()).isBetween(80, 95); // 339 words at 230 a minute
        assertThat(seed.lede())
                .startsWith("The defense chiefs of South Korea and the United States held annual security talks Monday")
                .endsWith("nuclear weapons.");
    }

    @Test
    void datelinesAgenciesAndBylinesOfSeveralWireServices() throws IOException {
        Enrichment ap = enrich("ap-washington-budget.txt");
        assertThat(ap.datelinePlace()).isEqualTo("WASHINGTON");
        assertThat(ap.agency()).isEqualTo("AP");
        assertThat(ap.byline()).containsIgnoringCase("Mascaro");

        Enrichment reuters = enrich("reuters-london-rates.txt");
        assertThat(reuters.datelinePlace()).isEqualTo("LONDON");
        assertThat(reuters.agency()).isEqualTo("Reuters");

        Enrichment afp = enrich("afp-paris-strike.txt");
        assertThat(afp.datelinePlace()).isEqualTo("PARIS");
        assertThat(afp.agency()).isEqualTo("AFP");
    }

    @Test
    void thePeopleACopyCreditsAreAmongItsPeople() throws IOException {
        // "By LISA MASCARO" above the story; "(Reporting by Andy Bruce; Editing by William Schomberg)" below it
        assertThat(enrich("ap-washington-budget.txt").entities())
                .filteredOn(e -> e.type() == EntityRecognizer.Type.PERSON)
                .extracting(EntityRecognizer.Entity::name)
                .contains("Lisa Mascaro", "Kevin Freking", "Joe Biden")
                .doesNotContain("LISA MASCARO");
        Enrichment reuters = enrich("reuters-london-rates.txt");
        assertThat(reuters.byline()).isEqualTo("Andy Bruce");
        assertThat(reuters.entities())
                .filteredOn(e -> e.type() == EntityRecognizer.Type.PERSON)
                .extracting(EntityRecognizer.Entity::name, EntityRecognizer.Entity::mentions)
                .contains(tuple("Andy Bruce", 1), tuple("William Schomberg", 1), tuple("Andrew Bailey", 1));
    }

    @Test
    void theAgencyADatelineOrCreditNamesIsAnOrganisationOfTheStory() throws IOException {
        assertThat(organisations(enrich("000_37dfc94a614f9a67.txt"))).contains("Yonhap");
        assertThat(organisations(enrich("reuters-london-rates.txt"))).contains("Reuters", "Bank of England");
        assertThat(organisations(enrich("afp-paris-strike.txt"))).contains("AFP");
        // named in the text as "Associated Press": not a second time as "AP"
        assertThat(organisations(enrich("ap-washington-budget.txt")))
                .contains("Associated Press")
                .doesNotContain("AP");
    }

    private static List<String> organisations(Enrichment e) {
        return e.entities().stream()
                .filter(x -> x.type() == EntityRecognizer.Type.ORGANIZATION)
                .map(EntityRecognizer.Entity::name)
                .toList();
    }

    @Test
    void aCreditNamesAPersonOnlyWhenItReadsLikeOne() {
        AgencyDirectory agencies = AgencyDirectory.builtIn();
        assertThat(CreditedPeople.people(
                        List.of(
                                "By LISA MASCARO and JEAN-PAUL O'NEIL",
                                "Ursula von der Leyen; Aoife O'Riordan, Rose Smith & Md Aynal Haque",
                                "Associated Press, Reuters Staff, Staff Writer, Editorial Board",
                                "Company Size, From Masculindians, Acme Holdings Inc, Madonna, Jo Ann Mary Lee Smith"),
                        agencies))
                .containsExactly(
                        "Lisa Mascaro",
                        "Jean-Paul O'Neil",
                        "Ursula von der Leyen",
                        "Aoife O'Riordan",
                        "Rose Smith",
                        "Md Aynal Haque");
        assertThat(CreditedPeople.people(List.of("", "   "), agencies)).isEmpty();
    }

    @Test
    void datelineShapes() {
        assertThat(Dateline.parse("SEOUL, Nov. 13 (Yonhap) -- The defense chiefs met."))
                .contains(new Dateline("SEOUL", "Nov. 13", "Yonhap"));
        assertThat(Dateline.parse("LONDON, Dec 1 (Reuters) - Britain's economy grew."))
                .contains(new Dateline("LONDON", "Dec 1", "Reuters"));
        assertThat(Dateline.parse("BERLIN (dpa) - Die Regierung plant.")).contains(new Dateline("BERLIN", "", "dpa"));
        assertThat(Dateline.parse("ST. PAUL, Minn. (AP) — A judge ruled."))
                .contains(new Dateline("ST. PAUL, Minn.", "", "AP"));
        assertThat(Dateline.parse("BEIJING, 13 November (Xinhua) -- China said."))
                .contains(new Dateline("BEIJING", "13 November", "Xinhua"));
        assertThat(Dateline.parse("WASHINGTON (January 24, 2017) — Mindfulness meditation is popular."))
                .contains(new Dateline("WASHINGTON", "January 24, 2017", ""));
        assertThat(Dateline.parse("The defense chiefs met on Monday - in Seoul."))
                .isEmpty();
        assertThat(Dateline.parse("Officials said the plan - first proposed in May - would go ahead."))
                .isEmpty();
    }

    @Test
    void agenciesAreDataWithAliases() {
        AgencyDirectory agencies = AgencyDirectory.builtIn();
        assertThat(agencies.canonical("Associated Press")).contains("AP");
        assertThat(agencies.canonical("Deutsche Presse-Agentur")).contains("dpa");
        assertThat(agencies.canonical("Press Trust of India")).contains("PTI");
        assertThat(agencies.canonical("ap")).isEmpty();
        assertThat(agencies.canonical("Daily Planet")).isEmpty();
    }
}
