package dev.copydesk.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    static final String STORY = """
            LONDON, Dec 1 (Reuters) - The Bank of England kept interest rates at a 15-year high of 5.25% on Thursday and said borrowing costs would need to stay high for an extended period.

            Governor Andrew Bailey said it was much too early to be thinking about lowering rates, even though consumer price inflation fell to 4.6% in October from 6.7% in September.

            Six members of the Monetary Policy Committee voted to hold rates, while three voted for a further quarter-point increase, the same split as at the previous meeting.

            Sterling rose 0.3% against the dollar after the decision, and two-year gilt yields climbed by eight basis points.""";
    static final String OTHER = """
            PARIS, Dec 5 (AFP) - Rail workers across France walked off the job on Tuesday in the latest protest against pension reform, cancelling about half of high-speed trains.

            The national rail operator SNCF said three out of five regional trains were cancelled and advised passengers to postpone their journeys where possible.""";

    private final InMemoryDedupState state = new InMemoryDedupState();
    private final Deduplicator dedup = new Deduplicator(DedupSettings.defaults(), state);

    private Decision decide(String id, String body, long at) {
        return dedup.decide(id, BodyFingerprint.of(body), body, at);
    }

    @Test
    void firstCopyIsANewStoryAndAnIdenticalBodyIsAnExactDuplicate() {
        assertThat(decide("a", STORY, 1)).isEqualTo(new Decision.NewStory("a"));
        assertThat(decide("b", STORY.replace("  ", " ").toUpperCase(), 2)).isEqualTo(new Decision.Exact("a", "a"));
        assertThat(decide("c", OTHER, 3)).isEqualTo(new Decision.NewStory("c"));
    }

    @Test
    void versionsJoinTheStoryWithIncreasingVersionNumbers() {
        decide("a", STORY, 1);
        String update = STORY + "\n\nFinance minister Jeremy Hunt welcomed the fall in inflation.";
        Decision second = decide("b", update, 2);
        assertThat(second).isInstanceOfSatisfying(Decision.Near.class, n -> {
            assertThat(n.storyId()).isEqualTo("a");
            assertThat(n.version()).isEqualTo(2);
            assertThat(n.jaccard()).isGreaterThan(0.7);
        });
        String trimmed = STORY.substring(0, STORY.lastIndexOf("\n\n"));
        assertThat(decide("c", trimmed, 3)).isInstanceOfSatisfying(Decision.Near.class, n -> {
            assertThat(n.storyId()).isEqualTo("a");
            assertThat(n.version()).isEqualTo(3);
            assertThat(n.containment()).isGreaterThan(0.9);
        });
    }

    @Test
    void theSameIdAgainIsResentNotADuplicate() {
        decide("a", STORY, 1);
        decide("b", STORY + "\n\nOne more paragraph about the pound and the gilt market today.", 2);
        assertThat(decide("b", STORY, 3)).isEqualTo(new Decision.Resent("a", 2));
    }

    @Test
    void everythingExpiresAfterTheRetentionWindowSoStateStaysBounded() {
        DedupSettings settings = DedupSettings.defaults();
        long day = Duration.ofDays(1).toMillis();
        decide("a", STORY, 0);
        decide("c", OTHER, 5 * day);
        assertThat(state.size()).isEqualTo(2);
        assertThat(dedup.remembered()).isEqualTo(2);
        assertThat(dedup.expire(settings.retention().toMillis() + day)).isEqualTo(1);
        assertThat(state.size()).isEqualTo(1);
        assertThat(dedup.remembered()).isEqualTo(1);
        assertThat(state.exactOwner(BodyFingerprint.of(STORY))).isNull();
        // forgotten: the same body again is a new story now
        assertThat(decide("d", STORY, 8 * day)).isEqualTo(new Decision.NewStory("d"));
        assertThat(dedup.expire(30 * day)).isEqualTo(2);
        assertThat(state.size()).isZero();
        assertThat(dedup.remembered()).isZero();
        assertThat(state.exactCount()).isZero();
    }

    @Test
    void sketchesEstimateJaccardCloselyAndIgnoreCaseAndPunctuation() {
        Random random = new Random(3);
        double worst = 0;
        for (int trial = 0; trial < 20; trial++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 600; w++) {
                String word = "w" + random.nextInt(5000);
                a.append(word).append(' ');
                b.append(random.nextDouble() < 0.1 * (trial % 5) ? "x" + random.nextInt(5000) : word)
                        .append(' ');
            }
            double exact = exactJaccard(Shingles.of(a.toString(), 4), Shingles.of(b.toString(), 4));
            double estimate = Sketch.jaccard(
                    Sketch.of(a.toString(), 4, 128).signature(),
                    Sketch.of(b.toString(), 4, 128).signature());
            worst = Math.max(worst, Math.abs(estimate - exact));
        }
        // 128 values: standard error at most sqrt(0.25/128) = 0.044; 20 trials stay within 3 of them
        assertThat(worst).isLessThan(0.13);
        Sketch one = Sketch.of("A b, c d. E", 4, 128);
        assertThat(one.signature()).isEqualTo(Sketch.of("a B c D e", 4, 128).signature());
        assertThat(one.shingleCount()).isEqualTo(2);
        assertThat(Sketch.of("One two three", 4, 128).shingleCount()).isEqualTo(1);
        assertThat(Sketch.of("", 4, 128).shingleCount()).isZero();
        assertThat(Shingles.of("A b, c d. E", 4))
                .isEqualTo(Shingles.of("a B c D e", 4))
                .hasSize(2);
    }

    @Test
    void unspacedScriptsShingleByCharacterAndMixedStoriesByBoth() {
        // four characters a shingle in Chinese; words where spaced; a mixed story is one sequence of both
        assertThat(Shingles.of("朝鲜发射导弹", 4)).hasSize(3);
        assertThat(Shingles.of("朝鲜 发射，导弹", 4)).isEqualTo(Shingles.of("朝鲜发射导弹", 4));
        assertThat(Shingles.of("ＡＢＣ １２３ def ghi", 4)).isEqualTo(Shingles.of("abc 123 def ghi", 4));
        String story = "美国总统Joe Biden周二在White House表示，美国将与Japan和South Korea加强合作。"
                + "日本首相岸田文雄和韩国总统尹锡悦将于下月访问华盛顿，讨论朝鲜导弹问题和供应链安全。"
                + "白宫发言人Karine Jean-Pierre说，三国领导人将发表联合声明。";
        String edited = story.replace("周二", "周三").replace("Karine Jean-Pierre", "John Kirby");
        double similarity = exactJaccard(Shingles.of(story, 4), Shingles.of(edited, 4));
        assertThat(similarity).isGreaterThan(0.7);
        // as whitespace-separated words the Chinese clauses were single "words": one change lost a whole clause
        Deduplicator dedup = new Deduplicator(DedupSettings.defaults(), new InMemoryDedupState());
        dedup.decide("a", BodyFingerprint.of(story), story, 1);
        assertThat(dedup.decide("b", BodyFingerprint.of(edited), edited, 2)).isInstanceOf(Decision.Near.class);
        String spaced = story.replace("，", "， ").replace("Joe Biden周二", "Joe Biden 周二");
        assertThat(dedup.decide("c", BodyFingerprint.of(spaced), spaced, 3)).isInstanceOf(Decision.Exact.class);
    }

    private static double exactJaccard(long[] a, long[] b) {
        Set<Long> sa = new HashSet<>();
        for (long x : a) {
            sa.add(x);
        }
        long common = Arrays.stream(b).filter(sa::contains).count();
        return (double) common / (a.length + b.length - common);
    }

    @Test
    void theBandIndexIsRebuiltFromTheStateWhenATaskStarts() {
        decide("a", STORY, 1);
        Deduplicator restarted = new Deduplicator(DedupSettings.defaults(), state);
        assertThat(restarted.remembered()).isEqualTo(1);
        String update = STORY + "\n\nFinance minister Jeremy Hunt welcomed the fall in inflation.";
        assertThat(restarted.decide("b", BodyFingerprint.of(update), update, 2)).isInstanceOf(Decision.Near.class);
    }

    @Test
    void clusterScoreCountsPairs() {
        ClusterScore s = ClusterScore.of(List.of("x", "x", "x", "y"), List.of("p", "p", "q", "p"));
        assertThat(s.truePairs()).isEqualTo(3);
        assertThat(s.predictedPairs()).isEqualTo(3);
        assertThat(s.truePositivePairs()).isEqualTo(1);
    }
}
