package org.hpolink.pipeline;

import static org.hpolink.model.ConfigChecks.requireNonNegative;

import java.util.List;
import org.hpolink.extract.EnsembleExtractor;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.normalize.Normalizer;

/**
 * How the lexical and the grid extractor are combined into one ({@link EnsembleExtractor}): each member's mentions
 * take their ids from the normalizer where the member is unsure (the lexicon below {@code lexicalTrustFrom}, the grid
 * always, as it proposes no id), then the members vote over (span, id, status) with their weights, and a mention
 * needs {@code threshold} of the total weight.
 */
public record VotingEnsemble(double lexicalWeight, double gridWeight, double threshold, double lexicalTrustFrom)
        implements ExtractorEnsemble {

    /** Either member's mentions are kept. */
    public static final VotingEnsemble UNION = new VotingEnsemble(1, 1, 0.5, 0.8);

    public VotingEnsemble {
        if (!(lexicalWeight > 0 && gridWeight > 0) || Double.isInfinite(lexicalWeight) || Double.isInfinite(gridWeight)) {
            throw new IllegalArgumentException("weights " + lexicalWeight + " and " + gridWeight + ": expected positive numbers");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold is " + threshold + ": expected a share in (0, 1]");
        }
        requireNonNegative("lexicalTrustFrom", lexicalTrustFrom);
    }

    @Override
    public EnsembleExtractor extractor(MentionExtractor lexical, MentionExtractor grid, Normalizer normalizer) {
        return new EnsembleExtractor(List.of(
                new EnsembleExtractor.Member(new NormalizedExtractor(lexical, normalizer, lexicalTrustFrom), lexicalWeight),
                new EnsembleExtractor.Member(new NormalizedExtractor(grid, normalizer, 0), gridWeight)), threshold);
    }

    @Override
    public String toString() {
        return "voting: weights lexical " + lexicalWeight + ", grid " + gridWeight + ", threshold " + threshold + ", lexical ids below "
                + lexicalTrustFrom + " from the normalizer";
    }
}
