package org.hpolink.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.extract.EnsembleExtractor.Member;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/** Weighted voting over (span, id, status) on hand-made proposals. */
class EnsembleExtractorTest {

    private static final Observation EARS = Observation.of("o1", "EARS: low set, thin helices");

    private static Mention mention(String span, HpoId id, String source) {
        return new Mention(Span.parse(span), Optional.of(id), FindingStatus.KEY, 0.5, source);
    }

    private static final MentionExtractor LEXICAL = o -> List.of(mention("0-4,6-13", TinyHpo.LOW_SET_EARS, "lexical"),
            mention("15-27", TinyHpo.THIN_EAR_HELIX, "lexical"));
    /** Agrees on the helix, gives the ears mention another span, and proposes the helix twice. */
    private static final MentionExtractor GRID = o -> List.of(mention("6-13", TinyHpo.LOW_SET_EARS, "grid"),
            mention("15-27", TinyHpo.THIN_EAR_HELIX, "grid"), mention("15-27", TinyHpo.THIN_EAR_HELIX, "grid"));
    /** Agrees with the lexical extractor on the ears, names the helix mention another id. */
    private static final MentionExtractor LLM = o -> List.of(mention("0-4,6-13", TinyHpo.LOW_SET_EARS, "llm"),
            mention("15-27", TinyHpo.EAR, "llm"));

    private static Mention voted(String span, HpoId id, double share) {
        return new Mention(Span.parse(span), Optional.of(id), FindingStatus.KEY, share, EnsembleExtractor.SOURCE);
    }

    @Test
    void aMentionScoresTheShareOfWeightProposingIt() {
        EnsembleExtractor ensemble = new EnsembleExtractor(List.of(new Member(LEXICAL, 2), new Member(GRID, 1), new Member(LLM, 1)), 0.5);

        // ears 0-4,6-13: lexical + llm = 3/4; helix: lexical + grid (once) = 3/4; 6-13: 1/4; helix as EAR: 1/4
        assertEquals(List.of(voted("0-4,6-13", TinyHpo.LOW_SET_EARS, 0.75), voted("15-27", TinyHpo.THIN_EAR_HELIX, 0.75)),
                ensemble.extract(EARS));
    }

    @Test
    void theThresholdDecidesWhatIsKept() {
        List<Member> equal = List.of(new Member(LEXICAL, 1), new Member(GRID, 1), new Member(LLM, 1));

        assertEquals(4, new EnsembleExtractor(equal, 0.3).extract(EARS).size(), "every proposal has a third");
        assertEquals(List.of(), new EnsembleExtractor(equal, 1).extract(EARS), "no proposal has all three");
        assertEquals(2, new EnsembleExtractor(equal, 0.6).extract(EARS).size());
    }

    @Test
    void aStatusIsPartOfTheVote() {
        MentionExtractor normal = o -> List.of(new Mention(Span.parse("15-27"), Optional.of(TinyHpo.THIN_EAR_HELIX), FindingStatus.NORMAL,
                0.5, "other"));
        List<Mention> mentions = new EnsembleExtractor(List.of(new Member(GRID, 1), new Member(normal, 1)), 0.5).extract(EARS);

        assertEquals(3, mentions.size(), "ears 6-13, the helix as key and as normal: " + mentions);
    }

    @Test
    void refusesNoMembersABadWeightOrABadThreshold() {
        assertThrows(IllegalArgumentException.class, () -> new EnsembleExtractor(List.of(), 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Member(LEXICAL, 0));
        assertThrows(IllegalArgumentException.class, () -> new EnsembleExtractor(List.of(new Member(LEXICAL, 1)), 0));
        assertThrows(IllegalArgumentException.class, () -> new EnsembleExtractor(List.of(new Member(LEXICAL, 1)), 1.5));
    }
}
