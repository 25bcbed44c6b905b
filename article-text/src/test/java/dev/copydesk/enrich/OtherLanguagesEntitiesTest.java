package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.enrich.EntityRecognizer.Entity;
import dev.copydesk.enrich.EntityRecognizer.Recognition;
import dev.copydesk.enrich.EntityRecognizer.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a German, a French and a Spanish story get (docs/entities.md, "Other languages"). */
class OtherLanguagesEntitiesTest {

    private static final EntityRecognizer RECOGNIZER = new EntityRecognizer();

    private static List<String> names(Recognition r, Type type) {
        return r.entities().stream()
                .filter(e -> e.type() == type)
                .map(Entity::name)
                .toList();
    }

    @Test
    void aGermanStory() {
        Recognition de = RECOGNIZER.recognizeAll(
                "Bundeskanzler Olaf Scholz ist am Montag nach Paris gereist, um mit dem französischen Präsidenten"
                        + " Emmanuel Macron über die Lage in der Ukraine zu sprechen. Die Europäische Zentralbank in"
                        + " Frankfurt hatte zuvor die Zinsen gesenkt. Siemens und die Deutsche Bahn begrüßten den"
                        + " Schritt, sagte ein Sprecher in Berlin. Auch Österreich und die Schweiz verfolgen die"
                        + " Gespräche.",
                "de");
        assertThat(names(de, Type.PERSON)).containsExactly("Emmanuel Macron");
        assertThat(names(de, Type.PLACE))
                .containsExactlyInAnyOrder("Berlin", "Paris", "Austria", "Switzerland", "Ukraine");
        assertThat(de.countries()).containsExactlyInAnyOrder("DE", "FR", "AT", "CH", "UA");
        // "Europäische Zentralbank" is one compound word, "Deutsche Bahn" has no head: German heads come first
        // ("Universität Heidelberg"), and these have none
        assertThat(names(de, Type.ORGANIZATION)).isEmpty();
    }

    @Test
    void aFrenchStory() {
        Recognition fr = RECOGNIZER.recognizeAll(
                "Le président Emmanuel Macron a reçu lundi à l'Élysée le chancelier allemand Olaf Scholz pour"
                        + " parler de la guerre en Ukraine. La Banque centrale européenne, à Francfort, avait baissé"
                        + " ses taux. La SNCF a salué la décision, a indiqué un porte-parole à Lyon. L'Espagne et"
                        + " l'Italie suivent les discussions.",
                "fr");
        assertThat(names(fr, Type.PERSON)).containsExactly("Emmanuel Macron");
        assertThat(names(fr, Type.PLACE)).containsExactlyInAnyOrder("Ukraine", "Spain", "Italy");
        assertThat(names(fr, Type.ORGANIZATION)).containsExactly("Banque centrale européenne");
    }

    @Test
    void aSpanishStory() {
        Recognition es = RECOGNIZER.recognizeAll(
                "El presidente del Gobierno, Pedro Sánchez, viajó el lunes a Bruselas para reunirse con la"
                        + " presidenta de la Comisión Europea, Ursula von der Leyen. El Banco de España y la compañía"
                        + " Telefónica celebraron el acuerdo, dijo un portavoz en Madrid. Francia y Portugal siguen"
                        + " las negociaciones, según fuentes de Barcelona.",
                "es");
        assertThat(names(es, Type.PERSON)).containsExactly("Pedro Sánchez");
        // "España" inside "Banco de España" is the bank's, as "England" is the Bank of England's
        assertThat(names(es, Type.PLACE)).containsExactlyInAnyOrder("Madrid", "Barcelona", "France", "Portugal");
        assertThat(names(es, Type.ORGANIZATION)).containsExactlyInAnyOrder("Banco de España", "Comisión Europea");
        assertThat(es.countries()).containsExactlyInAnyOrder("ES", "FR", "PT");
    }

    @Test
    void organisationsWhoseHeadComesFirst() {
        Recognition it = RECOGNIZER.recognizeAll(
                "Il Tribunale di Bologna San Marino ha respinto il ricorso. L'Agenzia Dire Consiglio Grande e"
                        + " Generale ha riferito che il Partito democratico e la Guardia di Finanza di Forlì"
                        + " collaborano con il Grupo H.",
                "it");
        assertThat(names(it, Type.ORGANIZATION))
                .contains("Tribunale di Bologna", "Agenzia Dire", "Partito democratico", "Guardia di Finanza di Forlì")
                .noneMatch(o -> o.contains("San Marino") || o.contains("Grupo"));
    }
}
