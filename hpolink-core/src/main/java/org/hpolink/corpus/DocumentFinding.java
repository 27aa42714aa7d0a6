package org.hpolink.corpus;

import java.util.Objects;
import org.hpolink.assertion.Assertion;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Span;

/**
 * A finding of a document: the HPO term (a primary id and its label), where the text names it (offsets into the
 * document's text), what the text asserts of it, the score in [0, 1] of the mention it came from and the extractor
 * that proposed it.
 */
public record DocumentFinding(HpoId id, String label, Span span, Assertion assertion, double score, String source) {

    public DocumentFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(source, "source");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("finding score " + score + " is outside [0, 1]");
        }
    }

    /** The text the span covers in {@code text}, its segments joined by one space. */
    public String coveredText(String text) {
        return span.coveredText(text);
    }
}
