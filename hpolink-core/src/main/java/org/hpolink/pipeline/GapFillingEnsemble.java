package org.hpolink.pipeline;

import static org.hpolink.model.ConfigChecks.requireNonNegative;
import static org.hpolink.model.ConfigChecks.requireScore;

import org.hpolink.extract.GapFillingExtractor;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.normalize.Normalizer;

/**
 * The lexicon first, the grid where it found nothing: every lexical mention (its id from the normalizer below
 * {@code lexicalTrustFrom}), plus each grid mention scored at least {@code gridFrom} that overlaps no lexical mention,
 * with the normalizer's id. The grid adds the findings no dictionary words, without repeating, under another span or
 * id, those the lexicon found.
 */
public record GapFillingEnsemble(double gridFrom, double lexicalTrustFrom) implements ExtractorEnsemble {

    /** The setting chosen by cross-validation (docs/RESULTS.md). */
    public static final GapFillingEnsemble DEFAULT = new GapFillingEnsemble(0.9, 0.8);

    public GapFillingEnsemble {
        requireScore("gridFrom", gridFrom);
        requireNonNegative("lexicalTrustFrom", lexicalTrustFrom);
    }

    @Override
    public MentionExtractor extractor(MentionExtractor lexical, MentionExtractor grid, Normalizer normalizer) {
        // Gaps first, ids after: only the grid mentions kept in a gap (those without an id) reach the normalizer, not
        // every grid mention. The result is the same, as which mentions fill a gap does not depend on their ids.
        return new NormalizedExtractor(new GapFillingExtractor(new NormalizedExtractor(lexical, normalizer, lexicalTrustFrom), grid, gridFrom),
                normalizer, 0);
    }

    @Override
    public String toString() {
        return "lexicon first, grid mentions scored " + gridFrom + " or more where it found nothing; lexical ids below "
                + lexicalTrustFrom + " from the normalizer";
    }
}
