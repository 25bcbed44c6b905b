package dev.copydesk.dedup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Exact and near-duplicate detection over a {@link DedupState}. Exact: the folded-body fingerprint. Near: MinHash
 * signatures with LSH banding find candidates; a candidate is verified by estimated Jaccard similarity and by
 * containment (a trimmed or extended version is mostly contained in the other). A near duplicate joins the
 * candidate's story with the next version number. Everything remembered expires after the retention window.
 */
public final class Deduplicator {

    private final DedupSettings settings;
    private final DedupState state;
    private final MinHasher hasher;

    public Deduplicator(DedupSettings settings, DedupState state) {
        this.settings = settings;
        this.state = state;
        this.hasher = new MinHasher(settings.hashes(), 0x636F70796465736BL); // "copydesk": fixed, or restored state would not match
    }

    public DedupSettings settings() {
        return settings;
    }

    public Decision decide(String id, String contentHash, String body, long seenAt) {
        RememberedArticle known = state.article(id);
        if (known != null) {
            return new Decision.Resent(known.storyId(), known.version());
        }
        String owner = state.exactOwner(contentHash);
        if (owner != null) {
            RememberedArticle first = state.article(owner);
            return new Decision.Exact(owner, first == null ? owner : first.storyId());
        }
        long[] shingles = Shingles.of(body, settings.shingleSize());
        int[] signature = hasher.signature(shingles);
        List<String> bandKeys = bandKeys(signature);

        RememberedArticle best = null;
        double bestJaccard = 0;
        double bestContainment = 0;
        for (String candidateId : candidates(bandKeys)) {
            RememberedArticle candidate = state.article(candidateId);
            if (candidate == null) {
                continue;
            }
            double jaccard = MinHasher.jaccard(signature, candidate.signature());
            double containment = MinHasher.containment(jaccard, shingles.length, candidate.shingleCount());
            if (isSameStory(jaccard, containment, Math.min(shingles.length, candidate.shingleCount()))
                    && score(jaccard, containment) > score(bestJaccard, bestContainment)) {
                best = candidate;
                bestJaccard = jaccard;
                bestContainment = containment;
            }
        }

        Decision decision;
        int version;
        String storyId;
        if (best == null) {
            storyId = id;
            version = 1;
            decision = new Decision.NewStory(id);
        } else {
            storyId = best.storyId();
            version = Math.max(state.storyVersion(storyId), best.version()) + 1;
            decision = new Decision.Near(best.id(), storyId, version, bestJaccard, bestContainment);
        }
        remember(new RememberedArticle(id, storyId, version, seenAt, contentHash, shingles.length, signature), bandKeys);
        return decision;
    }

    private boolean isSameStory(double jaccard, double containment, int smallerShingles) {
        return jaccard >= settings.jaccardThreshold()
                || (containment >= settings.containmentThreshold() && smallerShingles >= settings.minShinglesForContainment());
    }

    private static double score(double jaccard, double containment) {
        return jaccard + containment;
    }

    private Set<String> candidates(List<String> bandKeys) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : bandKeys) {
            out.addAll(state.bucket(key));
        }
        return out;
    }

    private void remember(RememberedArticle article, List<String> bandKeys) {
        state.putExactOwner(article.contentHash(), article.id());
        state.putArticle(article);
        state.putStoryVersion(article.storyId(), Math.max(article.version(), state.storyVersion(article.storyId())));
        state.indexTime(article.seenAt(), article.id());
        for (String key : bandKeys) {
            List<String> bucket = state.bucket(key);
            List<String> updated = new ArrayList<>(Math.min(bucket.size() + 1, settings.bucketCapacity()));
            updated.add(article.id());
            for (String other : bucket) {
                if (updated.size() >= settings.bucketCapacity()) {
                    break; // a crowded bucket keeps its most recent members: bounded work per article
                }
                updated.add(other);
            }
            state.putBucket(key, updated);
        }
    }

    /** Forgets everything remembered before {@code now - retention}; returns how many articles expired. */
    public int expire(long now) {
        long cutoff = now - settings.retention().toMillis();
        int expired = 0;
        List<String> batch;
        while (!(batch = state.takeExpired(cutoff, 1000)).isEmpty()) {
            for (String id : batch) {
                RememberedArticle article = state.article(id);
                if (article == null) {
                    continue;
                }
                for (String key : bandKeys(article.signature())) {
                    List<String> bucket = state.bucket(key);
                    if (bucket.contains(id)) {
                        List<String> rest = new ArrayList<>(bucket);
                        rest.remove(id);
                        state.putBucket(key, rest);
                    }
                }
                if (id.equals(state.exactOwner(article.contentHash()))) {
                    state.removeExactOwner(article.contentHash());
                }
                if (article.storyId().equals(id) || state.storyVersion(article.storyId()) <= article.version()) {
                    state.removeStory(article.storyId());
                }
                state.removeArticle(id);
                expired++;
            }
        }
        return expired;
    }

    /** One key per band: band index and a hash of the band's rows. */
    List<String> bandKeys(int[] signature) {
        int rows = settings.rowsPerBand();
        List<String> keys = new ArrayList<>(settings.bands());
        for (int band = 0; band < settings.bands(); band++) {
            long h = band;
            for (int r = 0; r < rows; r++) {
                h = Shingles.mix(h * 31 + signature[band * rows + r]);
            }
            keys.add(band + ":" + Long.toHexString(h));
        }
        return keys;
    }
}
