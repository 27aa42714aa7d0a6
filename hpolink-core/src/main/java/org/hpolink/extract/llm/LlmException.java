package org.hpolink.extract.llm;

/** No answer could be had from the LLM endpoint or its cache; the message says why, for the user. */
public final class LlmException extends RuntimeException {

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
