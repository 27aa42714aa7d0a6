package org.hpolink.normalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.hpolink.corpus.Corpus;
import org.hpolink.extract.Mention;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;

/**
 * Ranks ids by the character n-gram TF-IDF cosine between the mention's text and their names (the best-scoring
 * name counts for an id): BioSyn's sparse score, without the dense encoder. Optionally the query is the mention
 * prefixed with the observation's section ({@code EARS low set}), which names an organ the mention leaves out.
 * Immutable and thread-safe.
 */
public final class SparseNormalizer implements Normalizer {

    /** How the query is built. */
    public enum Query {
        MENTION,
        SECTION_AND_MENTION
    }

    private final CharNgramIndex index;
    private final Query query;
    /** The distinct ids of the dictionary, sorted, and for each name the position of its id there. */
    private final HpoId[] ids;
    private final int[] idOfName;

    public SparseNormalizer(NameDictionary dictionary, int minN, int maxN, Query query) {
        this.index = new CharNgramIndex(dictionary.names().stream().map(NameDictionary.Name::text).toList(), minN, maxN);
        this.query = query;
        this.ids = dictionary.names().stream().map(NameDictionary.Name::id).distinct().sorted().toArray(HpoId[]::new);
        Map<HpoId, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            position.put(ids[i], i);
        }
        this.idOfName = dictionary.names().stream().mapToInt(n -> position.get(n.id())).toArray();
    }

    /**
     * The defaults chosen by cross-validation on gold mentions (docs/RESULTS.md): labels, exact and related synonyms
     * and training mentions; 2- and 3-grams; the mention alone as the query.
     */
    public static SparseNormalizer of(Hpo hpo, Corpus training) {
        return new SparseNormalizer(NameDictionary.of(hpo, training, Set.of(SynonymScope.EXACT, SynonymScope.RELATED)), 2, 3, Query.MENTION);
    }

    @Override
    public List<Candidate> rank(Observation observation, Mention mention, int k) {
        String text = mention.span().coveredText(observation.text());
        if (text.isBlank()) {
            throw new IllegalArgumentException("observation " + observation.id() + ": the mention at " + mention.span()
                    + " covers no text to normalize");
        }
        String queryText = query == Query.SECTION_AND_MENTION && !observation.sectionName().isEmpty()
                && !mention.span().segments().contains(observation.section().orElseThrow().segment())
                ? observation.sectionName() + " " + text : text;
        return rank(queryText, k);
    }

    /** At most {@code k} ids for a free text, best first; ties go to the smaller id. */
    public List<Candidate> rank(String text, int k) {
        float[] scores = index.scores(text);
        float[] best = new float[ids.length];
        for (int n = 0; n < scores.length; n++) {
            if (scores[n] > best[idOfName[n]]) {
                best[idOfName[n]] = scores[n];
            }
        }
        // keep the k best in a heap whose head is the worst kept; ids are sorted, so ties keep the smaller id
        PriorityQueue<Integer> kept = new PriorityQueue<>(Comparator.<Integer>comparingDouble(i -> best[i])
                .thenComparing(Comparator.<Integer>reverseOrder()));
        for (int i = 0; i < best.length; i++) {
            if (best[i] > 0 && (kept.size() < k || best[i] > best[kept.peek()])) {
                kept.add(i);
                if (kept.size() > k) {
                    kept.poll();
                }
            }
        }
        List<Candidate> ranked = new ArrayList<>();
        kept.forEach(i -> ranked.add(new Candidate(ids[i], best[i])));
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id));
        return List.copyOf(ranked);
    }
}
