package org.hpolink.pipeline;

import org.hpolink.extract.MentionExtractor;
import org.hpolink.normalize.Normalizer;

/** A way to combine the lexical and the grid extractor into one, the normalizer giving the ids either lacks. */
public interface ExtractorEnsemble {

    /**
     * The combination chosen by cross-validation (docs/RESULTS.md), as a cascade: the grid reads only the observations
     * where the lexicon leaves a gap, which gives the same figures faster.
     */
    ExtractorEnsemble DEFAULT = GapFillingEnsemble.DEFAULT.withCascade(true);

    /** The ensemble of {@code lexical} and {@code grid}, whose mentions carry no id, with ids from {@code normalizer}. */
    MentionExtractor extractor(MentionExtractor lexical, MentionExtractor grid, Normalizer normalizer);
}
