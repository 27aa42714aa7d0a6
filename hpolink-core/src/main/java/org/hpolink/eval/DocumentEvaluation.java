package org.hpolink.eval;

import java.util.List;
import java.util.Objects;

/**
 * Document annotations scored against a gold set ({@code spec/notes-scoring.md}): the headline document-level counts
 * (distinct ids a document), the mention-level counts with overlapping and with exact spans, and every error.
 *
 * @param documents the documents scored
 */
public record DocumentEvaluation(int documents, Counts documentLevel, Counts mentionOverlap, Counts mentionExact, List<DocumentError> errors) {

    public DocumentEvaluation {
        Objects.requireNonNull(documentLevel, "documentLevel");
        Objects.requireNonNull(mentionOverlap, "mentionOverlap");
        Objects.requireNonNull(mentionExact, "mentionExact");
        errors = List.copyOf(errors);
    }
}
