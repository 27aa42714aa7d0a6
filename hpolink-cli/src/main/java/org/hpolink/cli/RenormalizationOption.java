package org.hpolink.cli;

import org.hpolink.extract.MentionExtractor;
import org.hpolink.normalize.Normalizer;
import org.hpolink.pipeline.NormalizedExtractor;
import picocli.CommandLine.Option;

/** The {@code --normalize-below X} option: which lexical mentions take their id from the BioSyn normalizer. */
final class RenormalizationOption {

    @Option(names = "--normalize-below", paramLabel = "X",
            description = "Give each lexical mention whose lexicon confidence (the share of the training votes its id got) "
                    + "is below X the best id of the BioSyn normalizer, trained on the same training part; above 1, every "
                    + "mention. Default: the lexicon's ids only.")
    private Double threshold;

    /** Whether the option was given. */
    boolean isSet() {
        return threshold != null;
    }

    /** {@code extractor} with its unsure mentions normalized. */
    MentionExtractor apply(MentionExtractor extractor, Normalizer normalizer) {
        return new NormalizedExtractor(extractor, normalizer, threshold);
    }

    double threshold() {
        return threshold;
    }
}
