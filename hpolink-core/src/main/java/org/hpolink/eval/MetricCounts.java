package org.hpolink.eval;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The counts of the three metrics over some alignment rows. Exact and overlap are absent when the submission
 * has no spans (normalization only), and then both are.
 */
public record MetricCounts(Counts normalization, Optional<Counts> exact, Optional<Counts> overlap) {

    public MetricCounts {
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(overlap, "overlap");
        if (exact.isPresent() != overlap.isPresent()) {
            throw new IllegalArgumentException("exact and overlap counts come together: expected both or neither");
        }
    }

    /**
     * Adds up what each row's verdict gives each metric.
     *
     * @param withSpans whether exact and overlap are scored
     */
    public static MetricCounts tally(Collection<AlignmentRow> rows, boolean withSpans) {
        return new MetricCounts(
                sum(rows, Metric.NORMALIZATION),
                withSpans ? Optional.of(sum(rows, Metric.EXACT)) : Optional.empty(),
                withSpans ? Optional.of(sum(rows, Metric.OVERLAP)) : Optional.empty());
    }

    private static Counts sum(Collection<AlignmentRow> rows, Metric metric) {
        Counts total = Counts.ZERO;
        for (AlignmentRow row : rows) {
            Outcome outcome = row.verdict().outcome(metric).orElseThrow(() -> new IllegalArgumentException(
                    "observation " + row.observationId() + ": a " + row.verdict() + " row does not score " + metric.label()));
            total = total.plus(Counts.of(outcome));
        }
        return total;
    }

    public boolean withSpans() {
        return exact.isPresent();
    }

    /** The counts of {@code metric}, absent for exact and overlap without spans. */
    public Optional<Counts> get(Metric metric) {
        return switch (metric) {
            case NORMALIZATION -> Optional.of(normalization);
            case EXACT -> exact;
            case OVERLAP -> overlap;
        };
    }
}
