package org.hpolink.cli;

import org.hpolink.extract.grid.GridConfig;
import picocli.CommandLine.Option;

/** The grid model's variants that {@code train --grid} and {@code evaluate --cv} can try instead of the defaults. */
final class GridOptions {

    @Option(names = "--tune-encoder", description = "Grid model: train the full-precision encoder inside it (10 passes; 373 s "
            + "against 93 s on the training file on 2 cores; the bundle holds the tuned encoder, 90 MB).")
    private boolean tuneEncoder;

    @Option(names = "--lexicon-hints", description = "Grid model: it also reads the grid of the lexical model's mentions (a "
            + "stacked ensemble; training hints come from lexical models trained on the other fifths of the data).")
    private boolean lexiconHints;

    @Option(names = "--encoder-layers", paramLabel = "N", description = "Grid model: read the frozen encoder's states after its first N "
            + "layers (0: its embeddings alone, 6: all of them; default 1).")
    private Integer encoderLayers;

    boolean isSet() {
        return tuneEncoder || lexiconHints || encoderLayers != null;
    }

    /** {@link GridConfig#DEFAULTS} with the variants asked for; a tuned encoder with fewer layers is refused. */
    GridConfig config() {
        GridConfig config = GridConfig.DEFAULTS.withLexiconHints(lexiconHints);
        config = tuneEncoder ? config.withTunedEncoder() : config;
        return encoderLayers == null ? config : config.withEncoderLayers(encoderLayers);
    }
}
