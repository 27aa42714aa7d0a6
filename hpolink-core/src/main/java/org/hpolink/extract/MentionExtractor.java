package org.hpolink.extract;

import java.util.List;
import org.hpolink.text.Observation;

/** Finds the mentions of phenotypic findings in an observation. Implementations are immutable and thread-safe. */
public interface MentionExtractor {

    /** The mentions of {@code observation}, sorted by span. */
    List<Mention> extract(Observation observation);
}
