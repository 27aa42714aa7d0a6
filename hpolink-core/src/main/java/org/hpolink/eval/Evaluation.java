package org.hpolink.eval;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of scoring a submission against a gold corpus: the micro-averaged counts of each metric, the same
 * per section (every section of the gold, sorted by name, {@code ""} for observations without a header), the
 * observations where neither side has a key finding, and every alignment decision, in observation order, then
 * gold order, then leftover predictions.
 *
 * @param goldSource where the gold came from
 * @param predictionSource where the predictions came from
 * @param observations number of gold observations scored
 * @param trueNegatives observations with no gold key finding and no prediction (never part of P/R/F1)
 */
public record Evaluation(
        String goldSource,
        String predictionSource,
        int observations,
        int trueNegatives,
        MetricCounts total,
        SortedMap<String, MetricCounts> bySection,
        List<AlignmentRow> rows) {

    public Evaluation {
        Objects.requireNonNull(goldSource, "goldSource");
        Objects.requireNonNull(predictionSource, "predictionSource");
        Objects.requireNonNull(total, "total");
        if (trueNegatives < 0 || trueNegatives > observations) {
            throw new IllegalArgumentException(trueNegatives + " true negatives among " + observations
                    + " observations: expected between 0 and the number of observations");
        }
        bySection = Collections.unmodifiableSortedMap(new TreeMap<>(bySection));
        rows = List.copyOf(rows);
    }

    /** Whether the submission gave spans, so that exact and overlap are scored. */
    public boolean withSpans() {
        return total.withSpans();
    }

    public Counts normalization() {
        return total.normalization();
    }

    /** Exact extraction+normalization; absent for a normalization-only submission. */
    public Optional<Counts> exact() {
        return total.exact();
    }

    /** Overlapping extraction+normalization; absent for a normalization-only submission. */
    public Optional<Counts> overlap() {
        return total.overlap();
    }
}
