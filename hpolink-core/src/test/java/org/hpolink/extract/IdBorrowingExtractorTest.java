package org.hpolink.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/** A mention without an id takes the id of the other extractor's mention of the same span and status, nothing else. */
class IdBorrowingExtractorTest {

    private static final Observation EARS = Observation.of("o1", "EARS: low set, thin helices");

    private static Mention mention(String span, Optional<HpoId> id, FindingStatus status, double score, String source) {
        return new Mention(Span.parse(span), id, status, score, source);
    }

    @Test
    void borrowsTheIdOfTheSameSpanAndStatusOnly() {
        Mention sameSpan = mention("0-4,6-13", Optional.empty(), FindingStatus.KEY, 0.9, "grid");
        Mention otherSpan = mention("15-27", Optional.empty(), FindingStatus.KEY, 0.8, "grid");
        Mention otherStatus = mention("6-13", Optional.empty(), FindingStatus.NORMAL, 0.7, "grid");
        Mention hasItsOwn = mention("0-4,15-27", Optional.of(TinyHpo.EAR), FindingStatus.KEY, 0.6, "grid");
        MentionExtractor grid = observation -> List.of(sameSpan, otherSpan, otherStatus, hasItsOwn);
        MentionExtractor lexical = observation -> List.of(
                mention("0-4,6-13", Optional.of(TinyHpo.LOW_SET_EARS), FindingStatus.KEY, 1, "lexical"),
                mention("15-26", Optional.of(TinyHpo.EAR), FindingStatus.KEY, 1, "lexical"),
                mention("6-13", Optional.of(TinyHpo.EAR), FindingStatus.KEY, 1, "lexical"),
                mention("0-4,15-27", Optional.of(TinyHpo.LOW_SET_EARS), FindingStatus.KEY, 1, "lexical"));
        assertEquals(List.of(mention("0-4,6-13", Optional.of(TinyHpo.LOW_SET_EARS), FindingStatus.KEY, 0.9, "grid"), otherSpan, otherStatus,
                hasItsOwn), new IdBorrowingExtractor(grid, lexical).extract(EARS));
    }
}
