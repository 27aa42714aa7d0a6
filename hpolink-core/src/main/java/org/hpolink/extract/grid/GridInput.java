package org.hpolink.extract.grid;

import org.hpolink.encode.Encoding;

/**
 * What the grid network reads of one observation: encoder states already pooled to its words (a frozen encoder, run
 * beforehand), or its word pieces (an encoder trained inside the network, {@link TunedGridNetwork}).
 */
sealed interface GridInput permits GridInput.WordFeatures, GridInput.WordPieces {

    /** The observation's word count. */
    int words();

    /** One feature row per word ({@link WordStates}). */
    record WordFeatures(float[][] rows) implements GridInput {
        @Override
        public int words() {
            return rows.length;
        }
    }

    /** The pieces of the observation's text and, per word, the pieces that overlap it ({@link WordStates#pieces}). */
    record WordPieces(Encoding encoding, int[][] pieces) implements GridInput {
        @Override
        public int words() {
            return pieces.length;
        }
    }
}
