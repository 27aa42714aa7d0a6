package org.hpolink.encode;

import java.io.IOException;

/** A {@code tokenizer.json} that cannot be read as a BERT WordPiece tokenizer; the message names the file and field. */
public final class TokenizerFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public TokenizerFormatException(String message) {
        super(message);
    }

    public TokenizerFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
