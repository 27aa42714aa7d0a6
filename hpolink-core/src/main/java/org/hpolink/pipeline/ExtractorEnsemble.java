package org.hpolink.pipeline;

import org.hpolink.extract.MentionExtractor;
import org.hpolink.normalize.Normalizer;

/** A way to combine the lexical and the grid extractor into one, the normalizer giving the ids either lacks. */
public interface ExtractorEnsemble {

    /** The combination chosen by cross-validation (docs/RESULTS.md). */
    ExtractorEnsemble DEFAULT = GapFillingEnsemble.DEFAULT;

    /** The ensemble of {@code lexical} and {@code grid}, whose mentions carry no id, with ids from {@code normalizer}. */
    MentionExtractor extractor(MentionExtractor lexical, MentionExtractor grid, Normalizer normalizer);
}
