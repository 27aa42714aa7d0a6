package org.hpolink.normalize;

import java.util.List;
import org.hpolink.extract.Mention;
import org.hpolink.text.Observation;

/** Ranks the HPO ids a mention may stand for. Implementations are immutable and thread-safe. */
public interface Normalizer {

    /** At most {@code k} candidates for {@code mention} of {@code observation}, best first. */
    List<Candidate> rank(Observation observation, Mention mention, int k);

    /** A mention of an observation, to be ranked with others. */
    record Query(Observation observation, Mention mention) {
    }

    /**
     * {@link #rank} for each query, in the order given. Normalizers that run an encoder override it to encode the
     * queries together; the candidates are those {@link #rank} gives one by one.
     */
    default List<List<Candidate>> rankMentions(List<Query> queries, int k) {
        return queries.stream().map(q -> rank(q.observation(), q.mention(), k)).toList();
    }
}
