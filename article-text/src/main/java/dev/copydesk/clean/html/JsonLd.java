package dev.copydesk.clean.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The page's JSON-LD blocks, parsed once for everything read from them (metadata, the stated body). */
final class JsonLd {

    /** Lenient about raw line breaks inside strings, which CMSes often leave in a body. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private JsonLd() {}

    /** Each {@code application/ld+json} script that parses, in page order; broken JSON-LD is common and skipped. */
    static List<JsonNode> of(Document doc) {
        List<JsonNode> roots = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                roots.add(JSON.readTree(script.data()));
            } catch (JsonProcessingException e) {
                // the meta tags and the extraction still speak
            }
        }
        return roots;
    }
}
