package org.hpolink.corpus;

import java.util.Objects;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Span;

/** An HPO term found in an observation text at {@code span}, as a key or a normal finding. */
public record Finding(HpoId id, Span span, FindingStatus status) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(status, "status");
    }

    public static Finding key(HpoId id, Span span) {
        return new Finding(id, span, FindingStatus.KEY);
    }

    public static Finding normal(HpoId id, Span span) {
        return new Finding(id, span, FindingStatus.NORMAL);
    }

    /** This finding with another id: the same span and status. */
    public Finding withId(HpoId other) {
        return new Finding(other, span, status);
    }

    public boolean isKey() {
        return status == FindingStatus.KEY;
    }
}
