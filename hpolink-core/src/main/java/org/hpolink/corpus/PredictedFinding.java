package org.hpolink.corpus;

import java.util.Objects;
import java.util.Optional;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Span;

/**
 * One {@code HP:} row of a prediction file. Spans are absent in normalization-only (subtask 3a) submissions.
 *
 * @param line the 1-based line of the prediction file the row came from (0 when made in memory)
 */
public record PredictedFinding(HpoId id, Optional<Span> span, int line) {

    public PredictedFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(span, "span");
    }
}
