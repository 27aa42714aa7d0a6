package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.extract.EnsembleExtractor;
import org.hpolink.extract.Mention;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.normalize.Candidate;
import org.hpolink.normalize.Normalizer;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/** The lexicon's unsure mentions and all the grid's take the normalizer's id before the members vote. */
class VotingEnsembleTest {

    private static final Observation EARS = Observation.of("o1", "EARS: low set, thin helices");

    private static final MentionExtractor LEXICAL = observation -> List.of(
            new Mention(Span.parse("0-4,6-13"), Optional.of(TinyHpo.LOW_SET_EARS), FindingStatus.KEY, 0.9, "lexical"),
            new Mention(Span.parse("15-27"), Optional.of(TinyHpo.EAR), FindingStatus.KEY, 0.3, "lexical"));
    private static final MentionExtractor GRID = observation -> List.of(
            new Mention(Span.parse("15-27"), Optional.empty(), FindingStatus.KEY, 0.8, "grid"),
            new Mention(Span.parse("6-13"), Optional.empty(), FindingStatus.KEY, 0.6, "grid"));
    private static final Normalizer NORMALIZER = (observation, mention, k) -> List.of(new Candidate(
            mention.span().start() == 15 ? TinyHpo.THIN_EAR_HELIX : TinyHpo.LOW_SET_EARS, 1));

    private static List<Span> spans(VotingEnsemble setting) {
        EnsembleExtractor ensemble = setting.extractor(LEXICAL, GRID, NORMALIZER);
        return ensemble.extract(EARS).stream().map(Mention::span).toList();
    }

    @Test
    void aUnionKeepsEitherMembersMentionsAndBothMembersAgreeAfterNormalization() {
        EnsembleExtractor ensemble = VotingEnsemble.UNION.extractor(LEXICAL, GRID, NORMALIZER);
        List<Mention> mentions = ensemble.extract(EARS);

        assertEquals(List.of(Span.parse("0-4,6-13"), Span.parse("6-13"), Span.parse("15-27")), mentions.stream().map(Mention::span).toList());
        Mention agreed = mentions.get(2);
        assertEquals(Optional.of(TinyHpo.THIN_EAR_HELIX), agreed.id(), "the unsure lexical id was replaced, so both members agree");
        assertEquals(1.0, agreed.score());
    }

    @Test
    void aThresholdOfOneKeepsWhatBothPropose() {
        assertEquals(List.of(Span.parse("15-27")), spans(new VotingEnsemble(1, 1, 1, 0.8)));
    }

    @Test
    void refusesWeightsAndThresholdsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new VotingEnsemble(0, 1, 0.5, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new VotingEnsemble(1, Double.POSITIVE_INFINITY, 0.5, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new VotingEnsemble(1, 1, 0, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new VotingEnsemble(1, 1, 0.5, -1));
    }
}
