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
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/** The grid's spans; the lexicon's id where it found the same span, else the normalizer's; the lexicon in the gaps. */
class GridFirstEnsembleTest {

    private static final Observation EARS = Observation.of("o1", "EARS: low set, thin helices, cupped");

    private static final MentionExtractor LEXICAL = observation -> List.of(
            new Mention(Span.parse("0-4,6-13"), Optional.of(TinyHpo.LOW_SET_EARS), FindingStatus.KEY, 1, "lexical"),
            new Mention(Span.parse("15-19"), Optional.of(TinyHpo.EAR), FindingStatus.KEY, 1, "lexical"),
            new Mention(Span.parse("29-35"), Optional.of(TinyHpo.EAR), FindingStatus.KEY, 1, "lexical"));
    private static final MentionExtractor GRID = observation -> List.of(
            new Mention(Span.parse("0-4,6-13"), Optional.empty(), FindingStatus.KEY, 0.9, "grid"),
            new Mention(Span.parse("15-27"), Optional.empty(), FindingStatus.KEY, 0.8, "grid"));
    /** Names every mention thin ear helix, so that an id from the lexicon shows. */
    private static final Normalizer NORMALIZER = (observation, mention, k) -> List.of(new Candidate(TinyHpo.THIN_EAR_HELIX, 1));

    @Test
    void theGridsSpansWithTheLexiconsIdsWhereTheSpansAgree() {
        List<Mention> mentions = new GridFirstEnsemble(false, 0.8).extractor(LEXICAL, GRID, NORMALIZER).extract(EARS);
        assertEquals(List.of(
                new Mention(Span.parse("0-4,6-13"), Optional.of(TinyHpo.LOW_SET_EARS), FindingStatus.KEY, 0.9, "grid"),
                new Mention(Span.parse("15-27"), Optional.of(TinyHpo.THIN_EAR_HELIX), FindingStatus.KEY, 0.8, "grid")), mentions);
    }

    @Test
    void theLexiconFillsTheGapsItIsAskedTo() {
        List<Mention> mentions = new GridFirstEnsemble(true, 0.8).extractor(LEXICAL, GRID, NORMALIZER).extract(EARS);
        assertEquals(List.of(Span.parse("0-4,6-13"), Span.parse("15-27"), Span.parse("29-35")), mentions.stream().map(Mention::span).toList());
        assertEquals("lexical", mentions.get(2).source());
    }

    @Test
    void refusesANegativeTrust() {
        assertThrows(IllegalArgumentException.class, () -> new GridFirstEnsemble(true, -1));
    }
}
