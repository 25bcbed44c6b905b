package dev.copydesk.clean.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wire credit line closing a story: {@code (Reporting by Andy Bruce; Editing by William Schomberg)}, {@code
 * (Reporting by Jane Doe in Paris; Additional reporting by John Roe; Writing by A. Smith; Editing by Kim Lee and
 * Jo Park)}, {@code --With assistance from Ana Lopez}. Reuters and Bloomberg credit their copy this way instead of a
 * byline above it. {@code writers} are those who reported and wrote it (the story's authors), {@code credited} every
 * name the line gives, editors too.
 */
public record WireCredit(List<String> writers, List<String> credited) {

    /** One role and its names: "Additional reporting by John Roe and Ana Lopez in Madrid". */
    private static final Pattern PART =
            Pattern.compile("^(?i:((?:additional |further )?(?:reporting|writing|written)|editing|edited|compiled|"
                    + "graphics?|production|fact-checking|research)\\s+by|with assistance from)\\s+(.+)$");

    /** Where the names stop: the city they reported from ("Andy Bruce in London"). */
    private static final Pattern IN_PLACE = Pattern.compile("\\s+(?:in|from)\\s+\\p{Lu}.*$");

    private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*(?:,|\\band\\b|&)\\s*");

    /** The credit a line gives, if the whole line is one. */
    public static Optional<WireCredit> parse(String line) {
        String s = line.strip();
        if (s.startsWith("--")) {
            s = s.substring(2).strip();
        }
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 300) {
            return Optional.empty();
        }
        List<String> writers = new ArrayList<>();
        List<String> credited = new ArrayList<>();
        for (String part : s.split(";")) {
            Matcher m = PART.matcher(part.strip());
            if (!m.matches()) {
                return Optional.empty(); // a sentence that happens to say "reported by": not a credit line
            }
            String role = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
            boolean writes = role.contains("reporting") || role.contains("writ");
            for (String name :
                    NAME_SEPARATORS.split(IN_PLACE.matcher(m.group(2).strip()).replaceFirst(""))) {
                if (!name.isBlank()) {
                    credited.add(name.strip());
                    if (writes) {
                        writers.add(name.strip());
                    }
                }
            }
        }
        return credited.isEmpty() ? Optional.empty() : Optional.of(new WireCredit(writers, credited));
    }
}
