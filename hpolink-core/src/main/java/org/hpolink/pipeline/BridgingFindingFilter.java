package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.hpolink.text.Observation;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;

/**
 * Drops a finding that bridges two others: it starts inside one finding that starts before it, and ends inside
 * another, apart from the first, that ends after it. The lexicon's keys are bags of words, so {@code axial hypotonia
 * with appendicular hypertonia} was read across its two findings as {@code hypotonia with appendicular}, Appendicular
 * hypotonia. A coordination's finding shares a first or last word with the others ({@code Short and broad thumbs and
 * halluces}: {@code broad thumbs}), so it bridges none. For prose (the notes profile).
 */
public final class BridgingFindingFilter implements FindingFilter {

    @Override
    public List<ScoredFinding> apply(Observation observation, List<ScoredFinding> findings) {
        List<ScoredFinding> out = new ArrayList<>(findings.size());
        for (ScoredFinding scored : findings) {
            if (!bridges(scored.finding().span(), findings)) {
                out.add(scored);
            }
        }
        return out;
    }

    private static boolean bridges(Span span, List<ScoredFinding> findings) {
        int first = span.start();
        int last = span.end() - 1;
        for (ScoredFinding left : findings) {
            Span leftSpan = left.finding().span();
            if (leftSpan.start() >= first || !covers(leftSpan, first) || covers(leftSpan, last)) {
                continue;
            }
            for (ScoredFinding right : findings) {
                Span rightSpan = right.finding().span();
                if (rightSpan.end() > span.end() && covers(rightSpan, last) && !covers(rightSpan, first) && !rightSpan.overlaps(leftSpan)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean covers(Span span, int character) {
        for (Segment segment : span.segments()) {
            if (segment.start() <= character && character < segment.end()) {
                return true;
            }
        }
        return false;
    }
}
