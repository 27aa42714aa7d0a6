package org.hpolink.normalize;

import java.util.List;
import java.util.Set;
import org.hpolink.corpus.Corpus;
import org.hpolink.extract.Mention;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.text.Observation;

/**
 * Ranks ids by the character n-gram TF-IDF cosine between the mention's text and their names (the best-scoring
 * name counts for an id): BioSyn's sparse score, without the dense encoder. Optionally the query is the mention
 * prefixed with the observation's section ({@code EARS low set}), which names an organ the mention leaves out.
 * Immutable and thread-safe.
 */
public final class SparseNormalizer implements Normalizer {

    private final CharNgramIndex index;
    private final MentionQuery query;
    private final NameIds nameIds;

    public SparseNormalizer(NameDictionary dictionary, int minN, int maxN, MentionQuery query) {
        this.index = new CharNgramIndex(dictionary.names().stream().map(NameDictionary.Name::text).toList(), minN, maxN);
        this.query = query;
        this.nameIds = new NameIds(dictionary);
    }

    /**
     * The defaults chosen by cross-validation on gold mentions (docs/RESULTS.md): labels, exact and related synonyms
     * and training mentions; 2- and 3-grams; the mention alone as the query.
     */
    public static SparseNormalizer of(Hpo hpo, Corpus training) {
        return new SparseNormalizer(NameDictionary.of(hpo, training, Set.of(SynonymScope.EXACT, SynonymScope.RELATED)), 2, 3, MentionQuery.MENTION);
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
        return rank(query.text(observation, mention), k);
    }

    /**
     * At most {@code k} ids for a free text, best first; ties go to the smaller id. Ids whose names share no n-gram
     * with the text are left out, so fewer than {@code k} may come back.
     *
     * @throws IllegalArgumentException if the text has no letter or digit, or {@code k} is below 1
     */
    public List<Candidate> rank(String text, int k) {
        NameIds.requireCandidates(k);
        NameIds.requireRankable(text);
        return nameIds.rank(index.scores(text), k, 0f);
    }
}
