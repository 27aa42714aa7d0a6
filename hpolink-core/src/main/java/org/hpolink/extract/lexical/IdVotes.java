package org.hpolink.extract.lexical;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpolink.ontology.HpoId;

/**
 * The HPO ids a dictionary key names, each with its weight (names in HPO and mentions in the training data add
 * to it). The best id is the heaviest; ties go to the smaller id so that results never depend on map order.
 * Immutable; equal by weights. The best id and its share are worked out once: the extractor asks them of every match.
 */
final class IdVotes {

    private final SortedMap<HpoId, Integer> weights;
    private final HpoId best;
    private final double confidence;

    IdVotes(SortedMap<HpoId, Integer> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("an entry needs at least one id");
        }
        this.weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
        HpoId heaviest = null;
        int bestWeight = Integer.MIN_VALUE;
        int total = 0;
        for (Map.Entry<HpoId, Integer> e : this.weights.entrySet()) {
            total += e.getValue();
            if (e.getValue() > bestWeight) {
                heaviest = e.getKey();
                bestWeight = e.getValue();
            }
        }
        this.best = heaviest;
        this.confidence = (double) bestWeight / total;
    }

    SortedMap<HpoId, Integer> weights() {
        return weights;
    }

    HpoId best() {
        return best;
    }

    /** The best id's share of all the weight, in (0, 1]. */
    double confidence() {
        return confidence;
    }

    boolean names(HpoId id) {
        return weights.containsKey(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdVotes other && weights.equals(other.weights);
    }

    @Override
    public int hashCode() {
        return weights.hashCode();
    }

    @Override
    public String toString() {
        return "IdVotes" + weights;
    }
}
