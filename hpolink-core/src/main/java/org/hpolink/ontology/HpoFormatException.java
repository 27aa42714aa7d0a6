package org.hpolink.ontology;

import java.io.IOException;

/** An HPO file that cannot be read as an ontology; the message names the source, where and what was expected. */
public final class HpoFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public HpoFormatException(String message) {
        super(message);
    }

    public HpoFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
