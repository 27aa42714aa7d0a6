package org.hpolink.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpolink.corpus.Corpus;
import org.hpolink.extract.Mention;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;

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

    /** The number of names indexed. */
    public int size() {
        return index.size();
    }

    /**
     * @throws IllegalArgumentException if the mention lies outside the text or covers no letter or digit (nothing
     *                                  to compare with a name), or {@code k} is below 1
     */
    @Override
    public List<Candidate> rank(Observation observation, Mention mention, int k) {
        String text = mention.span().requireWithin(observation.text().length()).coveredText(observation.text());
        if (!CharNgramIndex.hasLetterOrDigit(text)) {
            throw new IllegalArgumentException("observation " + observation.id() + ": the mention at " + mention.span()
                    + " ('" + text + "') has no letter or digit to normalize");
        }
        // A mention that holds the header already names the organ (EARS low set); it would otherwise be named twice.
        String queryText = query == Query.SECTION_AND_MENTION
                ? observation.section().filter(section -> !mention.span().contains(Span.of(section.segment())))
                        .map(section -> section.name() + " " + text).orElse(text)
                : text;
        return rank(queryText, k);
    }

    /**
     * At most {@code k} ids for a free text, best first; ties go to the smaller id. Ids whose names share no n-gram
     * with the text are left out, so fewer than {@code k} may come back.
     *
     * @throws IllegalArgumentException if the text has no letter or digit, or {@code k} is below 1
     */
    public List<Candidate> rank(String text, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k is " + k + ": expected 1 or more candidates");
        }
        if (!CharNgramIndex.hasLetterOrDigit(text)) {
            throw new IllegalArgumentException("'" + text + "' has no letter or digit to normalize");
        }
        float[] scores = index.scores(text);
        float[] best = new float[ids.length];
        // Math.max rather than an if: whether a name beats its id's best so far is unpredictable, and the branch would
        // double the time of this loop. Scores are never NaN, so the two agree.
        for (int n = 0; n < scores.length; n++) {
            int id = idOfName[n];
            best[id] = Math.max(best[id], scores[n]);
        }
        // The k best so far, best first, kept by insertion: most ids fail the first test once k are kept. Ids come in
        // ascending order and only a strictly better score moves one up, so ties keep the smaller id first.
        int[] top = new int[Math.min(k, ids.length)];
        int kept = 0;
        for (int i = 0; i < best.length; i++) {
            float score = best[i];
            if (score <= 0 || kept == top.length && score <= best[top[kept - 1]]) {
                continue;
            }
            int at = kept < top.length ? kept++ : kept - 1;
            while (at > 0 && best[top[at - 1]] < score) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        List<Candidate> ranked = new ArrayList<>(kept);
        for (int r = 0; r < kept; r++) {
            ranked.add(new Candidate(ids[top[r]], best[top[r]]));
        }
        return List.copyOf(ranked);
    }
}
