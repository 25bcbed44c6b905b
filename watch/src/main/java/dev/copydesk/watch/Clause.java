package dev.copydesk.watch;

import dev.copydesk.watch.WatchQuery.Field;
import java.util.List;
import java.util.Set;

/**
 * A watch query compiled for matching: words analysed as a story's are, keywords normalised. {@link #matches} only
 * answers yes or no, cheaply; {@link #collect} then gathers what a matching clause found, for the alert.
 */
sealed interface Clause {

    boolean matches(AnalysedStory story);

    /** Adds where this clause matched the story; call it only on a clause that {@link #matches} the story. */
    void collect(AnalysedStory story, Hits hits);

    /** A word, or a phrase (words in sequence), in a field of words. */
    record Words(Field field, String[] words) implements Clause {
        /** Title words are value 0 of the text field; every other field is searched in all its values. */
        private int value() {
            return field == Field.TITLE ? AnalysedStory.TITLE_VALUE : -1;
        }

        @Override
        public boolean matches(AnalysedStory story) {
            return story.words(field).contains(words, value());
        }

        @Override
        public void collect(AnalysedStory story, Hits hits) {
            AnalysedField f = story.words(field);
            for (int p : f.occurrences(words, value())) {
                switch (field) {
                    case TEXT, TITLE -> hits.text(f.start(p), f.end(p + words.length - 1));
                    case ENTITY -> hits.entity(f.value(p));
                    default -> {} // a source is no news to the desk: it is not a hit to show
                }
            }
        }
    }

    /** An exact value of a keyword field: country, language, agency, entity type. */
    record Keyword(Field field, String value) implements Clause {
        @Override
        public boolean matches(AnalysedStory story) {
            return story.keywords.getOrDefault(field, Set.of()).contains(value);
        }

        @Override
        public void collect(AnalysedStory story, Hits hits) {}
    }

    /** Every one of {@code all} and none of {@code none}; with no {@code all}, any story without the {@code none}. */
    record All(List<Clause> all, List<Clause> none) implements Clause {
        @Override
        public boolean matches(AnalysedStory story) {
            for (Clause c : all) {
                if (!c.matches(story)) {
                    return false;
                }
            }
            for (Clause c : none) {
                if (c.matches(story)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void collect(AnalysedStory story, Hits hits) {
            all.forEach(c -> c.collect(story, hits));
        }
    }

    /** At least one of {@code any}; every one that matches contributes its hits. */
    record Any(List<Clause> any) implements Clause {
        @Override
        public boolean matches(AnalysedStory story) {
            for (Clause c : any) {
                if (c.matches(story)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void collect(AnalysedStory story, Hits hits) {
            for (Clause c : any) {
                if (c.matches(story)) {
                    c.collect(story, hits);
                }
            }
        }
    }

    /** What a matching query found: character ranges in title + body, and the entities (by index) it named. */
    interface Hits {
        void text(int start, int end);

        void entity(int index);
    }
}
