package dev.copydesk.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static int id(Vocabulary v, String word) {
        char[] chars = word.toCharArray();
        return v.id(chars, chars.length, word.hashCode());
    }

    @Test
    void theTokenizersHashIsTheWordsOwn() {
        List<String> seen = new ArrayList<>();
        WatchTokenizer.split(
                "Kim Jong-un visited ＳＥＯＵＬ, 東京 and Ünïcödé 𠀋 town; Korea's 2024 กรุงเทพ",
                (chars, length, hash, start, end) -> {
                    String word = new String(chars, 0, length);
                    assertThat(hash).as(word).isEqualTo(word.hashCode());
                    seen.add(word);
                });
        assertThat(seen).contains("kim", "jong", "un", "seoul", "東", "京", "ünïcödé", "𠀋", "korea", "s", "2024", "ก");
    }

    @Test
    void everyWordIsFoundByItsCharactersAndNoOtherIs() {
        Random random = new Random(7);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            words.add(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        }
        words.add("서울");
        words.add("東京");
        Vocabulary v = new Vocabulary(words);
        Set<Integer> ids = new HashSet<>();
        for (String w : words) {
            assertThat(id(v, w)).as(w).isGreaterThanOrEqualTo(0);
            assertThat(v.id(w)).isEqualTo(id(v, w));
            ids.add(id(v, w));
        }
        assertThat(ids).hasSize(v.size()).hasSize(new HashSet<>(words).size()); // one number per word, no two alike
        int found = 0;
        for (int i = 0; i < 30_000; i++) {
            String other = "x" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            if (id(v, other) >= 0) {
                found++;
            }
        }
        assertThat(found).isZero();
        assertThat(id(Vocabulary.EMPTY, "seoul")).isEqualTo(-1);
    }
}
