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
}
