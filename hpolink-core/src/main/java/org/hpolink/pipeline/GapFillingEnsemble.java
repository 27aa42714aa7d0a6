package org.hpolink.pipeline;

import static org.hpolink.model.ConfigChecks.requireNonNegative;
import static org.hpolink.model.ConfigChecks.requireScore;

import org.hpolink.extract.GapFillingExtractor;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.extract.TextCoverage;
import org.hpolink.normalize.Normalizer;

/**
 * The lexicon first, the grid where it found nothing: every lexical mention (its id from the normalizer below
 * {@code lexicalTrustFrom}), plus each grid mention scored at least {@code gridFrom} that overlaps no lexical mention,
 * with the normalizer's id. The grid adds the findings no dictionary words, without repeating, under another span or
 * id, those the lexicon found. As a {@code cascade}, the grid (and its encoder) reads only the observations where the
 * lexical mentions leave a gap ({@link TextCoverage}); else every observation.
 */
public record GapFillingEnsemble(double gridFrom, double lexicalTrustFrom, boolean cascade) implements ExtractorEnsemble {

    /** The setting chosen by cross-validation (docs/RESULTS.md). */
    public static final GapFillingEnsemble DEFAULT = new GapFillingEnsemble(0.9, 0.8, false);

    public GapFillingEnsemble {
        requireScore("gridFrom", gridFrom);
        requireNonNegative("lexicalTrustFrom", lexicalTrustFrom);
    }

    /** The grid on every observation. */
    public GapFillingEnsemble(double gridFrom, double lexicalTrustFrom) {
        this(gridFrom, lexicalTrustFrom, false);
    }

    public GapFillingEnsemble withCascade(boolean newCascade) {
        return new GapFillingEnsemble(gridFrom, lexicalTrustFrom, newCascade);
    }

    @Override
    public MentionExtractor extractor(MentionExtractor lexical, MentionExtractor grid, Normalizer normalizer) {
        TextCoverage coverage = cascade && lexical instanceof TextCoverage lexicalCoverage ? lexicalCoverage : null;
        if (cascade && coverage == null) {
            throw new IllegalArgumentException("a cascade needs an extractor that tells where its mentions leave gaps, such as the lexical one");
        }
        // Gaps first, ids after: only the grid mentions kept in a gap (those without an id) reach the normalizer, not
        // every grid mention. The result is the same, as which mentions fill a gap does not depend on their ids.
        return new NormalizedExtractor(new GapFillingExtractor(new NormalizedExtractor(lexical, normalizer, lexicalTrustFrom), grid, gridFrom,
                coverage), normalizer, 0);
    }

    @Override
    public String toString() {
        return "lexicon first, grid mentions scored " + gridFrom + " or more where it found nothing"
                + (cascade ? " (the grid run only where the lexicon left a gap)" : "") + "; lexical ids below "
                + lexicalTrustFrom + " from the normalizer";
    }
}
