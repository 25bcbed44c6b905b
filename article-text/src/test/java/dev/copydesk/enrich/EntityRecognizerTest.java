package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.text.TextCleaner;
import dev.copydesk.enrich.EntityRecognizer.Entity;
import dev.copydesk.enrich.EntityRecognizer.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRecognizerTest {

    private static final EntityRecognizer RECOGNIZER = new EntityRecognizer();

    private static List<String> names(List<Entity> entities, Type type) {
        return entities.stream().filter(e -> e.type() == type).map(Entity::name).toList();
    }

    @Test
    void theSeedsPeopleCountriesAndOrganisations() throws IOException {
        CleanedText seed =
                new TextCleaner().clean(Files.readString(Path.of("..", "samples", "wire", "000_37dfc94a614f9a67.txt")));
        EntityRecognizer.Recognition recognition = RECOGNIZER.recognizeAll(seed.title() + "\n" + seed.body());
        List<Entity> entities = recognition.entities();
        entities.forEach(e -> System.out.println("seed entity: " + e));
        assertThat(names(entities, Type.PERSON))
                .contains(
                        "Shin Won-sik",
                        "Lloyd Austin",
                        "Yoon Suk Yeol",
                        "Lee Do-woon",
                        "Joe Biden",
                        "Kim Jong-un",
                        "Vladimir Putin",
                        "Kihara Minoru");
        assertThat(entities.stream().filter(e -> e.type() == Type.PLACE).map(Entity::countryCode))
                .contains("KR", "US", "KP", "RU", "UA", "IL", "IN", "ID");
        assertThat(names(entities, Type.PLACE)).contains("Seoul", "Pyongyang").doesNotContain("Japan");
        // "their Japanese counterpart": the story concerns Japan, and names no Japanese place
        assertThat(recognition.countries()).contains("KR", "US", "KP", "JP", "RU", "UA", "IL", "IN", "ID");
        assertThat(names(entities, Type.ORGANIZATION)).contains("Pentagon", "United Nations Command", "Hamas");
        Entity austin = entities.stream()
                .filter(e -> e.name().equals("Lloyd Austin"))
                .findFirst()
                .orElseThrow();
        assertThat(austin.mentions()).isGreaterThanOrEqualTo(5); // "Lloyd Austin" once, "Austin" after that
    }

    @Test
    void aPersonIsCountedOncePerMentionByFullNameOrFamilyNameAlone() {
        List<Entity> entities =
                RECOGNIZER.recognize("Defense Minister Shin Won-sik met Defense Secretary Lloyd Austin on Monday. "
                        + "Shin said the talks went well, and Lloyd Austin agreed. Austin later said the allies would meet again. "
                        + "Shin Won-sik and Austin spoke to reporters, Lloyd\nAustin last.");
        Entity shin = entities.stream()
                .filter(e -> e.name().equals("Shin Won-sik"))
                .findFirst()
                .orElseThrow();
        Entity austin = entities.stream()
                .filter(e -> e.name().equals("Lloyd Austin"))
                .findFirst()
                .orElseThrow();
        // Shin Won-sik twice in full (its "Shin" not counted again), "Shin" once alone
        assertThat(shin.mentions()).isEqualTo(3);
        // "Lloyd Austin" three times (across a line break too: tokens, not spaces), "Austin" twice alone
        assertThat(austin.mentions()).isEqualTo(5);
    }

    private static List<Entity> entitiesOf(String sample) throws IOException {
        CleanedText c = new TextCleaner().clean(Files.readString(Path.of("..", "samples", "wire", sample)));
        return RECOGNIZER.recognize(c.title() + "\n" + c.body());
    }

    @Test
    void wireStoriesOfOtherAgencies() throws IOException {
        List<Entity> ap = entitiesOf("ap-washington-budget.txt");
        assertThat(names(ap, Type.PERSON)).contains("Joe Biden", "Mike Johnson", "Chuck Schumer");
        assertThat(ap.stream().map(Entity::countryCode)).contains("US", "UA", "IL");
        assertThat(names(ap, Type.ORGANIZATION)).contains("White House");

        List<Entity> afp = entitiesOf("afp-paris-strike.txt");
        assertThat(names(afp, Type.PERSON)).contains("Clement Beaune");
        assertThat(afp.stream().map(Entity::countryCode)).contains("FR", "GB");

        List<Entity> reuters = entitiesOf("reuters-london-rates.txt");
        assertThat(names(reuters, Type.PERSON)).contains("Andrew Bailey");
        assertThat(names(reuters, Type.ORGANIZATION)).contains("Bank of England", "Monetary Policy Committee");
        assertThat(reuters.stream().map(Entity::countryCode)).contains("GB");
    }

    @Test
    void shortAndOldFormsAndHyphenatedPairs() {
        List<Entity> e =
                RECOGNIZER.recognize("S. Korea and N. Korea traded fire as the U.S. watched. The Russia-Ukraine war "
                        + "and the Israel-Hamas war dominated talks in Pyongyang and Südkorea.");
        assertThat(e.stream().filter(x -> x.type() == Type.PLACE).map(Entity::countryCode))
                .contains("KR", "KP", "US", "RU", "UA", "IL");
        assertThat(names(e, Type.ORGANIZATION)).contains("Hamas");
        // "N. Korea" is North Korea; Pyongyang is a city of it, a place of its own
        assertThat(e.stream()
                        .filter(x -> x.name().equals("North Korea"))
                        .findFirst()
                        .orElseThrow()
                        .mentions())
                .isEqualTo(1);
        assertThat(e).contains(new Entity(Type.PLACE, "Pyongyang", 1, "KP"));
        assertThat(e.stream()
                        .filter(x -> x.countryCode().equals("KR"))
                        .findFirst()
                        .orElseThrow()
                        .mentions())
                .isEqualTo(2);
    }

    @Test
    void citiesAndRegionsWithTheirCountries() {
        EntityRecognizer.Recognition r = RECOGNIZER.recognizeAll("Researchers in Phoenix, AZ and Salt Lake City met"
                + " counterparts from Seoul's universities and from Bavaria. LONDON was quiet. French officials said"
                + " Houston's port reopened.");
        assertThat(r.entities())
                .contains(
                        new Entity(Type.PLACE, "Phoenix", 1, "US"),
                        new Entity(Type.PLACE, "Arizona", 1, "US"),
                        new Entity(Type.PLACE, "Salt Lake City", 1, "US"),
                        new Entity(Type.PLACE, "Seoul", 1, "KR"),
                        new Entity(Type.PLACE, "Bavaria", 1, "DE"),
                        new Entity(Type.PLACE, "London", 1, "GB"),
                        new Entity(Type.PLACE, "Houston", 1, "US"));
        assertThat(names(r.entities(), Type.PLACE)).doesNotContain("France");
        // the places' countries first, most mentioned first; then those only a demonym gives
        assertThat(r.countries())
                .containsExactlyInAnyOrder("US", "KR", "DE", "GB", "FR")
                .endsWith("FR");
    }

    @Test
    void aCityThatStartsALongerNameIsNotAPlace() {
        List<Entity> e = RECOGNIZER.recognize(
                "Paris Baguette opened 80 bakeries. The Houston Chronicle reported it. Sydney Carton stayed home.");
        assertThat(names(e, Type.PLACE)).isEmpty();
    }

    @Test
    void stateCodesCountOnlyAfterAPlaceAndAComma() {
        assertThat(names(RECOGNIZER.recognize("Log IN or sign up. The OR gate. Go to Portland, OR today."), Type.PLACE))
                .containsExactlyInAnyOrder("Portland", "Oregon");
    }

    @Test
    void namesThatStartWithAGivenNameWhereverTheyStand() {
        List<Entity> e = RECOGNIZER.recognize("Michael Levin trained the worms. Dana Schutz painted at the Barbican."
                + " Work by Noah A. Smith and Hila Gonen showed it. Mark Mattson has studied fasting."
                + " Christian Counseling Centers opened. Will Power is a workshop. The Jennifer Aniston show ended."
                + " Levin says the worms learn.");
        assertThat(names(e, Type.PERSON))
                .contains("Michael Levin", "Dana Schutz", "Noah A. Smith", "Mark Mattson")
                .doesNotContain("Christian Counseling", "Will Power", "Christian Counseling Centers");
        assertThat(e.stream()
                        .filter(x -> x.name().equals("Michael Levin"))
                        .findFirst()
                        .orElseThrow()
                        .mentions())
                .isEqualTo(2);
    }

    @Test
    void oneManByHisFullNameWithInitialAndSuffixHisNameAndMrHisName() {
        List<Entity> e = RECOGNIZER.recognize("Defense Secretary Lloyd J. Austin III arrived on Monday. Lloyd Austin"
                + " met reporters. Mr. Austin said the talks went well, and Austin left.");
        assertThat(e.stream().filter(x -> x.type() == Type.PERSON))
                .containsExactly(new Entity(Type.PERSON, "Lloyd J. Austin III", 4, ""));
    }

    @Test
    void storiesInOtherLanguagesGetTheirPlacesAndNoArticleIsAName() {
        List<Entity> fr = RECOGNIZER.recognize("L'Allemagne et l'Espagne suivent la situation, selon Paris.");
        assertThat(names(fr, Type.PLACE)).containsExactlyInAnyOrder("Germany", "Spain", "Paris");
        List<Entity> es = RECOGNIZER.recognize("El Banco de España y Pedro Sánchez viajan a Madrid.");
        assertThat(names(es, Type.PERSON)).containsExactly("Pedro Sánchez");
        assertThat(names(es, Type.PLACE)).contains("Madrid");
    }

    @Test
    void namesWithoutACueOrAnEnglishGivenNameAreTypedByTheLearnedModel() {
        List<Entity> e = RECOGNIZER.recognize("Takuya Takagi headed the winner. The study, led by Samir Kendale and"
                + " Yann LeCun, was paid for by Colonial Van Lines.");
        assertThat(names(e, Type.PERSON)).contains("Takuya Takagi", "Samir Kendale", "Yann LeCun");
        assertThat(names(e, Type.ORGANIZATION)).contains("Colonial Van Lines");
    }

    @Test
    void headingsMenusAndTranscriptLabelsAreNotNames() {
        List<Entity> e = RECOGNIZER.recognize("Key Takeaways\nTop Local Movers in New York\n"
                + "Why Trust FreightWaves Checkpoint?\nBest Running Shoes For Beginners\n"
                + "UNIDENTIFIED GROUP: (Chanting) No more vouchers.\n");
        assertThat(names(e, Type.PERSON)).isEmpty();
        assertThat(names(e, Type.ORGANIZATION)).isEmpty();
    }

    @Test
    void aNameInCapitalsIsThePersonTheStoryNamesInTitleCase() {
        List<Entity> e =
                RECOGNIZER.recognize("SERGIO MARTINEZ-BELTRAN, BYLINE: Sergio Martínez-Beltrán explains the bill.");
        assertThat(names(e, Type.PERSON)).containsExactly("Sergio Martínez-Beltrán");
    }

    @Test
    void theLearnedModelReadsEnglishAndUnknownTextOnly() {
        // in German every noun is capitalised: runs of nouns are not names
        String german = "Am Montag Abend trafen sich Grüne Jugend Vertreter mit der Deutschen Umwelthilfe in Berlin.";
        assertThat(names(RECOGNIZER.recognizeAll(german, "de").entities(), Type.PERSON))
                .isEmpty();
        assertThat(names(RECOGNIZER.recognizeAll(german, "de").entities(), Type.PLACE))
                .containsExactly("Berlin");
        assertThat(names(RECOGNIZER.recognizeAll(german, "").entities(), Type.PERSON))
                .as("unknown language: read as English")
                .isNotEmpty();
    }

    @Test
    void koreanNamesByTheirShapeWithoutACue() {
        List<Entity> e = RECOGNIZER.recognize("Lee Do-woon spoke after Kim Jong-un's launch; Park Ji-sung watched."
                + " The Kim-Lee report and Kim Jong-Un Corp were not people.");
        assertThat(names(e, Type.PERSON))
                .contains("Lee Do-woon", "Kim Jong-un", "Park Ji-sung")
                .doesNotContain("Kim Jong-Un", "Kim Jong-Un Corp");
    }

    @Test
    void anOrganisationWhoseHeadIsPossessive() {
        assertThat(names(
                        RECOGNIZER.recognize("Researchers at Stanford University’s SCALE Initiative and Northwestern"
                                + " University's Kellogg School of Management agreed."),
                        Type.ORGANIZATION))
                .contains("Stanford University", "Northwestern University", "Kellogg School of Management");
    }

    @Test
    void whatJoinersAddToAnOrganisationsName() {
        List<String> orgs = names(
                RECOGNIZER.recognize("Staff of the Embassy of the Bolivarian Republic of Venezuela met the College of"
                        + " Nursing and Health Innovation, the University of Alabama at Birmingham and University"
                        + " Hospitals of Leicester NHS Trust. Lean Startup Co. paid."),
                Type.ORGANIZATION);
        assertThat(orgs)
                .contains(
                        "Embassy of the Bolivarian Republic of Venezuela",
                        "College of Nursing and Health Innovation",
                        "University of Alabama at Birmingham",
                        "University Hospitals of Leicester NHS Trust",
                        "Lean Startup Co")
                .doesNotContain("Leicester NHS Trust", "University of Alabama");
    }

    @Test
    void twoOrganisationsJoinedByAndOrAtStayTwo() {
        List<String> orgs = names(
                RECOGNIZER.recognize("Scholars from the University of Pennsylvania and MIT joined the High Museum of"
                        + " Art and the Museum of Fine Arts, and the Kellogg School of Management at Northwestern"
                        + " University."),
                Type.ORGANIZATION);
        assertThat(orgs)
                .contains(
                        "University of Pennsylvania",
                        "High Museum of Art",
                        "Museum of Fine Arts",
                        "Kellogg School of Management",
                        "Northwestern University")
                .noneMatch(o -> o.contains(" and ") || o.contains(" at "));
    }

    @Test
    void aHeadNounAfterAnEverydayWordInAHeadingIsNoOrganisation() {
        List<Entity> e = RECOGNIZER.recognize("Data Center\nWe moved the servers last year.\nMental Health\n"
                + "Sleep matters.\nThe United Nations Security Council met on Friday, and the Supreme Court ruled.");
        assertThat(names(e, Type.ORGANIZATION))
                .doesNotContain("Data Center", "Mental Health")
                .contains("Supreme Court");
    }

    @Test
    void aNameMostlyAfterTheOrAlwaysAfterAtIsAThingsNotAPersons() {
        List<Entity> e = RECOGNIZER.recognize("Read the Joel Test (2000) by Joel Spolsky. Our pick, the Brooks"
                + " Caldera 8, is on sale. See Dana Schutz at Thomas Dane until May. Electricians worked at Thomas"
                + " Edison's first plant. Marie Kondo tidied. Marie Kondo wrote; the Marie Kondo craze followed.");
        assertThat(names(e, Type.PERSON))
                .contains("Joel Spolsky", "Dana Schutz", "Thomas Edison", "Marie Kondo")
                .doesNotContain("Joel Test", "Brooks Caldera", "Thomas Dane");
    }

    @Test
    void administrativeAreasByTheirHeadWord() {
        List<Entity> e = RECOGNIZER.recognize("Farmers in Godagari Upazila and Douglas County met officials of"
                + " Hyogo Prefecture and Los Angeles County. The Orange County Register and Kent County Council"
                + " reported it.");
        assertThat(names(e, Type.PLACE))
                .contains("Godagari Upazila", "Douglas County", "Hyogo Prefecture", "Los Angeles County")
                .doesNotContain("Orange County", "Kent County");
        assertThat(names(e, Type.PERSON)).isEmpty();
        assertThat(e).contains(new Entity(Type.PLACE, "Los Angeles County", 1, "US"));
        assertThat(names(e, Type.ORGANIZATION)).contains("Kent County Council");
    }

    @Test
    void aFamilyNameWithAHyphenAndACapitalIsOnePersonsEveryMention() {
        List<Entity> e = RECOGNIZER.recognize("Nina Pineda caught up with Farah Al-Ibrahim, who left. Al-Ibrahim"
                + " stayed in her SUV. In 2019, Al-Ibrahim pleaded guilty. Kim Jong-un spoke; Kim left.");
        assertThat(e)
                .contains(
                        new Entity(Type.PERSON, "Farah Al-Ibrahim", 3, ""),
                        new Entity(Type.PERSON, "Kim Jong-un", 2, ""));
        assertThat(names(e, Type.PERSON)).doesNotContain("Al-Ibrahim");
    }

    @Test
    void inGermanACapitalisedNounBeforeANameStartsNoLongerName() {
        String german = "Der Minister traf den französischen Präsidenten Emmanuel Macron in Berlin. Auch Österreich"
                + " und die Schweiz verfolgen die Gespräche, sagte Sprecherin Maria Eichhorn.";
        EntityRecognizer.Recognition de = RECOGNIZER.recognizeAll(german, "de");
        assertThat(names(de.entities(), Type.PERSON)).contains("Emmanuel Macron", "Maria Eichhorn");
        assertThat(de.countries()).contains("DE", "AT", "CH");
        // in English a capitalised word before a given name or a country starts a longer name
        assertThat(names(
                        RECOGNIZER
                                .recognizeAll("Auch Austria and Moderna Maria sold.", "en")
                                .entities(),
                        Type.PLACE))
                .doesNotContain("Austria");
    }

    @Test
    void aTranscriptsSpeakersAreItsPeopleInTheFormTheProseGives() {
        List<Entity> e = RECOGNIZER.recognize("SACHA PFEIFFER, HOST: Good morning. Sergio Martínez-Beltrán explains.\n"
                + "SERGIO MARTINEZ-BELTRAN, BYLINE: It was a Saturday.\n"
                + "UNIDENTIFIED PERSON #1: Yeah.\n"
                + "MARTINEZ-BELTRAN: Martínez-Beltrán was there.\n"
                + "WOLF BLITZER, CNN ANCHOR: Welcome back.");
        assertThat(names(e, Type.PERSON))
                .containsExactlyInAnyOrder("Sacha Pfeiffer", "Sergio Martínez-Beltrán", "Wolf Blitzer");
    }

    @Test
    void hyphensInPlacesAndOrganisationsNames() {
        List<Entity> e = RECOGNIZER.recognize("The US commitment to the Indo-Pacific holds, the Indo-Pacific Command"
                + " said. Hewlett-Packard Company and Winston-Salem officials met. Our Self-Service portal and"
                + " Third-Party tools work. The New York LLC Transparency Act changed.");
        assertThat(names(e, Type.PLACE)).contains("Indo-Pacific", "Winston-Salem");
        assertThat(names(e, Type.ORGANIZATION))
                .contains("Indo-Pacific Command", "Hewlett-Packard Company")
                .noneMatch(o -> o.contains("Service") || o.contains("Party") || o.contains("LLC"))
                .doesNotContain("Pacific Command", "Indo-Pacific");
        assertThat(names(e, Type.PERSON)).isEmpty();
    }

    @Test
    void theExamplesAListGivesOfAKindOfOrganisation() {
        List<Entity> e = RECOGNIZER.recognize("Patients enroll in programs of the drugs’ manufacturers, Eli Lilly and"
                + " Novo Nordisk. Insurers such as Cigna, Aetna and Humana agreed; retailers like Crate & Barrel and"
                + " Stanley Black & Decker did not. Bakery chains, Paris Baguette among them, grew. Companies in"
                + " Germany and France, I've heard, too.");
        assertThat(names(e, Type.ORGANIZATION))
                .contains(
                        "Eli Lilly",
                        "Novo Nordisk",
                        "Cigna",
                        "Aetna",
                        "Humana",
                        "Crate & Barrel",
                        "Stanley Black & Decker",
                        "Paris Baguette")
                .doesNotContain("Germany", "I've");
        assertThat(names(e, Type.PERSON)).isEmpty();
        assertThat(names(e, Type.PLACE)).containsExactlyInAnyOrder("Germany", "France");
    }

    @Test
    void anOrganisationNamedTwoWaysCountsOnce() {
        List<Entity> e = RECOGNIZER.recognize("Peterson joined the Harvard T.H. Chan School of Public Health in May."
                + " The Harvard Chan School of Public Health runs a kitchen. Elevance Health Inc reported results;"
                + " Elevance Health also raised its outlook. The White House Visitor Center is near the White House.");
        assertThat(e)
                .filteredOn(x -> x.type() == Type.ORGANIZATION)
                .extracting(Entity::name, Entity::mentions)
                .contains(
                        tuple("Harvard T.H. Chan School of Public Health", 2),
                        tuple("Elevance Health", 2),
                        tuple("White House", 1),
                        tuple("White House Visitor Center", 1))
                .noneMatch(t -> t.toList().get(0).equals("Harvard Chan School of Public Health")
                        || t.toList().get(0).equals("Elevance Health Inc"));
    }

    @Test
    void aGivenNameThatIsAWordNamesAPersonWhenSomethingVouchesForIt() {
        List<Entity> e = RECOGNIZER.recognize("Microsoft co-founder Bill Gates spoke. Wigan signed striker Tony"
                + " Grant on Friday. Pat Cash lost in the first round, and Mr. Cash left early. Grant Funding is open"
                + " to all. Will Power Tools are on sale.");
        assertThat(names(e, Type.PERSON))
                .contains("Bill Gates", "Tony Grant", "Pat Cash")
                .doesNotContain("Grant Funding", "Will Power", "Will Power Tools");
    }

    @Test
    void sportsClubsNamedAfterTheirCity() {
        List<Entity> e = RECOGNIZER.recognize("Bayern Munich drew 1-1 with Borussia Dortmund, Real Madrid beat"
                + " Atletico Madrid and Red Star Belgrade lost. Wigan Athletic signed a striker from Blackburn"
                + " Rovers.\nAston Villa 2 Derby County 0\nCoventry City 1 Leeds 0\nFans in Munich and Madrid"
                + " celebrated. Choose United for travel; Davao City and Iowa City voted.");
        assertThat(names(e, Type.ORGANIZATION))
                .contains(
                        "Bayern Munich",
                        "Borussia Dortmund",
                        "Real Madrid",
                        "Atletico Madrid",
                        "Red Star Belgrade",
                        "Wigan Athletic",
                        "Blackburn Rovers",
                        "Aston Villa",
                        "Derby County",
                        "Coventry City")
                .doesNotContain("Leeds", "Choose United", "Davao City", "Iowa City");
        assertThat(e)
                .filteredOn(x -> x.type() == Type.PLACE)
                .extracting(Entity::name, Entity::mentions)
                .contains(tuple("Munich", 1), tuple("Madrid", 1), tuple("Leeds", 1))
                .noneMatch(t -> t.toList().get(0).equals("Bavaria"));
    }

    @Test
    void anAcronymDefinedInParenthesesIsAMentionOfItsOrganisation() {
        List<Entity> e = RECOGNIZER.recognize("The European Central Bank (ECB) raised rates on Thursday. The ECB said"
                + " inflation was too high, and the ECB's chief agreed. The Kurdistan Workers Party (PKK) denied it;"
                + " PKK fighters left. Visitors to the Mobile World Congress (MWC) met the Congress. Artificial"
                + " Intelligence (AI) helps, AI says.");
        assertThat(e)
                .filteredOn(x -> x.type() == Type.ORGANIZATION)
                .extracting(Entity::name, Entity::mentions)
                .contains(
                        tuple("European Central Bank", 3),
                        tuple("Kurdistan Workers Party", 2),
                        tuple("Mobile World Congress", 1))
                .noneMatch(t -> t.toList().get(0).equals("PKK")
                        || t.toList().get(0).equals("AI")
                        || t.toList().get(0).equals("Artificial Intelligence"));
    }

    @Test
    void theFirstWordsOfAnOrganisationsNameUsedAlone() {
        List<Entity> e = RECOGNIZER.recognize("Sales grew, said Mara Lindqvist, CEO of Dravelle Quint North America."
                + " For Dravelle Quint, however, Europe is harder. Harwick Tessaly Corporation bought it; Harwick"
                + " Tessaly now owns the port. Vantrell Kinetics Reinsurance Group and Vantrell Kinetics Primary Group"
                + " report to Vantrell Kinetics, which listed both. The Orange County Register wrote that Orange County"
                + " agreed. The Museum of Contemporary Art and the Contemporary Art Society lent works.");
        assertThat(e)
                .filteredOn(x -> x.type() == Type.ORGANIZATION)
                .extracting(Entity::name, Entity::mentions)
                .contains(
                        tuple("Dravelle Quint North America", 1),
                        tuple("Dravelle Quint", 1), // the brand: the rest of the longer name is a place
                        tuple("Harwick Tessaly Corporation", 2), // its short form
                        tuple("Vantrell Kinetics", 1)); // two names start with it: their parent
        assertThat(names(e, Type.ORGANIZATION)).doesNotContain("Harwick Tessaly", "Orange County", "Contemporary Art");
        assertThat(names(e, Type.PERSON)).containsExactly("Mara Lindqvist");
    }

    @Test
    void aPluralPossessiveInsideAnOrganisationsName() {
        List<Entity> e = RECOGNIZER.recognize("The Photographers’ Gallery opened a show, and the New York State"
                + " Workers' Compensation Board ruled. Siemens’ AI Lab agreed.");
        assertThat(names(e, Type.ORGANIZATION))
                .contains("Photographers’ Gallery", "New York State Workers' Compensation Board", "AI Lab")
                .doesNotContain("Compensation Board", "Siemens’ AI Lab");
    }

    @Test
    void aNameAndAnotherJoinedByAnAmpersand() {
        List<Entity> e = RECOGNIZER.recognize("She studied at Johnson & Wales University and works for Crowell &"
                + " Moring LLP. See Digital Marketing & Social Media below.");
        assertThat(names(e, Type.ORGANIZATION))
                .contains("Johnson & Wales University", "Crowell & Moring LLP")
                .doesNotContain("Wales University", "Moring LLP")
                .noneMatch(o -> o.startsWith("Digital Marketing"));
    }

    @Test
    void theItemsOfAListUnderAHeadingThatNamesAKindOfOrganisation() {
        List<Entity> e = RECOGNIZER.recognize("The market grew again this year.\n"
                + "List Of Top Health Insurance Companies In USA\n1. UnitedHealthcare\n2. Kaiser Permanente\n"
                + "3. Florida Blue (GuideWell)\n4. Blue Cross Blue Shield of Michigan\n5. Texas\n"
                + "How to choose moving companies\n- Temporary Storage\n- Packing and Unpacking\n- Reputation\n"
                + "- Acme Movers\nPeople we met\n1. Lisa Chen\n2. Mark Ruffalo\n");
        assertThat(names(e, Type.ORGANIZATION))
                .contains("UnitedHealthcare", "Kaiser Permanente", "Florida Blue", "Blue Cross Blue Shield of Michigan")
                .doesNotContain("Temporary Storage", "Packing and Unpacking", "Reputation", "Acme Movers", "Texas");
        assertThat(names(e, Type.PERSON)).contains("Lisa Chen").doesNotContain("Kaiser Permanente", "Florida Blue");
    }

    @Test
    void whereAPersonWorksByTheJobBeforeIt() {
        List<Entity> e = RECOGNIZER.recognize("Scott Keatley is co-owner of Keatley Medical Nutrition Therapy, he said."
                + " Mark Mattson, a neuroscientist at Johns Hopkins Medicine, agreed. Ana Ruiz, an analyst at Morning"
                + " Consult, said so too, as did an attorney at Morgan & Morgan law firm and the founder of"
                + " Embarque.io. Then the mayor of Chicago, a professor of Economics, a manager of AI infrastructure,"
                + " a professor of Anaesthesia at Harvard Medical School and the president of Spicher's Appliance &"
                + " Security spoke.");
        assertThat(names(e, Type.ORGANIZATION))
                .contains(
                        "Keatley Medical Nutrition Therapy",
                        "Johns Hopkins Medicine",
                        "Morning Consult",
                        "Morgan & Morgan",
                        "Embarque.io",
                        "Harvard Medical School")
                .doesNotContain("Chicago", "Economics", "AI", "Anaesthesia", "Spicher");
        assertThat(names(e, Type.PERSON))
                .contains("Scott Keatley", "Mark Mattson", "Ana Ruiz")
                .doesNotContain("Morgan & Morgan", "Johns Hopkins");
    }

    @Test
    void aCompanyThatSpeaksIsNoPerson() {
        List<Entity> e = RECOGNIZER.recognize("Sales rose 4 percent, Chrysler Corp said on Monday.");
        assertThat(names(e, Type.ORGANIZATION)).contains("Chrysler Corp");
        assertThat(names(e, Type.PERSON)).isEmpty();
    }

    @Test
    void aChairIsATitleAndAFirmsAnalystsAreItsStaff() {
        List<Entity> e = RECOGNIZER.recognize("Federal Reserve Chair Jerome Powell spoke on Friday, and Fed Chair"
                + " Jerome Powell said the bank would wait. Brannock Halley analysts expect two cuts; Tony Blair"
                + " advisers disagreed, and UX designers did not care. Best Office Chair For Back Pain.");
        assertThat(e)
                .extracting(Entity::type, Entity::name)
                .containsExactlyInAnyOrder(
                        tuple(Type.ORGANIZATION, "Federal Reserve"),
                        tuple(Type.PERSON, "Jerome Powell"),
                        tuple(Type.ORGANIZATION, "Brannock Halley"),
                        tuple(Type.PERSON, "Tony Blair"));
    }

    @Test
    void everyUseOfAnOrganisationsNameCountsAndItsOneWordShortFormIsIt() {
        List<Entity> e = RECOGNIZER.recognize(
                "Halvex Semiconductor agreed to buy Arcadia Networks. Halvex shares"
                        + " fell 3%. Analysts said Halvex paid too much, and Halvex's rivals agreed. Amazon Web Services grew.");
        assertThat(e)
                .extracting(Entity::type, Entity::name, Entity::mentions)
                .containsExactlyInAnyOrder(
                        tuple(Type.ORGANIZATION, "Halvex Semiconductor", 4), // a cue found "Halvex" once
                        tuple(Type.ORGANIZATION, "Arcadia Networks", 1),
                        tuple(Type.ORGANIZATION, "Amazon Web Services", 1));
    }

    @Test
    void anAgencyThatSpeaksIsNoPersonAndItsNameBeforeAndIsItsShortForm() {
        List<Entity> e = RECOGNIZER.recognize("Payrolls grew, the Bureau of Labor Statistics said. The Centers for"
                + " Disease Control and Prevention warned on Monday, and the Centers for Disease Control said more"
                + " would follow.");
        assertThat(e)
                .extracting(Entity::type, Entity::name, Entity::mentions)
                .containsExactlyInAnyOrder(
                        tuple(Type.ORGANIZATION, "Bureau of Labor Statistics", 1),
                        tuple(Type.ORGANIZATION, "Centers for Disease Control and Prevention", 2));
    }

    @Test
    void companiesByTheirSharesTheirListingAndTheirOfficers() {
        // names made up, so that no list or given name can have found them
        List<Entity> e = RECOGNIZER.recognize("Shares of Dravon Kestrel rose 4 percent after the results. Brindle"
                + " Ashcombe shares fell 3 percent in London. Quarro Vantis (NYSE: QVT) reported a loss, as did"
                + " Mellor Tansy (MLTY.O). Ostrava Minerals chief executive Tomas Velk said output would rise, and"
                + " Halvern Brisk shareholders approved the sale. Renwick Ostler bought a stake in Farrant Crane.");
        assertThat(names(e, Type.ORGANIZATION))
                .contains(
                        "Dravon Kestrel",
                        "Brindle Ashcombe",
                        "Quarro Vantis",
                        "Mellor Tansy",
                        "Ostrava Minerals",
                        "Halvern Brisk",
                        "Farrant Crane");
        assertThat(names(e, Type.PERSON))
                .contains("Tomas Velk")
                .doesNotContain("Quarro Vantis", "Mellor Tansy", "Ostrava Minerals", "Farrant Crane");
    }

    @Test
    void aNameBeforeTheKindOfCompanyItIs() {
        List<Entity> e = RECOGNIZER.recognize("Gazprom will raise output, the Interfax news agency said. Troops"
                + " from the Wagner mercenary group withdrew, and the Corvell Marsh consulting firm joined. Patients"
                + " in the SSRI group and the control group improved; the SaaS company and the Austin-based firm"
                + " grew, as did a Silicon Valley startup and a Wall Street bank.");
        assertThat(names(e, Type.ORGANIZATION))
                .contains("Interfax", "Wagner", "Corvell Marsh")
                .doesNotContain("SSRI", "SaaS", "Austin-based", "Austin", "Silicon Valley", "Wall Street");
    }

    @Test
    void whatOnlyLooksLikeAMarketCueNamesNoCompany() {
        List<Entity> e = RECOGNIZER.recognize("Higher shares of LGBT+ adolescents and shares of US adults reported"
                + " stress. Do not put too much stock in AI guidance. Its shares fell and French shares rose while"
                + " London shares were flat. Donald Trump spoke; Trump shareholders were not asked. The company"
                + " chief executive Jane Doe agreed.");
        assertThat(names(e, Type.ORGANIZATION)).isEmpty();
    }

    @Test
    void aWorkplaceAfterAPersonsNameAndJobBetweenCommas() {
        List<Entity> e = RECOGNIZER.recognize("Sales rose, said Dalia Moreno, managing partner, Quillfeather Tansy."
                + " Ana Ruiz, CEO, Ben Cole, CFO, and Jo Hart, Director, Sales and Marketing, left. Tom Reyes,"
                + " President, Texas. Certified Purchasing Professional, Certified Purchasing Manager, Certified Green"
                + " Purchasing Professional, and more.");
        assertThat(names(e, Type.ORGANIZATION)).containsExactly("Quillfeather Tansy");
        assertThat(names(e, Type.PERSON))
                .containsExactlyInAnyOrder("Dalia Moreno", "Ana Ruiz", "Ben Cole", "Jo Hart", "Tom Reyes");
    }

    @Test
    void theBodiesAStoryGivesAsItsSources() {
        List<Entity> e = RECOGNIZER.recognize("Prices rose 4%, according to Quendral Analytics. A survey by Morvane"
                + " found the same, as reported by Halden + Pryce. Data from Tessiva and Orbell showed it. Sales fell,"
                + " according to Noor Haddad, and according to Haddad they will fall again. According to Kyiv, the"
                + " strike failed; according to October figures it did not. An analysis by Brennick [12] agrees,"
                + " according to Mr. Oduya. According to Lenz, prices rise. Lenz said so. According to Top"
                + " Picks, buy now; according to the Dietary Guidelines, do not.");
        assertThat(names(e, Type.ORGANIZATION))
                .containsExactlyInAnyOrder("Quendral Analytics", "Morvane", "Halden + Pryce", "Tessiva", "Orbell");
        assertThat(names(e, Type.PERSON)).contains("Noor Haddad");
        assertThat(names(e, Type.PLACE)).containsExactly("Kyiv");
    }

    @Test
    void thePublisherBeforeTheYearOfAStudysTitle() {
        List<Entity> e = RECOGNIZER.recognize("Enterprise led the Korvath Lensing 2025 North America Rental Car"
                + " Satisfaction Study. Per The 2025 Sprout Index, sales rose. In the Q2 2025 Pulse Survey, Brillan's"
                + " 2024 Purchasing Behavior Report and the Zentara 2026 Review, nothing. Anna Kovac's 2019 Study was"
                + " cited.");
        assertThat(names(e, Type.ORGANIZATION)).containsExactlyInAnyOrder("Korvath Lensing", "Brillan");
        assertThat(names(e, Type.PERSON)).containsExactly("Anna Kovac");
    }

    @Test
    void groupsNamedForWhoTheyAreAndWhatTheyStandFor() {
        List<Entity> e = RECOGNIZER.recognize("A rally led by Teachers Against School Vouchers began. Mothers Against"
                + " Drunk Driving and Doctors Without Borders joined, with Americans for Prosperity. Businesses for"
                + " Sale are listed. Women in Tech met. Farmers for Ukraine marched.");
        assertThat(names(e, Type.ORGANIZATION))
                .containsExactlyInAnyOrder(
                        "Teachers Against School Vouchers",
                        "Mothers Against Drunk Driving",
                        "Doctors Without Borders",
                        "Americans for Prosperity");
        assertThat(names(e, Type.PLACE)).containsExactly("Ukraine");
    }

    @Test
    void theWorkplacesOfManyPeople() {
        List<Entity> e = RECOGNIZER.recognize("Analysts at Goldman Sachs expect a cut. Interaction designers at"
                + " Amazon and IBM agreed, as did the owners of King and Jupiter and researchers at Home and Abroad.");
        assertThat(names(e, Type.ORGANIZATION))
                .contains("Goldman Sachs", "Amazon", "IBM", "King and Jupiter")
                .doesNotContain("Amazon and IBM", "Jupiter");
        assertThat(names(e, Type.PERSON)).doesNotContain("Goldman Sachs");
    }

    @Test
    void aNameInAppositionToAKindOfOrganisation() {
        List<Entity> e = RECOGNIZER.recognize("The best film was named by the review-aggregation website Rotten"
                + " Tomatoes. A survey by the market research firm Morning Consult agreed, as did the rental company"
                + " Hertz, the ratings firm J.D. Power and the AI provider Hugging Face and France-based Mistral."
                + " Open the app UX settings or the website URL. The magazine Michael read said so, and the company"
                + " Apple's chief agreed. A group Chairman John Smith spoke.");
        assertThat(names(e, Type.ORGANIZATION))
                .contains("Rotten Tomatoes", "Morning Consult", "Hertz", "J.D. Power", "Hugging Face")
                .noneMatch(o -> o.equals("UX")
                        || o.equals("URL")
                        || o.equals("Michael")
                        || o.equals("Apple")
                        || o.contains("France-based")
                        || o.contains("John Smith"));
    }

    @Test
    void labsAndNewsroomsAreOrganisations() {
        List<Entity> e = RECOGNIZER.recognize("Ava Labs released the update on Monday. The Texas Newsroom's Sergio"
                + " Martínez-Beltrán reports that Kythera Labs agreed.");
        assertThat(names(e, Type.ORGANIZATION)).contains("Ava Labs", "Texas Newsroom", "Kythera Labs");
        assertThat(names(e, Type.PERSON)).doesNotContain("Ava Labs", "Kythera Labs");
    }

    @Test
    void lowercaseWordsAreNotCountries() {
        assertThat(RECOGNIZER.recognize("us and them, china plates, turkey dinner"))
                .isEmpty();
    }

    @Test
    void titlesLeadingWordsAndPronounsAreNeverPeople() {
        String text = "As I said, the plan is sound. What Stephen Colbert said drew laughs. "
                + "NASA Administrator Jim Bridenstine said the launch would go ahead. Coach P.J. Fleck said little. "
                + "The Chief Marketing Officer said sales rose. Emergency Services said roads were closed. "
                + "Like I said, it rained. Chief Cyber Solutions Officer Dana Whitfield said the breach was contained.";
        List<String> people = new EntityRecognizer()
                .recognize(text).stream()
                        .filter(e -> e.type() == EntityRecognizer.Type.PERSON)
                        .map(EntityRecognizer.Entity::name)
                        .sorted()
                        .toList();
        assertThat(people).containsExactly("Dana Whitfield", "Jim Bridenstine", "P.J. Fleck", "Stephen Colbert");
    }
}
