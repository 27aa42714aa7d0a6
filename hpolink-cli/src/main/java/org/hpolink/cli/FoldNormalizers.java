package org.hpolink.cli;

import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Fold;
import org.hpolink.normalize.BiosynConfig;
import org.hpolink.normalize.BiosynNormalizer;
import org.hpolink.normalize.BiosynTrainer;
import org.hpolink.normalize.CachingTextEmbedder;
import org.hpolink.normalize.TextEmbedder;
import org.hpolink.ontology.Hpo;

/**
 * Trains the default BioSyn normalizer on each training part of a cross-validation. The folds share most names, so
 * every text is encoded once for all of them. Closing it closes the encoder.
 */
final class FoldNormalizers implements AutoCloseable {

    private final Hpo hpo;
    private final BiosynConfig config = BiosynConfig.DEFAULTS;
    private final Encoders encoders = new Encoders();
    private final TextEmbedder embedder = new CachingTextEmbedder(encoders.embedder(config.encoder()));

    FoldNormalizers(Hpo hpo) {
        this.hpo = hpo;
    }

    /** The encoders it opened, which it closes. */
    Encoders encoders() {
        return encoders;
    }

    BiosynConfig config() {
        return config;
    }

    /** A normalizer trained on {@code part}, the training part of {@code fold}. */
    BiosynNormalizer train(Corpus part, Fold fold) {
        return new BiosynTrainer(config).train(hpo, part, fold.describe(), embedder, (phase, pass, queries, loss) -> { });
    }

    @Override
    public void close() {
        encoders.close();
    }
}
