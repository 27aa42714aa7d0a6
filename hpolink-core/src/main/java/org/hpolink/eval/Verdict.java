package org.hpolink.eval;

import static org.hpolink.eval.Outcome.FALSE_NEGATIVE;
import static org.hpolink.eval.Outcome.FALSE_POSITIVE;
import static org.hpolink.eval.Outcome.TRUE_POSITIVE;

import java.util.Optional;

/**
 * How the scorer settled one gold finding or one prediction, and so what it adds to each metric. Absent outcomes
 * mean the metric is not scored for that verdict.
 */
public enum Verdict {
    /** Right id, identical spans. */
    EXACT(TRUE_POSITIVE, TRUE_POSITIVE, TRUE_POSITIVE),
    /** Right id, spans overlapping (inclusive bounds) but not identical. */
    OVERLAP(TRUE_POSITIVE, FALSE_NEGATIVE, TRUE_POSITIVE),
    /** Right id, spans not overlapping. */
    ID_ONLY(TRUE_POSITIVE, FALSE_NEGATIVE, FALSE_NEGATIVE),
    /** Right id in a normalization-only submission, which has no spans to compare. */
    NORMALIZED(TRUE_POSITIVE, null, null),
    /** A gold finding no prediction was left for. */
    MISSED(FALSE_NEGATIVE, FALSE_NEGATIVE, FALSE_NEGATIVE),
    /** A prediction no gold finding took. */
    SPURIOUS(FALSE_POSITIVE, FALSE_POSITIVE, FALSE_POSITIVE);

    private final Outcome normalization;
    private final Outcome exact;
    private final Outcome overlap;

    Verdict(Outcome normalization, Outcome exact, Outcome overlap) {
        this.normalization = normalization;
        this.exact = exact;
        this.overlap = overlap;
    }

    public Optional<Outcome> outcome(Metric metric) {
        return Optional.ofNullable(switch (metric) {
            case NORMALIZATION -> normalization;
            case EXACT -> exact;
            case OVERLAP -> overlap;
        });
    }

    /** Whether rows with this verdict carry a gold finding. */
    public boolean hasGold() {
        return normalization != FALSE_POSITIVE;
    }

    /** Whether rows with this verdict carry a prediction. */
    public boolean hasPrediction() {
        return normalization != FALSE_NEGATIVE;
    }
}
