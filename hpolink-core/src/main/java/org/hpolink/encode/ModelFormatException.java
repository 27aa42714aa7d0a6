package org.hpolink.encode;

import java.io.IOException;

/** A model file that is there but cannot be loaded, or does not have the inputs and outputs expected; the message names it. */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
