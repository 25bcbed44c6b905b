package dev.copydesk.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * The plain JSON form of Avro records, for subscribers without an Avro client: an object per record, fields by
 * name, a union as its value alone (not Avro's {@code {"string": ...}} wrapping), enums as their symbol, timestamps
 * as ISO-8601 strings, bytes as base64. {@link #jsonSchema} describes that form for any record schema, so the JSON
 * contract follows the Avro one.
 */
public final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {}

    public static ObjectNode toJson(IndexedRecord record) {
        ObjectNode out = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            out.set(field.name(), value(record.get(field.pos()), field.schema()));
        }
        return out;
    }

    private static JsonNode value(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof IndexedRecord record) {
            return toJson(record);
        }
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        if (value instanceof Long millis && isTimestampMillis(schema)) {
            return NODES.textNode(Instant.ofEpochMilli(millis).toString());
        }
        if (value instanceof CharSequence || value instanceof GenericEnumSymbol<?> || value instanceof Enum<?>) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            return NODES.textNode(Base64.getEncoder().encodeToString(raw));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            Schema values = branch(schema, Schema.Type.MAP).getValueType();
            map.forEach((k, v) -> out.set(k.toString(), value(v, values)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode out = NODES.arrayNode();
            Schema element = branch(schema, Schema.Type.ARRAY).getElementType();
            items.forEach(v -> out.add(value(v, element)));
            return out;
        }
        return NODES.textNode(value.toString());
    }

    private static boolean isTimestampMillis(Schema schema) {
        for (Schema s : schema.isUnion() ? schema.getTypes() : List.of(schema)) {
            if (s.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
                return true;
            }
        }
        return false;
    }

    /** The branch of a union (or the schema itself) of the given type. */
    private static Schema branch(Schema schema, Schema.Type type) {
        if (!schema.isUnion()) {
            return schema;
        }
        return schema.getTypes().stream()
                .filter(s -> s.getType() == type)
                .findFirst()
                .orElse(schema);
    }

    /** A JSON Schema (draft 2020-12) of the JSON form of records of this schema, with the Avro docs as descriptions. */
    public static ObjectNode jsonSchema(Schema schema) {
        ObjectNode root = schemaOf(schema);
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", schema.getFullName());
        return root;
    }

    private static ObjectNode schemaOf(Schema schema) {
        ObjectNode out = NODES.objectNode();
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case RECORD -> {
                out.put("type", "object");
                ObjectNode properties = out.putObject("properties");
                ArrayNode required = out.putArray("required");
                for (Schema.Field field : schema.getFields()) {
                    ObjectNode property = schemaOf(field.schema());
                    if (field.doc() != null) {
                        property.put("description", field.doc());
                    }
                    properties.set(field.name(), property);
                    required.add(field.name());
                }
                out.put("additionalProperties", false);
            }
            case UNION -> {
                ArrayNode any = out.putArray("anyOf");
                schema.getTypes().forEach(s -> any.add(schemaOf(s)));
            }
            case ARRAY -> {
                out.put("type", "array");
                out.set("items", schemaOf(schema.getElementType()));
            }
            case MAP -> {
                out.put("type", "object");
                out.set("additionalProperties", schemaOf(schema.getValueType()));
            }
            case ENUM -> {
                out.put("type", "string");
                ArrayNode symbols = out.putArray("enum");
                schema.getEnumSymbols().forEach(symbols::add);
            }
            case STRING -> out.put("type", "string");
            case BYTES, FIXED -> out.put("type", "string").put("contentEncoding", "base64");
            case INT -> out.put("type", "integer");
            case LONG -> {
                if (logical instanceof LogicalTypes.TimestampMillis) {
                    out.put("type", "string").put("format", "date-time");
                } else {
                    out.put("type", "integer");
                }
            }
            case FLOAT, DOUBLE -> out.put("type", "number");
            case BOOLEAN -> out.put("type", "boolean");
            case NULL -> out.put("type", "null");
        }
        if (schema.getDoc() != null && !out.has("description")) {
            out.put("description", schema.getDoc());
        }
        return out;
    }
}
