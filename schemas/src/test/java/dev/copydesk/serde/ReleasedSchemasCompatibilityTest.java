package dev.copydesk.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.avro.Alert;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.avro.Watchlist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every current schema must read data written with every released version (BACKWARD compatibility, as the
 * registry enforces on the topics). Released versions live in schemas/released/NAME/vN.avsc; add a file there
 * when a schema change ships.
 */
class ReleasedSchemasCompatibilityTest {

    private static final Map<String, Schema> CURRENT = Map.of(
            "RawArticle", RawArticle.getClassSchema(),
            "Article", Article.getClassSchema(),
            "DuplicateNotice", DuplicateNotice.getClassSchema(),
            "DeadLetter", DeadLetter.getClassSchema(),
            "Watchlist", Watchlist.getClassSchema(),
            "Alert", Alert.getClassSchema());

    static Stream<Arguments> releasedVersions() throws IOException {
        Path released = Path.of("released");
        try (Stream<Path> files = Files.walk(released)) {
            List<Path> list =
                    files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
            return list.stream()
                    .map(p -> Arguments.of(p.getParent().getFileName().toString(), p));
        }
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("releasedVersions")
    void currentSchemaReadsEveryReleasedVersion(String name, Path releasedFile) throws IOException {
        Schema writer = new Schema.Parser().parse(releasedFile.toFile());
        Schema reader = CURRENT.get(name);
        assertThat(reader)
                .as("a released schema without a current one: " + releasedFile)
                .isNotNull();
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        assertThat(result.getType())
                .as(name + " is not BACKWARD compatible with " + releasedFile + ": "
                        + result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void everyCurrentSchemaHasAReleasedVersionAndDocOnEveryField() throws IOException {
        for (var e : CURRENT.entrySet()) {
            assertThat(Path.of("released", e.getKey())).isDirectory();
            for (Schema.Field f : e.getValue().getFields()) {
                assertThat(f.doc())
                        .as(e.getKey() + "." + f.name() + " has no doc")
                        .isNotBlank();
            }
        }
    }

    @Test
    void theCheckCatchesABreakingChange() {
        Schema released = Article.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : released.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        // a new field without a default cannot be filled from old data: not BACKWARD compatible
        fields.add(new Schema.Field("newRequired", Schema.create(Schema.Type.STRING), "no default", (Object) null));
        Schema breaking =
                Schema.createRecord(released.getName(), released.getDoc(), released.getNamespace(), false, fields);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(breaking, released)
                        .getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE);
    }
}
