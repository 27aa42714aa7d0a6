package org.hpolink.extract.grid;

/** A training observation for the grid model: the features of its words and its gold grid over the same words. */
record GridExample(String observationId, float[][] features, WordGrid grid) {

    GridExample {
        if (features.length != grid.size()) {
            throw new IllegalArgumentException("observation " + observationId + ": " + features.length + " word features for a grid of "
                    + grid.size() + " words");
        }
    }
}
