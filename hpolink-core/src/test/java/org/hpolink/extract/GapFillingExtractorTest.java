package org.hpolink.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/** The secondary extractor's mentions count only where the primary found nothing and they are scored high enough. */
class GapFillingExtractorTest {

    private static final Observation EARS = Observation.of("o1", "EARS: low set, thin helices, squared off helix");

    private static Mention mention(String span, double score, String source) {
        return new Mention(Span.parse(span), Optional.of(TinyHpo.EAR), FindingStatus.KEY, score, source);
    }

    private static final Mention LEXICAL = mention("0-4,6-13", 1, "lexical");
    private static final Mention OVERLAPPING = mention("6-13", 0.9, "grid");
    private static final Mention SHARING_THE_HEADER = mention("0-4,15-27", 0.9, "grid");
    private static final Mention IN_A_GAP = mention("29-46", 0.8, "grid");
    private static final Mention UNSURE_IN_A_GAP = mention("15-27", 0.3, "grid");

    private static final MentionExtractor PRIMARY = observation -> List.of(LEXICAL);
    private static final MentionExtractor SECONDARY = observation -> List.of(OVERLAPPING, SHARING_THE_HEADER, UNSURE_IN_A_GAP, IN_A_GAP);

    @Test
    void addsTheSecondarysMentionsThatShareNoCharacterWithThePrimarysAndAreScoredEnough() {
        assertEquals(List.of(LEXICAL, IN_A_GAP), new GapFillingExtractor(PRIMARY, SECONDARY, 0.5).extract(EARS));
        assertEquals(List.of(LEXICAL, UNSURE_IN_A_GAP, IN_A_GAP), new GapFillingExtractor(PRIMARY, SECONDARY, 0).extract(EARS));
    }

    @Test
    void asACascadeTheSecondaryReadsOnlyTheObservationsWithGaps() {
        Observation covered = Observation.of("o2", "EARS: low set");
        List<String> read = new ArrayList<>();
        MentionExtractor secondary = new MentionExtractor() {
            @Override
            public List<Mention> extract(Observation observation) {
                return extractAll(List.of(observation)).get(0);
            }

            @Override
            public List<List<Mention>> extractAll(List<Observation> observations) {
                observations.forEach(o -> read.add(o.id()));
                return observations.stream().map(SECONDARY::extract).toList();
            }
        };
        TextCoverage gapsOnlyInLongTexts = (observation, mentions) -> observation.text().length() > 20;

        List<List<Mention>> found = new GapFillingExtractor(PRIMARY, secondary, 0.5, gapsOnlyInLongTexts).extractAll(List.of(covered, EARS));

        assertEquals(List.of(List.of(LEXICAL), List.of(LEXICAL, IN_A_GAP)), found);
        assertEquals(List.of("o1"), read, "the secondary is not run on an observation without gaps");
    }

    @Test
    void refusesAThresholdOutsideScores() {
        assertThrows(IllegalArgumentException.class, () -> new GapFillingExtractor(PRIMARY, SECONDARY, 1.5));
    }
}
