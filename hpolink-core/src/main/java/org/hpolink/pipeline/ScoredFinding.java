package org.hpolink.pipeline;

import java.util.List;
import java.util.Objects;
import org.hpolink.corpus.Finding;

/**
 * A finding a pipeline made, with the score in [0, 1] of the mention it came from and the name of the extractor that
 * proposed it ({@code lexical}, {@code grid}).
 */
public record ScoredFinding(Finding finding, double score, String source) {

    public ScoredFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(source, "source");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("finding score " + score + " is outside [0, 1]");
        }
    }

    /** The same score and source for another finding (a remapped id). */
    public ScoredFinding with(Finding other) {
        return new ScoredFinding(other, score, source);
    }

    /** The findings alone. */
    public static List<Finding> findings(List<ScoredFinding> scored) {
        return scored.stream().map(ScoredFinding::finding).toList();
    }
}
