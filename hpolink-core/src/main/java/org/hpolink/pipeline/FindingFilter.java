package org.hpolink.pipeline;

import java.util.List;
import org.hpolink.text.Observation;

/** One small step applied to a pipeline's findings (remapping, de-duplication), like a Lucene TokenFilter. */
public interface FindingFilter {

    List<ScoredFinding> apply(Observation observation, List<ScoredFinding> findings);
}
