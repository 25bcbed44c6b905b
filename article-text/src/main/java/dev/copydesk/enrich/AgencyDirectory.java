package dev.copydesk.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** News agencies by every name they go by in copy, read from {@code agencies.tsv}: data, not code. */
public final class AgencyDirectory {

    private final Map<String, String> canonicalByName = new HashMap<>();

    public static AgencyDirectory builtIn() {
        try (InputStream in = AgencyDirectory.class.getResourceAsStream("agencies.tsv")) {
            if (in == null) {
                throw new IllegalStateException("agencies.tsv missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AgencyDirectory read(InputStream tsv) throws IOException {
        AgencyDirectory directory = new AgencyDirectory();
        BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            for (int i = 1; i < fields.length; i++) {
                directory.canonicalByName.put(fields[i].strip(), fields[0].strip());
            }
        }
        return directory;
    }

    /** The agency a name stands for, matched as written (case matters: "AP" is the agency, "ap" is not). */
    public Optional<String> canonical(String name) {
        return Optional.ofNullable(canonicalByName.get(name.strip()));
    }
}
