package org.hpolink.normalize;

import java.util.List;
import org.hpolink.extract.Mention;
import org.hpolink.text.Observation;

/** Ranks the HPO ids a mention may stand for. Implementations are immutable and thread-safe. */
public interface Normalizer {

    /** At most {@code k} candidates for {@code mention} of {@code observation}, best first. */
    List<Candidate> rank(Observation observation, Mention mention, int k);
}
