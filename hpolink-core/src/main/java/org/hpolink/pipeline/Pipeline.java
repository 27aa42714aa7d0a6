package org.hpolink.pipeline;

import java.util.List;
import org.hpolink.corpus.Finding;
import org.hpolink.text.Observation;

/**
 * Turns an observation into its findings, key and normal, sorted by span then id. Only the BC8 writer decides
 * what is printed (key findings only). Implementations are immutable and thread-safe.
 */
public interface Pipeline {

    List<Finding> annotate(Observation observation);

    /**
     * The findings of each observation, in the order given: those {@link #annotate} gives one by one. Pipelines that
     * run a model override it to work on the observations together.
     */
    default List<List<Finding>> annotateAll(List<Observation> observations) {
        return observations.stream().map(this::annotate).toList();
    }
}
