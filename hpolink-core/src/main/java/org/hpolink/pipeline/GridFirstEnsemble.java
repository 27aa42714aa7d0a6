package org.hpolink.pipeline;

import static org.hpolink.model.ConfigChecks.requireNonNegative;

import org.hpolink.extract.GapFillingExtractor;
import org.hpolink.extract.IdBorrowingExtractor;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.normalize.Normalizer;

/**
 * The grid decides the spans, the lexicon the ids where it found the same span: every grid mention, with the id of
 * the lexical mention of the same span and status (that one's id from the normalizer below {@code lexicalTrustFrom}),
 * else the normalizer's id; with {@code lexiconFillsGaps}, also each lexical mention that overlaps no grid mention.
 * Meant for a grid model that reads the lexicon's mentions as hints ({@code GridConfig.lexiconHints}).
 */
public record GridFirstEnsemble(boolean lexiconFillsGaps, double lexicalTrustFrom) implements ExtractorEnsemble {

    public GridFirstEnsemble {
        requireNonNegative("lexicalTrustFrom", lexicalTrustFrom);
    }

    @Override
    public MentionExtractor extractor(MentionExtractor lexical, MentionExtractor grid, Normalizer normalizer) {
        MentionExtractor lexicalWithIds = new NormalizedExtractor(lexical, normalizer, lexicalTrustFrom);
        MentionExtractor gridWithIds = new NormalizedExtractor(new IdBorrowingExtractor(grid, lexicalWithIds), normalizer, 0);
        return lexiconFillsGaps ? new GapFillingExtractor(gridWithIds, lexicalWithIds, 0) : gridWithIds;
    }

    @Override
    public String toString() {
        return "grid spans, lexical ids where the lexicon found the same span" + (lexiconFillsGaps ? ", lexicon where the grid found nothing"
                : "") + "; lexical ids below " + lexicalTrustFrom + " from the normalizer";
    }
}
