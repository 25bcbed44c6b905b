package dev.copydesk.cli.api;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.Entity;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a subscriber asked for, applied on the server: {@code lang} (ISO 639-1), {@code country} (ISO 3166 code the
 * story names), {@code entity} (a person, organisation or place it names), {@code agency}, and {@code q} (words that
 * must all occur in the title or body). Case does not count; an empty filter passes everything.
 */
public record ArticleFilter(String language, String country, String entity, String agency, List<String> words) {

    public static ArticleFilter of(Map<String, String> query) {
        String q = query.getOrDefault("q", "").strip().toLowerCase(Locale.ROOT);
        return new ArticleFilter(
                lower(query.get("lang")),
                lower(query.get("country")),
                lower(query.get("entity")),
                lower(query.get("agency")),
                q.isEmpty() ? List.of() : Arrays.asList(q.split("\\s+")));
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    public boolean matches(Article a) {
        if (language != null && !language.equalsIgnoreCase(a.getLanguage())) {
            return false;
        }
        if (agency != null && !agency.equalsIgnoreCase(a.getAgency())) {
            return false;
        }
        if (country != null && a.getCountries().stream().noneMatch(c -> c.equalsIgnoreCase(country))) {
            return false;
        }
        if (entity != null) {
            boolean named = false;
            for (Entity e : a.getEntities()) {
                named |= e.getName().equalsIgnoreCase(entity);
            }
            if (!named) {
                return false;
            }
        }
        if (!words.isEmpty()) {
            String text = (a.getTitle() + "\n" + a.getBody()).toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!text.contains(word)) {
                    return false;
                }
            }
        }
        return true;
    }
}
