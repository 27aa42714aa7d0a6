package org.hpolink.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Fold;
import org.hpolink.normalize.BiosynConfig;
import org.hpolink.normalize.BiosynNormalizer;
import org.hpolink.normalize.BiosynTrainer;
import org.hpolink.normalize.CachingTextEmbedder;
import org.hpolink.normalize.TextEmbedder;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.Encoders;

/**
 * Trains a BioSyn normalizer (the default one, or the one whose encoder is tuned too) on each training part of a
 * cross-validation. With a frozen encoder the folds share most names, so every text is encoded once for all of
 * them. A fold's tuned encoder is closed when the next fold trains. Closing it closes the encoders.
 */
final class FoldNormalizers implements AutoCloseable {

    private final Hpo hpo;
    private final BiosynConfig config;
    private final Encoders encoders = new Encoders();
    private final TextEmbedder embedder;

    FoldNormalizers(Hpo hpo) {
        this(hpo, BiosynConfig.DEFAULTS);
    }

    FoldNormalizers(Hpo hpo, BiosynConfig config) {
        this.hpo = hpo;
        this.config = config;
        this.embedder = new CachingTextEmbedder(encoders.pretrained(config.encoder()));
    }

    /** The encoders it opened, which it closes. */
    Encoders encoders() {
        return encoders;
    }

    BiosynConfig config() {
        return config;
    }

    /** A normalizer trained on {@code part}, the training part of {@code fold}; the one of the fold before is done with. */
    BiosynNormalizer train(Corpus part, Fold fold) {
        BiosynTrainer trainer = new BiosynTrainer(config);
        BiosynTrainer.Listener quiet = (phase, pass, queries, loss) -> { };
        if (!config.tunesEncoder()) {
            return trainer.train(hpo, part, fold.describe(), embedder, quiet);
        }
        encoders.closeTuned();
        try {
            return trainer.trainTuningEncoder(hpo, part, fold.describe(), encoders, quiet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        encoders.close();
    }
}
