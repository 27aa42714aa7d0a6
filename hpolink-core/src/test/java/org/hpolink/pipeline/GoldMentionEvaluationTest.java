package org.hpolink.pipeline;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.normalize.Candidate;
import org.hpolink.normalize.Normalizer;
import org.hpolink.normalize.SparseNormalizer;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.pipeline.GoldMentionEvaluation.Accuracy;
import org.hpolink.pipeline.GoldMentionEvaluation.Result;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/**
 * Gold-mention accuracy on a five-observation corpus with one observation per fold (so the split cannot change what
 * each fold holds), ranked by a normalizer whose answers are fixed per mention text.
 */
class GoldMentionEvaluationTest {

    private static final Hpo HPO = TinyHpo.build();

    private static final Corpus CORPUS = new Corpus("train.tsv", "", List.of(
            annotated("o1", "EYES: epicanthus", Finding.key(TinyHpo.EPICANTHUS, Span.of(6, 16))),
            // the gold id is an alternative id of Epicanthus, which counts as Epicanthus
            annotated("o2", "EYES: Epicanthus, hooded eyelids", Finding.key(TinyHpo.EPICANTHUS_ALTERNATIVE, Span.of(6, 16)),
                    Finding.key(TinyHpo.HOODED_EYELID, Span.of(18, 32))),
            annotated("o3", "EARS: low set", Finding.key(TinyHpo.LOW_SET_EARS, Span.parse("0-4,6-13"))),
            annotated("o4", "EARS: thin helices", Finding.key(TinyHpo.THIN_EAR_HELIX, Span.of(6, 18))),
            // a normal finding is not ranked
            annotated("o5", "EYES: no hooded eyelids", Finding.normal(TinyHpo.HOODED_EYELID, Span.of(9, 23)))));

    /** What the fixed normalizer answers for each mention text (lower-cased), best first. */
    private static final Map<String, List<HpoId>> ANSWERS = Map.of(
            "epicanthus", List.of(TinyHpo.EPICANTHUS, TinyHpo.HOODED_EYELID),
            "hooded eyelids", List.of(TinyHpo.EPICANTHUS, TinyHpo.HOODED_EYELID, TinyHpo.EYELID),
            "ears low set", List.of(TinyHpo.THIN_EAR_HELIX, TinyHpo.EAR, TinyHpo.LOW_SET_EARS),
            "thin helices", List.of(TinyHpo.THIN_EAR_HELIX));

    private static final Normalizer FIXED = (observation, mention, k) -> {
        List<HpoId> ids = ANSWERS.get(mention.span().coveredText(observation.text()).toLowerCase(Locale.ROOT));
        return ids.subList(0, Math.min(k, ids.size())).stream().map(id -> new Candidate(id, 1)).toList();
    };

    /**
     * With k = 2: "epicanthus" (o1) and "Epicanthus" (o2) come first, each seen in the other's fold; "hooded eyelids"
     * comes second and "EARS low set" not among the first two, both unseen; "thin helices" comes first, unseen.
     */
    @Test
    void countsFirstAndWithinKOverallAndForUnseenTexts() {
        Result result = GoldMentionEvaluation.run(CORPUS, HPO, 5, 17, 2, (train, fold) -> FIXED);

        assertEquals(2, result.k());
        assertEquals(new Accuracy(5, 3, 4), result.all());
        assertEquals(new Accuracy(3, 1, 2), result.unseen());
        assertEquals(String.format("gold mentions: 5, accuracy@1 0.6000, accuracy@2 0.8000%n"
                + "unseen texts:  3, accuracy@1 0.3333, accuracy@2 0.6667%n"), result.describe());
    }

    @Test
    void kWidensWhatCountsAsFound() {
        Result result = GoldMentionEvaluation.run(CORPUS, HPO, 5, 17, 3, (train, fold) -> FIXED);

        assertEquals(new Accuracy(5, 3, 5), result.all());
        assertEquals(new Accuracy(3, 1, 3), result.unseen());
    }

    @Test
    void eachFoldsNormalizerIsBuiltWithoutItsTestObservations() {
        List<Set<String>> trainedOn = new ArrayList<>();

        GoldMentionEvaluation.run(CORPUS, HPO, 5, 17, 2, (train, fold) -> {
            Set<String> ids = train.observations().stream().map(AnnotatedObservation::id).collect(Collectors.toSet());
            fold.test().observations().forEach(o -> assertFalse(ids.contains(o.id()), o.id() + " is in its own fold's training part"));
            assertEquals(train, fold.train());
            trainedOn.add(ids);
            return FIXED;
        });

        assertEquals(5, trainedOn.size());
        trainedOn.forEach(ids -> assertEquals(4, ids.size(), ids::toString));
    }

    @Test
    void noMentionsGiveZeroRates() {
        Accuracy none = new Accuracy(0, 0, 0);

        assertEquals(0, none.atOneRate());
        assertEquals(0, none.atKRate());
    }

    @Test
    void theSparseNormalizerGivesTheSameFiguresForTheSameSeed() {
        Result first = GoldMentionEvaluation.run(CORPUS, HPO, 2, 5, 5, (train, fold) -> SparseNormalizer.of(HPO, train));
        Result second = GoldMentionEvaluation.run(CORPUS, HPO, 2, 5, 5, (train, fold) -> SparseNormalizer.of(HPO, train));

        assertEquals(first, second);
        assertEquals(5, first.all().mentions());
        assertTrue(first.all().atOne() >= 1, first::describe);
    }
}
