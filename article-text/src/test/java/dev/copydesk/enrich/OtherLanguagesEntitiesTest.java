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
        assertThat(names(de, Type.ORGANIZATION)).isEmpty(); // the heads are English
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
        assertThat(names(es, Type.PLACE))
                .containsExactlyInAnyOrder("Madrid", "Barcelona", "Spain", "France", "Portugal");
        assertThat(es.countries()).containsExactlyInAnyOrder("ES", "FR", "PT");
    }
}
