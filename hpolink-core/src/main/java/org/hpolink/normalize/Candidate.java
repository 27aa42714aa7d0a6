package org.hpolink.normalize;

import java.util.Objects;
import org.hpolink.ontology.HpoId;

/** An HPO id proposed for a mention, with the normalizer's score (higher is better). */
public record Candidate(HpoId id, double score) {

    public Candidate {
        Objects.requireNonNull(id, "id");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("a candidate's score cannot be NaN");
        }
    }
}
