package dev.copydesk.enrich;

import dev.copydesk.enrich.EntityRecognizer.Token;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the finders' cue words each word of a story is, looked up once: the workplace, company and club scans
 * each asked several sets of every word, a third of the recogniser's time on wire copy.
 */
final class CueWords {

    private CueWords() {}

    static final int JOB = 1;
    static final int PLURAL_JOB = 1 << 1;
    static final int HOLDING = 1 << 2;
    static final int OWNER = 1 << 3;
    static final int SHARE = 1 << 4;
    static final int OFFICER = 1 << 5;
    static final int KIND_AFTER = 1 << 6;
    static final int CLUB_HEAD = 1 << 7;
    static final int CLUB_PREFIX = 1 << 8;
    static final int SOURCE = 1 << 9;
    static final int GROUP_MEMBERS = 1 << 10;

    private static final Map<String, Integer> FLAGS = new HashMap<>();

    static {
        mark(EntityRecognizer.JOB_FORMS, JOB);
        mark(EntityRecognizer.PLURAL_JOB_FORMS, PLURAL_JOB);
        mark(CompanyCues.HOLDINGS, HOLDING);
        mark(CompanyCues.OWNERS, OWNER);
        mark(CompanyCues.SHARES, SHARE);
        mark(CompanyCues.OFFICER_FIRST_WORDS, OFFICER);
        mark(CompanyCues.KINDS_AFTER, KIND_AFTER);
        mark(SportsClubs.CLUB_HEADS, CLUB_HEAD);
        mark(SportsClubs.PREFIX_FIRST_WORDS, CLUB_PREFIX);
        mark(Attributions.SOURCE_WORDS, SOURCE);
        mark(AdvocacyGroups.MEMBERS, GROUP_MEMBERS);
    }

    /** Each word as written and as it opens a sentence: "data", "Data". */
    static Set<String> writtenAndCapitalised(Collection<String> words) {
        Set<String> forms = new HashSet<>();
        for (String w : words) {
            forms.add(w);
            forms.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return Set.copyOf(forms);
    }

    private static void mark(Set<String> words, int flag) {
        for (String w : words) {
            FLAGS.merge(w, flag, (a, b) -> a | b);
        }
    }

    /** Per token, the cue flags of its word (0 for nearly all). */
    static int[] of(List<Token> tokens) {
        int[] flags = new int[tokens.size()];
        for (int i = 0; i < flags.length; i++) {
            Integer f = FLAGS.get(tokens.get(i).text());
            flags[i] = f == null ? 0 : f;
        }
        return flags;
    }
}
