package org.hpolink.encode.train;

/**
 * Which weights of the encoder fine-tuning leaves alone. To freeze the whole encoder under a trained head, freeze
 * its block ({@code block.freezeParameters(true)}) in the model that holds both.
 */
public enum Frozen {
    /** Every weight is trained. */
    NOTHING,
    /**
     * The word embedding table (11.7M of MiniLM's 22.7M values) stays as it is: AdamW over it costs more than the
     * rest of a step, and a few thousand training phrases touch a small part of the vocabulary anyway.
     */
    WORD_EMBEDDINGS
}
