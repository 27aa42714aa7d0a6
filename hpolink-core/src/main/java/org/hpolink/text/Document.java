package org.hpolink.text;

import java.util.Objects;

/**
 * A document to annotate: a clinical note, a letter, an abstract or one BC8 observation. Its text is as read, less a
 * byte order mark and the CR of each CR LF line end; every offset hpolink gives is into this text, in UTF-16 code
 * units (Java's {@code char}s).
 */
public record Document(String id, String text) {

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        String problem = idProblem(id);
        if (problem != null) {
            throw new IllegalArgumentException("document id '" + id + "' " + problem);
        }
    }

    /**
     * Why {@code id} cannot name a document, or null when it can: it must not be blank, and must hold no control
     * character (it is one field of a TSV row, one line of a report).
     */
    public static String idProblem(String id) {
        if (id.isBlank()) {
            return "is blank: expected a document id";
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                return "holds a control character (tab or line break): expected one line of text";
            }
        }
        return null;
    }
}
