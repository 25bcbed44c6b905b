package dev.copydesk.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchMatcherTest {

    private final WatchMatcher matcher = new WatchMatcher();

    private static final ArticleDocument.Fields YONHAP = new ArticleDocument.Fields(
            "N. Korea fires ballistic missile into East Sea",
            "SEOUL, Nov. 13 (Yonhap) -- North Korea fired a short-range ballistic missile toward the East Sea on"
                    + " Monday, South Korea's military said, days after leader Kim Jong-un called for more launches."
                    + " The Joint Chiefs of Staff said it was analysing the launch with the United States.",
            "en",
            "Yonhap",
            "feeds/yna.co.kr/20261113-0042.txt",
            List.of("KP", "KR", "US"),
            List.of("Kim Jong-un", "Joint Chiefs of Staff", "Seoul"),
            List.of("PERSON", "ORGANIZATION", "PLACE"));

    private static final ArticleDocument.Fields XINHUA_ZH = new ArticleDocument.Fields(
            "朝鲜发射弹道导弹",
            "新华社首尔11月13日电 韩国军方说，朝鲜13日向东部海域发射一枚短程弹道导弹。",
            "zh",
            "Xinhua",
            "feeds/xinhua/1.txt",
            List.of("KP", "KR"),
            List.of(),
            List.of());

    @AfterEach
    void close() {
        matcher.close();
    }

    private List<String> matching(ArticleDocument.Fields article) {
        return matcher.match(article).stream()
                .map(WatchMatch::watchlist)
                .sorted()
                .toList();
    }

    @Test
    void fieldsTermsPhrasesAndBooleansMatchAsWritten() {
        Map<String, String> lists = new HashMap<>();
        lists.put("kim", "entity:\"Kim Jong-un\"");
        lists.put("kim-surname-only", "entity:Jong-un"); // words of an entity name match too
        lists.put("korea-not-english", "country:KP NOT lang:en");
        lists.put("launches", "missile OR rocket");
        lists.put("phrase", "\"ballistic missile\"");
        lists.put("phrase-out-of-order", "\"missile ballistic\"");
        lists.put("yonhap", "agency:yonhap type:person");
        lists.put("title-only", "title:\"Joint Chiefs\"");
        lists.put("source", "source:yna.co.kr");
        lists.put("germany", "country:DE OR entity:Merkel");
        lists.put("not-german", "NOT country:DE");
        lists.put("zh-phrase", "朝鲜 AND 导弹");
        matcher.putAll(lists);

        assertThat(matching(YONHAP))
                .containsExactly("kim", "kim-surname-only", "launches", "not-german", "phrase", "source", "yonhap");
        assertThat(matching(XINHUA_ZH)).containsExactly("korea-not-english", "not-german", "zh-phrase");
    }

    @Test
    void aMatchSaysWhichTermsAndEntitiesMatchedWithASnippet() {
        matcher.put("launches", "(missile OR launches) AND entity:\"Kim Jong-un\"");
        WatchMatch m = matcher.match(YONHAP).get(0);
        assertThat(m.terms()).containsExactly("missile", "launches");
        assertThat(m.entities()).containsExactly("Kim Jong-un");
        assertThat(m.snippet())
                .contains("short-range ballistic «missile» toward the East Sea")
                .startsWith("SEOUL");
        assertThat(m.score()).isPositive();
    }

    @Test
    void aMatchOfSeveralPartsOfAnOrHasTheHitsOfEach() {
        // every part of an OR that matches contributes its hits, not only the first
        matcher.put("either", "\"ballistic missile\" OR entity:\"Kim Jong-un\" OR Merkel");
        WatchMatch m = matcher.match(YONHAP).get(0);
        assertThat(m.terms()).contains("ballistic missile");
        assertThat(m.entities()).containsExactly("Kim Jong-un");
        assertThat(m.snippet()).contains("«ballistic missile»");
    }

    @Test
    void watchlistsChangeAndGoAway() {
        matcher.put("w", "Merkel");
        assertThat(matching(YONHAP)).isEmpty();
        matcher.put("w", "\"East Sea\"");
        assertThat(matching(YONHAP)).containsExactly("w");
        matcher.remove("w");
        assertThat(matching(YONHAP)).isEmpty();
        assertThat(matcher.size()).isZero();
    }

    @Test
    void aBadQueryIsRefusedAndTheOldVersionStays() {
        matcher.put("w", "missile");
        assertThatThrownBy(() -> matcher.put("w", "missile AND")).isInstanceOf(QuerySyntaxException.class);
        assertThatThrownBy(() -> matcher.put("w", "\"...\"")).hasMessageContaining("has no words to match");
        assertThat(matching(YONHAP)).containsExactly("w");
        assertThatThrownBy(() -> matcher.put("two\nlines", "missile")).hasMessageContaining("watchlist name");
        assertThat(matcher.size()).isEqualTo(1);
    }

    @Test
    void thousandsOfWatchlistsFindTheFewThatMatch() {
        Map<String, String> lists = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            lists.put("w" + i, "entity:\"Person " + i + "\" OR \"company" + i + " shares\"");
        }
        lists.put("kim", "entity:\"Kim Jong-un\" country:KP");
        matcher.putAll(lists);
        assertThat(matcher.size()).isEqualTo(5001);
        assertThat(matching(YONHAP)).containsExactly("kim");
    }

    @Test
    void aPhraseNeverSpansTwoValues() {
        // "East Sea" ends the title and "SEOUL" starts the body; "Kim Jong-un" and "Joint Chiefs" are two entities
        matcher.put("across-title-and-body", "\"east sea seoul\"");
        matcher.put("across-entities", "entity:\"jong-un joint\"");
        matcher.put("within-title", "title:\"east sea\"");
        assertThat(matching(YONHAP)).containsExactly("within-title");
    }

    @Test
    void queriesFiledUnderOneWordStillNeedAllOfThem() {
        // each query is indexed under one of its words only; the rest must still be checked
        matcher.put("and", "\"short-range ballistic\" AND Merkel");
        matcher.put("and-lang", "lang:en AND \"joint chiefs of staff\"");
        matcher.put("and-not", "missile NOT \"East Sea\"");
        matcher.put("only-not", "NOT lang:en");
        matcher.put("or-of-not", "Merkel OR NOT agency:Reuters");
        assertThat(matching(YONHAP)).containsExactly("and-lang", "or-of-not");
        assertThat(matching(XINHUA_ZH)).containsExactly("only-not", "or-of-not");
    }

    @Test
    void wordsAreSplitTheSameWayInEveryScript() {
        ArticleDocument.Fields thai = new ArticleDocument.Fields(
                "เกาหลีเหนือยิงขีปนาวุธ",
                "กองทัพเกาหลีใต้ระบุว่าเกาหลีเหนือยิงขีปนาวุธพิสัยใกล้ลงทะเลตะวันออก Korea's ＵＮ envoy",
                "th",
                "",
                "feeds/th/1.txt",
                List.of("KP"),
                List.of(),
                List.of());
        matcher.put("thai-inside-a-clause", "ขีปนาวุธ"); // "missile", inside a run of Thai with no spaces
        matcher.put("possessive", "korea");
        matcher.put("full-width", "un");
        matcher.put("thai-not-there", "ญี่ปุ่น");
        assertThat(matching(thai)).containsExactly("full-width", "possessive", "thai-inside-a-clause");
        WatchMatch m = matcher.match(thai).stream()
                .filter(x -> x.watchlist().equals("thai-inside-a-clause"))
                .findFirst()
                .orElseThrow();
        assertThat(m.terms()).containsExactly("ขีปนาวุธ");
    }
}
