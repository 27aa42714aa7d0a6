package org.hpolink.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpolink.ontology.HpoId;

/**
 * The distinct ids of a dictionary, sorted, and for each name the position of its id: turns per-name scores into
 * ranked ids, an id scoring as its best name.
 */
final class NameIds {

    private final HpoId[] ids;
    private final int[] idOfName;

    NameIds(NameDictionary dictionary) {
        this.ids = dictionary.names().stream().map(NameDictionary.Name::id).distinct().sorted().toArray(HpoId[]::new);
        Map<HpoId, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            position.put(ids[i], i);
        }
        this.idOfName = dictionary.names().stream().mapToInt(n -> position.get(n.id())).toArray();
    }

    /** Checks the k of a ranking call, before any work is done for it. */
    static void requireCandidates(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k is " + k + ": expected 1 or more candidates");
        }
    }

    /** Checks a text to rank, before any work is done for it: with no letter or digit it has nothing to compare. */
    static void requireRankable(String text) {
        if (!CharNgramIndex.hasLetterOrDigit(text)) {
            throw new IllegalArgumentException("'" + text + "' has no letter or digit to normalize");
        }
    }

    /** The number of distinct ids. */
    int idCount() {
        return ids.length;
    }

    /** The position of a name's id among the distinct ids. */
    int idOf(int name) {
        return idOfName[name];
    }

    /**
     * At most {@code k} ids by their best name's score, best first, ties to the smaller id; ids whose best score is
     * not above {@code floor} are left out.
     */
    List<Candidate> rank(float[] nameScores, int k, float floor) {
        float[] best = new float[ids.length];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        // Math.max rather than an if: whether a name beats its id's best so far is unpredictable, and the branch would
        // double the time of this loop. Scores are never NaN, so the two agree.
        for (int n = 0; n < nameScores.length; n++) {
            int id = idOfName[n];
            best[id] = Math.max(best[id], nameScores[n]);
        }
        int[] top = RankedSelection.top(best, k, floor);
        List<Candidate> ranked = new ArrayList<>(top.length);
        for (int position : top) {
            ranked.add(new Candidate(ids[position], best[position]));
        }
        return List.copyOf(ranked);
    }
}
