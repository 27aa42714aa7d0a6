package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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

/** The lexicon's mentions, the grid's sure ones in its gaps; only mentions without a trusted id are normalized. */
class GapFillingEnsembleTest {

    private static final Observation EARS = Observation.of("o1", "EARS: low set, thin helices, cupped");

    private static final MentionExtractor LEXICAL = observation -> List.of(
            new Mention(Span.parse("0-4,6-13"), Optional.of(TinyHpo.LOW_SET_EARS), FindingStatus.KEY, 1, "lexical"),
            new Mention(Span.parse("29-35"), Optional.of(TinyHpo.EAR), FindingStatus.KEY, 0.5, "lexical"));
    private static final MentionExtractor GRID = observation -> List.of(
            new Mention(Span.parse("6-13"), Optional.empty(), FindingStatus.KEY, 0.95, "grid"),
            new Mention(Span.parse("15-27"), Optional.empty(), FindingStatus.KEY, 0.95, "grid"),
            new Mention(Span.parse("15-19"), Optional.empty(), FindingStatus.KEY, 0.6, "grid"));

    @Test
    void fillsTheGapsWithSureGridMentionsAndNormalizesOnlyWhatLacksATrustedId() {
        List<Span> asked = new ArrayList<>();
        Normalizer normalizer = (observation, mention, k) -> {
            asked.add(mention.span());
            return List.of(new Candidate(TinyHpo.THIN_EAR_HELIX, 1));
        };
        List<Mention> mentions = new GapFillingEnsemble(0.9, 0.8).extractor(LEXICAL, GRID, normalizer).extract(EARS);

        assertEquals(List.of(
                new Mention(Span.parse("0-4,6-13"), Optional.of(TinyHpo.LOW_SET_EARS), FindingStatus.KEY, 1, "lexical"),
                new Mention(Span.parse("15-27"), Optional.of(TinyHpo.THIN_EAR_HELIX), FindingStatus.KEY, 0.95, "grid"),
                new Mention(Span.parse("29-35"), Optional.of(TinyHpo.THIN_EAR_HELIX), FindingStatus.KEY, 0.5, "lexical")), mentions);
        assertEquals(List.of(Span.parse("29-35"), Span.parse("15-27")), asked, "the unsure lexical mention, then the grid's in a gap");
    }
}
