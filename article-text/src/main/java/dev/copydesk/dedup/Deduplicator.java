package dev.copydesk.dedup;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Exact and near-duplicate detection. Exact: the folded-body fingerprint. Near: a MinHash {@link Sketch} of the
 * body's word shingles; LSH banding over the signature finds candidates in the {@link BandIndex}; a candidate is
 * verified by estimated Jaccard similarity and by containment (a trimmed or extended version is mostly contained
 * in the other). A near duplicate joins the candidate's story with the next version number. What is remembered
 * lives in a {@link DedupState} (persistent in the topology) and expires after the retention window.
 * One instance per stream task; not thread-safe.
 */
public final class Deduplicator {

    private final DedupSettings settings;
    private final DedupState state;
    private final BandIndex index = new BandIndex();
    /** Remembered articles by time, for expiry; like the band index, rebuilt from the state at start. */
    private final PriorityQueue<Remembered> byTime = new PriorityQueue<>();

    private record Remembered(long seenAt, String id) implements Comparable<Remembered> {
        @Override
        public int compareTo(Remembered other) {
            int c = Long.compare(seenAt, other.seenAt);
            return c != 0 ? c : id.compareTo(other.id);
        }
    }

    public Deduplicator(DedupSettings settings, DedupState state) {
        this.settings = settings;
        this.state = state;
        state.forEachArticle(a -> {
            index.add(a.id(), indexKeys(a.signature(), a.contentHash()));
            byTime.add(new Remembered(a.seenAt(), a.id()));
        });
    }

    public DedupSettings settings() {
        return settings;
    }

    /** Articles currently remembered (in the band index). */
    public int remembered() {
        return index.articles();
    }

    public Decision decide(String id, String contentHash, String body, long seenAt) {
        if (index.contains(id)) {
            RememberedArticle known = state.article(id);
            if (known != null) {
                return new Decision.Resent(known.storyId(), known.version());
            }
        }
        // the in-memory index knows every remembered content hash: only a possible match costs a store read
        String owner = index.mayContain(exactKey(contentHash)) ? state.exactOwner(contentHash) : null;
        if (owner != null) {
            RememberedArticle first = state.article(owner);
            return new Decision.Exact(owner, first == null ? owner : first.storyId());
        }
        Sketch sketch = Sketch.of(body, settings.shingleSize(), settings.hashes());
        long[] bandKeys = bandKeys(sketch.signature());
        long[] indexKeys = Arrays.copyOf(bandKeys, bandKeys.length + 1);
        indexKeys[bandKeys.length] = exactKey(contentHash);

        RememberedArticle best = null;
        double bestJaccard = 0;
        double bestContainment = 0;
        for (String candidateId : index.candidates(bandKeys, settings.bucketCapacity())) {
            RememberedArticle candidate = state.article(candidateId);
            if (candidate == null) {
                continue;
            }
            double jaccard = Sketch.jaccard(sketch.signature(), candidate.signature());
            double containment = Sketch.containment(jaccard, sketch.shingleCount(), candidate.shingleCount());
            if (isSameStory(jaccard, containment, Math.min(sketch.shingleCount(), candidate.shingleCount()))
                    && jaccard + containment > bestJaccard + bestContainment) {
                best = candidate;
                bestJaccard = jaccard;
                bestContainment = containment;
            }
        }

        String storyId;
        int version;
        Decision decision;
        if (best == null) {
            storyId = id;
            version = 1;
            decision = new Decision.NewStory(id);
        } else {
            storyId = best.storyId();
            version = Math.max(state.storyVersion(storyId), best.version()) + 1;
            decision = new Decision.Near(best.id(), storyId, version, bestJaccard, bestContainment);
        }
        state.remember(new RememberedArticle(
                id, storyId, version, seenAt, contentHash, sketch.shingleCount(), sketch.signature()));
        index.add(id, indexKeys);
        byTime.add(new Remembered(seenAt, id));
        return decision;
    }

    private boolean isSameStory(double jaccard, double containment, int smallerShingles) {
        return jaccard >= settings.jaccardThreshold()
                || (containment >= settings.containmentThreshold()
                        && smallerShingles >= settings.minShinglesForContainment());
    }

    /** Forgets everything remembered before {@code now - retention}; returns how many articles expired. */
    public int expire(long now) {
        long cutoff = now - settings.retention().toMillis();
        int expired = 0;
        while (!byTime.isEmpty() && byTime.peek().seenAt() < cutoff) {
            String id = byTime.poll().id();
            RememberedArticle article = state.article(id);
            if (article == null) {
                continue;
            }
            index.remove(id, indexKeys(article.signature(), article.contentHash()));
            state.forget(
                    article,
                    id.equals(state.exactOwner(article.contentHash())),
                    state.storyVersion(article.storyId()) <= article.version()); // its latest version is leaving
            expired++;
        }
        return expired;
    }

    private long[] indexKeys(int[] signature, String contentHash) {
        long[] bands = bandKeys(signature);
        long[] keys = Arrays.copyOf(bands, bands.length + 1);
        keys[bands.length] = exactKey(contentHash);
        return keys;
    }

    /** The content hash's index key: a marker above any band number in the high bits, 32 hash bits below. */
    static long exactKey(String contentHash) {
        return (0x7FFF_FFFFL << 32) | (Shingles.mix(contentHash.hashCode()) & 0xFFFFFFFFL);
    }

    /** One key per band: the band number in the high bits, a hash of the band's rows in the low bits. */
    long[] bandKeys(int[] signature) {
        int rows = settings.rowsPerBand();
        long[] keys = new long[settings.bands()];
        for (int band = 0; band < keys.length; band++) {
            int h = 0x9E3779B9 * (band + 1);
            for (int r = 0; r < rows; r++) {
                h = (h ^ signature[band * rows + r]) * 0x01000193;
            }
            long key = ((long) band << 32) | (h & 0xFFFFFFFFL);
            keys[band] = key == 0 || key == -1 ? 2 : key; // 0 and -1 mark empty and deleted slots
        }
        return keys;
    }
}
