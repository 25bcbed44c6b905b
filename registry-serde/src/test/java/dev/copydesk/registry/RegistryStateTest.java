package dev.copydesk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryStateTest {

    private static final String V1 =
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private static final String V2 =
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                    + "{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";

    @Test
    void replayingTheJournalRebuildsTheSameIdsVersionsAndLevels() {
        List<SchemaRecord> journal = new ArrayList<>();
        RegistryState original = new RegistryState();
        int id1 = original.register("s", V1, journal::add).id();
        int id2 = original.register("s", V2, journal::add).id();
        original.setCompatibility("s", CompatibilityLevel.FULL, journal::add);
        original.deleteSubject("s", journal::add);

        RegistryState replayed = new RegistryState();
        journal.forEach(replayed::apply);
        assertThat(replayed.subjects()).isEmpty();
        assertThat(replayed.getById(id1)).isEqualTo(original.getById(id1));
        assertThat(replayed.getById(id2)).isEqualTo(original.getById(id2));
        assertThat(replayed.compatibility("s")).isEqualTo(CompatibilityLevel.FULL);
        // a re-registration after a soft delete starts a new version and keeps the id
        assertThat(replayed.register("s", V1, r -> {}).id()).isEqualTo(id1);
    }

    @Test
    void aFailedJournalWriteLeavesTheStateUnchanged() {
        RegistryState state = new RegistryState();
        assertThatThrownBy(() -> state.register("s", V1, r -> {
                    throw new RegistryException(500, RegistryException.STORE_ERROR, "disk full");
                }))
                .isInstanceOf(RegistryException.class);
        assertThat(state.subjects()).isEmpty();
    }

    @Test
    void invalidSchemaAndLevelAreRejectedWithConfluentCodes() {
        RegistryState state = new RegistryState();
        assertThatThrownBy(() -> state.register("s", "{nope", r -> {}))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
        assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
    }

    @Test
    void forwardAndTransitiveLevelsCheckTheRightDirection() {
        RegistryState state = new RegistryState();
        state.setCompatibility("s", CompatibilityLevel.FORWARD, r -> {});
        state.register("s", V2, r -> {});
        // V1 (dropping b) can still be read by V2's readers: forward compatible
        assertThat(state.isCompatible("s", RegistryState.parse(V1))).isTrue();
        String v3 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
        assertThat(state.isCompatible("s", RegistryState.parse(v3))).isFalse();
    }

    @Test
    void aNewDocOrDefaultIsANewVersionWhileReformattedTextIsTheSameSchema() {
        String plain =
                "{\"type\":\"record\",\"name\":\"Note\",\"fields\":[{\"name\":\"text\",\"type\":\"string\",\"default\":\"\"}]}";
        String reformatted =
                "{ \"name\" : \"Note\",\n  \"type\" : \"record\",\n  \"fields\" : [ { \"type\" : \"string\", \"name\" : \"text\", \"default\" : \"\" } ] }";
        String documented = plain.replace("\"name\":\"text\",", "\"name\":\"text\",\"doc\":\"The note's text.\",");
        String otherDefault = plain.replace("\"default\":\"\"", "\"default\":\"-\"");
        RegistryState state = new RegistryState();
        var first = state.register("notes", plain, r -> {});
        assertThat(state.register("notes", reformatted, r -> {})).isEqualTo(first);
        var withDoc = state.register("notes", documented, r -> {});
        assertThat(withDoc.version()).isEqualTo(2);
        assertThat(withDoc.id()).isNotEqualTo(first.id());
        assertThat(withDoc.schema().getField("text").doc()).isEqualTo("The note's text.");
        var withDefault = state.register("notes", otherDefault, r -> {});
        assertThat(withDefault.version()).isEqualTo(3);
        assertThat(withDefault.id()).isNotIn(first.id(), withDoc.id());
        // the same schema under another subject keeps its id, as Confluent's global ids do
        assertThat(state.register("other", documented, r -> {}).id()).isEqualTo(withDoc.id());
        assertThat(state.lookup("notes", RegistryState.parse(plain))
                        .orElseThrow()
                        .version())
                .isEqualTo(1);
    }
}
