package org.hpolink.extract;

import java.util.List;
import org.hpolink.text.Observation;

/** Finds the mentions of phenotypic findings in an observation. Implementations are immutable and thread-safe. */
public interface MentionExtractor {

    /** The mentions of {@code observation}, sorted by span. */
    List<Mention> extract(Observation observation);

    /**
     * The mentions of each observation, in the order given. Extractors that run a model override it to work on the
     * observations together; the mentions are those {@link #extract} gives one by one.
     */
    default List<List<Mention>> extractAll(List<Observation> observations) {
        return observations.stream().map(this::extract).toList();
    }
}
