package org.hpolink.ontology;

import java.util.Objects;

/** Another name of a term, with the scope that says how close it is to the label. */
public record Synonym(String text, SynonymScope scope) {

    public Synonym {
        Objects.requireNonNull(scope, "scope");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a synonym needs a non-blank text, got '" + text + "'");
        }
    }
}
