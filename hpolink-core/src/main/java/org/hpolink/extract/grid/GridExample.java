package org.hpolink.extract.grid;

/** A training observation for the grid model: what the network reads of its words and its gold grid over them. */
record GridExample(String observationId, GridInput input, WordGrid grid) {

    GridExample {
        if (input.words() != grid.size()) {
            throw new IllegalArgumentException("observation " + observationId + ": " + input.words() + " words of input for a grid of "
                    + grid.size() + " words");
        }
    }
}
