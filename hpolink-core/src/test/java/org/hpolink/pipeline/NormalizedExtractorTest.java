package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.extract.Mention;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.normalize.Candidate;
import org.hpolink.normalize.Normalizer;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/** Which mentions take the normalizer's id: those without one and those scored below the trust threshold. */
class NormalizedExtractorTest {

    private static final Observation EARS = Observation.of("o1", "EARS: low set, thin helices, hooding");

    private static final Mention SURE = mention("6-13", TinyHpo.EAR, 0.9);
    private static final Mention UNSURE = mention("15-27", TinyHpo.EAR, 0.4);
    private static final Mention WITHOUT_ID = new Mention(Span.parse("29-36"), Optional.empty(), FindingStatus.NORMAL, 0.7, "grid");

    private static final MentionExtractor EXTRACTOR = observation -> List.of(SURE, UNSURE, WITHOUT_ID);

    /** Knows one id per span start; nothing for the mention at 29. */
    private static final Normalizer NORMALIZER = (observation, mention, k) -> switch (mention.span().start()) {
        case 6 -> List.of(new Candidate(TinyHpo.LOW_SET_EARS, 9));
        case 15 -> List.of(new Candidate(TinyHpo.THIN_EAR_HELIX, 9));
        default -> List.of();
    };

    private static Mention mention(String span, HpoId id, double score) {
        return new Mention(Span.parse(span), Optional.of(id), FindingStatus.KEY, score, "lexical");
    }

    @Test
    void mentionsBelowTheThresholdTakeTheNormalizersId() {
        List<Mention> mentions = new NormalizedExtractor(EXTRACTOR, NORMALIZER, 0.5).extract(EARS);

        assertEquals(List.of(SURE, mention("15-27", TinyHpo.THIN_EAR_HELIX, 0.4)), mentions,
                "the sure one keeps its id; the one without an id that the normalizer cannot name is left out");
    }

    @Test
    void aboveOneEveryMentionIsNormalizedAndAtZeroOnlyThoseWithoutAnId() {
        assertEquals(List.of(mention("6-13", TinyHpo.LOW_SET_EARS, 0.9), mention("15-27", TinyHpo.THIN_EAR_HELIX, 0.4)),
                new NormalizedExtractor(EXTRACTOR, NORMALIZER, 1.01).extract(EARS));
        assertEquals(List.of(SURE, UNSURE), new NormalizedExtractor(EXTRACTOR, NORMALIZER, 0).extract(EARS));
    }

    @Test
    void refusesANegativeOrInfiniteThreshold() {
        assertThrows(IllegalArgumentException.class, () -> new NormalizedExtractor(EXTRACTOR, NORMALIZER, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new NormalizedExtractor(EXTRACTOR, NORMALIZER, Double.POSITIVE_INFINITY));
    }

    /** Over several observations at once, the mentions to normalize are ranked in one call, in observation order. */
    @Test
    void extractingSeveralObservationsRanksTheirMentionsTogether() {
        Observation other = Observation.of("o2", "EARS: low set, thin helices, hooding");
        List<List<Normalizer.Query>> calls = new java.util.ArrayList<>();
        Normalizer batching = new Normalizer() {
            @Override
            public List<Candidate> rank(Observation observation, Mention mention, int k) {
                return NORMALIZER.rank(observation, mention, k);
            }

            @Override
            public List<List<Candidate>> rankMentions(List<Query> queries, int k) {
                calls.add(queries);
                return Normalizer.super.rankMentions(queries, k);
            }
        };

        List<List<Mention>> mentions = new NormalizedExtractor(EXTRACTOR, batching, 0.5).extractAll(List.of(EARS, other));

        List<Mention> expected = List.of(SURE, mention("15-27", TinyHpo.THIN_EAR_HELIX, 0.4));
        assertEquals(List.of(expected, expected), mentions);
        assertEquals(List.of(List.of(new Normalizer.Query(EARS, UNSURE), new Normalizer.Query(EARS, WITHOUT_ID),
                new Normalizer.Query(other, UNSURE), new Normalizer.Query(other, WITHOUT_ID))), calls);
    }
}
