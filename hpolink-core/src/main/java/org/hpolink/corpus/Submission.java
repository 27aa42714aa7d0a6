package org.hpolink.corpus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated prediction file: for each observation id, its predicted key findings in file order (an
 * observation predicted {@code NA} maps to an empty list). {@code withSpans} tells whether the file gives spans
 * (subtask 3b) or ids only (subtask 3a).
 */
public record Submission(String source, boolean withSpans, Map<String, List<PredictedFinding>> findingsByObservation) {

    public Submission {
        Map<String, List<PredictedFinding>> copy = new LinkedHashMap<>();
        findingsByObservation.forEach((id, findings) -> copy.put(id, List.copyOf(findings)));
        findingsByObservation = Collections.unmodifiableMap(copy);
    }

    /** The predictions for an observation; empty when it has none or is absent. */
    public List<PredictedFinding> findings(String observationId) {
        return findingsByObservation.getOrDefault(observationId, List.of());
    }
}
