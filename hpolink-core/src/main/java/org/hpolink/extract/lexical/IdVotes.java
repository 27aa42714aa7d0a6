package org.hpolink.extract.lexical;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpolink.ontology.HpoId;

/**
 * The HPO ids a dictionary key names, each with its weight (names in HPO and mentions in the training data add
 * to it). The best id is the heaviest; ties go to the smaller id so that results never depend on map order.
 */
record IdVotes(SortedMap<HpoId, Integer> weights) {

    IdVotes {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("an entry needs at least one id");
        }
        weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
    }

    HpoId best() {
        HpoId best = null;
        int bestWeight = Integer.MIN_VALUE;
        for (Map.Entry<HpoId, Integer> e : weights.entrySet()) {
            if (e.getValue() > bestWeight) {
                best = e.getKey();
                bestWeight = e.getValue();
            }
        }
        return best;
    }

    /** The best id's share of all the weight, in (0, 1]. */
    double confidence() {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        return (double) weights.get(best()) / total;
    }

    boolean names(HpoId id) {
        return weights.containsKey(id);
    }
}
