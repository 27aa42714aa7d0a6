package org.hpolink.encode;

/** How the token states of one text become one vector ({@link TokenStates#pooled}). */
public enum Pooling {
    /** The mean of the states of all pieces of the text, {@code [CLS]} and {@code [SEP]} included, padding excluded. */
    MEAN,
    /** The state of the first piece, {@code [CLS]}. */
    CLS
}
