package org.hpolink.eval;

import java.util.Objects;
import org.hpolink.ontology.HpoId;

/**
 * One error of a document evaluation: an id of the document missed or predicted wrongly (document level), or a
 * mention left unmatched with overlapping spans (mention level), with the text it covers and where.
 *
 * @param where the span in BC8 form, or empty for a document-level error
 */
public record DocumentError(String document, Kind kind, HpoId id, String text, String where) {

    /** What went wrong. */
    public enum Kind {
        /** A gold id of the document that no prediction has. */
        MISSED_ID,
        /** A predicted id the gold set does not give the document. */
        SPURIOUS_ID,
        /** A gold mention no prediction of its id overlaps. */
        MISSED_MENTION,
        /** A predicted mention that overlaps no gold mention of its id. */
        SPURIOUS_MENTION
    }

    public DocumentError {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(where, "where");
    }
}
