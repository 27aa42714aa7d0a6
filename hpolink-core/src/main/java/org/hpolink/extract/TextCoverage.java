package org.hpolink.extract;

import java.util.List;
import org.hpolink.text.Observation;

/** What an extractor can tell of an observation beyond its mentions: whether they leave words that may name a finding. */
public interface TextCoverage {

    /**
     * Whether {@code mentions} (this extractor's, of {@code observation}) leave outside every span a word that may
     * name a finding, where another extractor could find what this one did not.
     */
    boolean leavesGaps(Observation observation, List<Mention> mentions);
}
