package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hpolink.corpus.Finding;
import org.hpolink.text.Observation;

/**
 * Keeps one finding per span and status, the first (the findings arrive best first): a BC8 submission allows
 * one id per span set.
 */
public final class DistinctSpanFilter implements FindingFilter {

    @Override
    public List<Finding> apply(Observation observation, List<Finding> findings) {
        Set<String> seen = new HashSet<>();
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : findings) {
            if (seen.add(finding.status() + " " + finding.span())) {
                kept.add(finding);
            }
        }
        return kept;
    }
}
