package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hpolink.text.Observation;

/**
 * Keeps one finding per span and status, the first (the findings arrive best first): a BC8 submission allows
 * one id per span set.
 */
public final class DistinctSpanFilter implements FindingFilter {

    @Override
    public List<ScoredFinding> apply(Observation observation, List<ScoredFinding> findings) {
        Set<String> seen = new HashSet<>();
        List<ScoredFinding> kept = new ArrayList<>();
        for (ScoredFinding scored : findings) {
            if (seen.add(scored.finding().status() + " " + scored.finding().span())) {
                kept.add(scored);
            }
        }
        return kept;
    }
}
