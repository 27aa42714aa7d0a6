package org.hpolink.pipeline;

import java.util.List;
import org.hpolink.corpus.Finding;
import org.hpolink.text.Observation;

/**
 * Turns observations into their findings, key and normal, sorted by span then id. Only the writers decide what is
 * printed (the BC8 writer: key findings only). Implementations are immutable and thread-safe.
 */
public interface Pipeline {

    /**
     * The findings of each observation, in the order given, with their scores and sources. Pipelines that run a model
     * work on the observations together.
     */
    List<List<ScoredFinding>> annotateScored(List<Observation> observations);

    /** The findings of each observation, in the order given: those of {@link #annotateScored}. */
    default List<List<Finding>> annotateAll(List<Observation> observations) {
        return annotateScored(observations).stream().map(ScoredFinding::findings).toList();
    }

    default List<Finding> annotate(Observation observation) {
        return annotateAll(List.of(observation)).get(0);
    }
}
