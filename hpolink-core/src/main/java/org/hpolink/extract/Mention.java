package org.hpolink.extract;

import java.util.Objects;
import java.util.Optional;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Span;

/**
 * A span proposed by an extractor: where the mention is, the HPO id the extractor proposes for it when it knows
 * one, whether it states a key (abnormal) or a normal finding, a score in [0, 1] and the extractor's name.
 */
public record Mention(Span span, Optional<HpoId> id, FindingStatus status, double score, String source) {

    public Mention {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("mention score " + score + " is outside [0, 1]");
        }
    }
}
