package org.hpolink.extract.grid;

/**
 * A training observation for the grid model: what the network reads of its words, its hint grid (null without
 * {@link GridConfig#lexiconHints()}) and its gold grid over the same words.
 */
record GridExample(String observationId, GridInput input, WordGrid hints, WordGrid grid) {

    GridExample {
        if (input.words() != grid.size()) {
            throw new IllegalArgumentException("observation " + observationId + ": " + input.words() + " words of input for a grid of "
                    + grid.size() + " words");
        }
    }
}
