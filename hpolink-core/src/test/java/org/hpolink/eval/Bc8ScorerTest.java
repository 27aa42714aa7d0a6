package org.hpolink.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.PredictedFinding;
import org.hpolink.corpus.Submission;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class Bc8ScorerTest {

    private static final String A = "HP:0000369";
    private static final String B = "HP:0000286";
    /** Long enough for every span below; the header makes the section EYES. */
    private static final String TEXT = "EYES: abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz";

    // ---- the three passes ----

    @Test
    void identicalSpansAreExactInAllThreeMetrics() {
        Evaluation e = scoreOne(List.of(key(A, "6-13")), List.of(p(A, "6-13")));
        assertVerdicts(e, Verdict.EXACT);
        assertCounts(e, new Counts(1, 0, 0), new Counts(1, 0, 0), new Counts(1, 0, 0));
    }

    @Test
    void exactNeedsTheIdenticalSpanNotJustAnOverlappingOne() {
        Evaluation e = scoreOne(List.of(key(A, "0-4,6-13")), List.of(p(A, "0-13")));
        assertVerdicts(e, Verdict.OVERLAP);
        assertCounts(e, new Counts(1, 0, 0), new Counts(0, 0, 1), new Counts(1, 0, 0));
    }

    @Test
    void exactNeedsTheSameId() {
        Evaluation e = scoreOne(List.of(key(A, "6-13")), List.of(p(B, "6-13")));
        assertVerdicts(e, Verdict.MISSED, Verdict.SPURIOUS);
        assertCounts(e, new Counts(0, 1, 1), new Counts(0, 1, 1), new Counts(0, 1, 1));
    }

    @Test
    void theExactPassRunsOverAllGoldBeforeTheOverlapPass() {
        // Gold order alone would pair G1 with P1 by overlap and leave G2 with P2: both exact matches are kept instead.
        PredictedFinding p1 = p(A, "11-21");
        PredictedFinding p2 = p(A, "6-16");
        Evaluation e = scoreOne(List.of(key(A, "6-16"), key(A, "11-21")), List.of(p1, p2));
        assertVerdicts(e, Verdict.EXACT, Verdict.EXACT);
        assertSame(p2, e.rows().get(0).predicted().orElseThrow());
        assertSame(p1, e.rows().get(1).predicted().orElseThrow());
    }

    @Test
    void theOverlapPassRunsOverAllGoldBeforeTheAnywherePass() {
        // G1's only same-id prediction overlaps G2, not G1; in gold order G1 would take it anywhere-style first.
        PredictedFinding far = p(A, "30-35");
        Evaluation e = scoreOne(List.of(key(A, "6-10"), key(A, "28-33")), List.of(far));
        assertVerdicts(e, Verdict.MISSED, Verdict.OVERLAP);
        assertSame(far, e.rows().get(1).predicted().orElseThrow());
    }

    @Test
    void rightIdWithSeparateSpansCountsForNormalizationOnly() {
        Evaluation e = scoreOne(List.of(key(A, "6-10")), List.of(p(A, "20-25")));
        assertVerdicts(e, Verdict.ID_ONLY);
        assertCounts(e, new Counts(1, 0, 0), new Counts(0, 0, 1), new Counts(0, 0, 1));
    }

    @Test
    void theAnywherePassTakesTheFirstRemainingPredictionOfTheId() {
        PredictedFinding first = p(A, "40-45");
        Evaluation e = scoreOne(List.of(key(A, "6-10")), List.of(p(B, "6-10"), first, p(A, "50-55")));
        assertVerdicts(e, Verdict.ID_ONLY, Verdict.SPURIOUS, Verdict.SPURIOUS);
        assertSame(first, e.rows().get(0).predicted().orElseThrow());
    }

    @Test
    void theOverlapPassConsumesOnlyOnePrediction() {
        Evaluation e = scoreOne(List.of(key(A, "6-26")), List.of(p(A, "6-11"), p(A, "16-21")));
        assertVerdicts(e, Verdict.OVERLAP, Verdict.SPURIOUS);
        assertCounts(e, new Counts(1, 1, 0), new Counts(0, 1, 1), new Counts(1, 1, 0));
    }

    // ---- the overlap tie-break ----

    @Test
    void equalOverlapSizesKeepTheFirstCandidate() {
        PredictedFinding first = p(A, "5-12"); // 12 - 10 + 1 = 3
        PredictedFinding later = p(A, "18-25"); // 20 - 18 + 1 = 3
        Evaluation e = scoreOne(List.of(key(A, "10-20")), List.of(first, later));
        assertVerdicts(e, Verdict.OVERLAP, Verdict.SPURIOUS);
        assertSame(first, e.rows().get(0).predicted().orElseThrow());
    }

    @Test
    void aLaterCandidateWithAStrictlySmallerOverlapWins() {
        PredictedFinding first = p(A, "5-15"); // 15 - 10 + 1 = 6
        PredictedFinding later = p(A, "18-25"); // 20 - 18 + 1 = 3
        Evaluation e = scoreOne(List.of(key(A, "10-20")), List.of(first, later));
        assertVerdicts(e, Verdict.OVERLAP, Verdict.SPURIOUS);
        assertSame(later, e.rows().get(0).predicted().orElseThrow());
    }

    @Test
    void aLaterCandidateWithALargerOverlapLoses() {
        PredictedFinding first = p(A, "18-25"); // 3
        PredictedFinding later = p(A, "5-15"); // 6
        Evaluation e = scoreOne(List.of(key(A, "10-20")), List.of(first, later));
        assertSame(first, e.rows().get(0).predicted().orElseThrow());
    }

    @Test
    void theOverlapSizeSumsOverAllSegmentPairs() {
        // The first candidate overlaps the gold in two segment pairs of 3, so 6; the later one in one pair of 4.
        PredictedFinding twoPairs = p(A, "2-4,6-8");
        PredictedFinding onePair = p(A, "0-3");
        Evaluation e = scoreOne(List.of(key(A, "0-4,6-13")), List.of(twoPairs, onePair));
        assertSame(onePair, e.rows().get(0).predicted().orElseThrow());
    }

    @Test
    void theTieBreakCanCostALaterGoldFindingItsOverlap() {
        // G1 overlaps P1 by 18 and P2 by 5, so takes P2; P2 was G2's only overlapping prediction.
        Evaluation e = scoreOne(List.of(key(A, "6-23"), key(A, "33-50")), List.of(p(A, "6-31"), p(A, "19-37")));
        assertVerdicts(e, Verdict.OVERLAP, Verdict.ID_ONLY);
        assertCounts(e, new Counts(2, 0, 0), new Counts(0, 0, 2), new Counts(1, 0, 1));
    }

    // ---- inclusive overlap on end-exclusive offsets ----

    @Test
    void touchingSpansOverlap() {
        assertTrue(Bc8Scorer.officialOverlap(Span.parse("0-4"), Span.parse("4-8")));
        assertTrue(Bc8Scorer.officialOverlap(Span.parse("4-8"), Span.parse("0-4")));
        assertEquals(1, Bc8Scorer.officialOverlapSize(Span.parse("0-4"), Span.parse("4-8")));
        Evaluation e = scoreOne(List.of(key(A, "6-18")), List.of(p(A, "0-6")));
        assertVerdicts(e, Verdict.OVERLAP);
        assertCounts(e, new Counts(1, 0, 0), new Counts(0, 0, 1), new Counts(1, 0, 0));
    }

    @Test
    void spansOneCharacterApartDoNotOverlap() {
        assertFalse(Bc8Scorer.officialOverlap(Span.parse("0-4"), Span.parse("5-8")));
        assertEquals(0, Bc8Scorer.officialOverlapSize(Span.parse("0-4"), Span.parse("5-8")));
        assertVerdicts(scoreOne(List.of(key(A, "6-18")), List.of(p(A, "0-5"))), Verdict.ID_ONLY);
    }

    @Test
    void overlapSizeIsInclusive() {
        assertEquals(5, Bc8Scorer.officialOverlapSize(Span.parse("0-4"), Span.parse("0-4")));
        assertEquals(5, Bc8Scorer.officialOverlapSize(Span.parse("0-4,6-13"), Span.parse("0-4,20-25")));
        assertEquals(5 + 8, Bc8Scorer.officialOverlapSize(Span.parse("0-4,6-13"), Span.parse("0-4,6-13")));
        // 0-4 touches 4-6 (1), and 4-6 touches 6-13 (1)
        assertEquals(2, Bc8Scorer.officialOverlapSize(Span.parse("0-4,6-13"), Span.parse("4-6")));
    }

    // ---- discontinuous spans ----

    @Test
    void discontinuousSpansMatchExactlyOnlyWithAllTheirSegments() {
        assertVerdicts(scoreOne(List.of(key(A, "0-4,6-13")), List.of(p(A, "0-4,6-13"))), Verdict.EXACT);
        assertVerdicts(scoreOne(List.of(key(A, "0-4,6-13")), List.of(p(A, "6-13"))), Verdict.OVERLAP);
        assertVerdicts(scoreOne(List.of(key(A, "0-4,6-13")), List.of(p(A, "0-4,6-10"))), Verdict.OVERLAP);
        assertVerdicts(scoreOne(List.of(key(A, "7-10,20-25")), List.of(p(A, "12-16"))), Verdict.ID_ONLY);
    }

    // ---- repeated ids ----

    @Test
    void aRepeatedGoldIdNeedsOnePredictionEach() {
        Evaluation e = scoreOne(List.of(key(A, "6-10"), key(A, "20-25")), List.of(p(A, "20-25")));
        assertVerdicts(e, Verdict.MISSED, Verdict.EXACT);
        assertCounts(e, new Counts(1, 0, 1), new Counts(1, 0, 1), new Counts(1, 0, 1));
    }

    @Test
    void aRepeatedPredictedIdIsSpuriousOnceTheGoldIsTaken() {
        Evaluation e = scoreOne(List.of(key(A, "6-10")), List.of(p(A, "6-10"), p(A, "20-25")));
        assertVerdicts(e, Verdict.EXACT, Verdict.SPURIOUS);
        assertCounts(e, new Counts(1, 1, 0), new Counts(1, 1, 0), new Counts(1, 1, 0));
    }

    // ---- one side empty, both empty ----

    @Test
    void goldWithoutPredictionsIsMissedInAllThree() {
        Evaluation e = scoreOne(List.of(key(A, "6-10"), key(B, "12-16")), List.of());
        assertVerdicts(e, Verdict.MISSED, Verdict.MISSED);
        assertCounts(e, new Counts(0, 0, 2), new Counts(0, 0, 2), new Counts(0, 0, 2));
        assertEquals(0, e.trueNegatives());
    }

    @Test
    void predictionsWithoutGoldAreSpuriousInAllThree() {
        Evaluation e = scoreOne(List.of(), List.of(p(A, "6-10"), p(B, "12-16")));
        assertVerdicts(e, Verdict.SPURIOUS, Verdict.SPURIOUS);
        assertCounts(e, new Counts(0, 2, 0), new Counts(0, 2, 0), new Counts(0, 2, 0));
        assertEquals(0, e.trueNegatives());
    }

    @Test
    void trueNegativesAreCountedButLeaveTheScoresAlone() {
        Corpus gold = corpus(observation("o1", TEXT, key(A, "6-10")), observation("o2", "NECK: supple"),
                observation("o3", "EARS: normal"));
        Evaluation e = Bc8Scorer.score(gold, new Submissions(true)
                .predict("o1", p(A, "6-10"), p(B, "12-16")).na("o2").na("o3").build());
        assertEquals(2, e.trueNegatives());
        assertEquals(3, e.observations());
        assertEquals(2, e.rows().size());
        assertCounts(e, new Counts(1, 1, 0), new Counts(1, 1, 0), new Counts(1, 1, 0));
        assertEquals(0.5, e.normalization().precision());
        assertEquals(1.0, e.normalization().recall());
    }

    // ---- which findings count ----

    @Test
    void normalGoldFindingsAreDroppedSoPredictingOneIsSpurious() {
        Finding normal = Finding.normal(HpoId.of(B), Span.parse("12-16"));
        Evaluation e = scoreOne(List.of(key(A, "6-10"), normal), List.of(p(A, "6-10"), p(B, "12-16")));
        assertVerdicts(e, Verdict.EXACT, Verdict.SPURIOUS);
        assertCounts(e, new Counts(1, 1, 0), new Counts(1, 1, 0), new Counts(1, 1, 0));
    }

    @Test
    void anObservationWithOnlyANormalFindingAndNoPredictionIsATrueNegative() {
        Evaluation e = scoreOne(List.of(Finding.normal(HpoId.of(B), Span.parse("12-16"))), List.of());
        assertEquals(1, e.trueNegatives());
        assertTrue(e.rows().isEmpty());
    }

    @Test
    void predictionsForObservationsOutsideTheGoldAreIgnored() {
        Corpus gold = corpus(observation("o1", TEXT, key(A, "6-10")));
        Evaluation e = Bc8Scorer.score(gold, new Submissions(true)
                .predict("decoy", p(A, "6-10"), p(B, "0-4")).predict("o1", p(A, "6-10")).build());
        assertCounts(e, new Counts(1, 0, 0), new Counts(1, 0, 0), new Counts(1, 0, 0));
        assertTrue(e.rows().stream().noneMatch(r -> r.observationId().equals("decoy")));
    }

    @Test
    void aGoldObservationMissingFromTheSubmissionIsRejected() {
        Corpus gold = corpus(observation("o1", TEXT, key(A, "6-10")), observation("o2", "NECK: supple"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Bc8Scorer.score(gold, new Submissions(true).predict("o1", p(A, "6-10")).build()));
        assertTrue(error.getMessage().contains("o2"), error.getMessage());
        assertTrue(error.getMessage().contains("predictions.tsv"), error.getMessage());
    }

    @Test
    void aPredictionWithoutSpansInASubmissionWithSpansIsRejected() {
        PredictedFinding noSpan = new PredictedFinding(HpoId.of(A), Optional.empty(), 7);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> scoreOne(List.of(key(A, "6-10")), List.of(noSpan)));
        assertTrue(error.getMessage().contains("line 7"), error.getMessage());
    }

    @Test
    void aPredictedSpanPastTheTextIsRejected() {
        PredictedFinding tooLong = new PredictedFinding(HpoId.of(A), Optional.of(Span.parse("6-99")), 4);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> scoreOne(List.of(key(A, "6-10")), List.of(tooLong)));
        assertTrue(error.getMessage().contains("line 4") && error.getMessage().contains("6-99"), error.getMessage());
    }

    // ---- normalization only ----

    @Test
    void withoutSpansEachGoldTakesTheFirstRemainingPredictionOfItsId() {
        PredictedFinding first = idOnly(A);
        Corpus gold = corpus(observation("o1", TEXT, key(A, "6-10"), key(B, "12-16"), key(A, "20-25")));
        Evaluation e = Bc8Scorer.score(gold, new Submissions(false).predict("o1", idOnly(B), first, idOnly(B)).build());
        assertFalse(e.withSpans());
        assertEquals(Optional.empty(), e.exact());
        assertEquals(Optional.empty(), e.overlap());
        assertVerdicts(e, Verdict.NORMALIZED, Verdict.NORMALIZED, Verdict.MISSED, Verdict.SPURIOUS);
        assertSame(first, e.rows().get(0).predicted().orElseThrow());
        assertEquals(new Counts(2, 1, 1), e.normalization());
        assertTrue(e.bySection().values().stream().noneMatch(MetricCounts::withSpans));
    }

    @Test
    void normalizationOnlyIgnoresSpansThePredictionsHappenToCarry() {
        Corpus gold = corpus(observation("o1", TEXT, key(A, "6-10")));
        Evaluation e = Bc8Scorer.score(gold, new Submissions(false).predict("o1", p(A, "30-35")).build());
        assertVerdicts(e, Verdict.NORMALIZED);
    }

    // ---- layout of the result ----

    @Test
    void rowsFollowObservationThenGoldThenLeftoverPredictionOrder() {
        Corpus gold = corpus(
                observation("o1", TEXT, key(A, "6-10"), key(B, "12-16")),
                observation("o2", "NECK: supple"),
                observation("o3", TEXT, key(B, "6-10")));
        PredictedFinding spuriousFirst = p(A, "40-45");
        PredictedFinding spuriousSecond = p(B, "50-55");
        Evaluation e = Bc8Scorer.score(gold, new Submissions(true)
                .predict("o3", p(A, "6-10"))
                .predict("o1", spuriousFirst, p(B, "12-16"), p(A, "6-10"), spuriousSecond)
                .na("o2").build());
        assertEquals(List.of("o1", "o1", "o1", "o1", "o3", "o3"), e.rows().stream().map(AlignmentRow::observationId).toList());
        assertVerdicts(e, Verdict.EXACT, Verdict.EXACT, Verdict.SPURIOUS, Verdict.SPURIOUS, Verdict.MISSED, Verdict.SPURIOUS);
        assertSame(spuriousFirst, e.rows().get(2).predicted().orElseThrow());
        assertSame(spuriousSecond, e.rows().get(3).predicted().orElseThrow());
        assertEquals("abcd", e.rows().get(0).goldSpanText().orElseThrow());
        assertEquals("EYES", e.rows().get(0).section());
    }

    @Test
    void everyGoldSectionIsBrokenDownAndTheSectionsAddUpToTheTotals() {
        Corpus gold = corpus(
                observation("o1", TEXT, key(A, "6-10")),
                observation("o2", "NECK: supple"),
                observation("o3", "no header here", key(B, "0-2")),
                observation("o4", "EARS: low set", key(A, "0-4,6-13")));
        Evaluation e = Bc8Scorer.score(gold, new Submissions(true)
                .predict("o1", p(A, "6-12"), p(B, "0-4")).na("o2").predict("o3", p(B, "0-2")).na("o4").build());
        assertEquals(List.of("", "EARS", "EYES", "NECK"), List.copyOf(e.bySection().keySet()));
        assertEquals(new MetricCounts(Counts.ZERO, Optional.of(Counts.ZERO), Optional.of(Counts.ZERO)), e.bySection().get("NECK"));
        assertEquals(new MetricCounts(new Counts(1, 1, 0), Optional.of(new Counts(0, 1, 1)), Optional.of(new Counts(1, 1, 0))),
                e.bySection().get("EYES"));
        Bc8ScorerPropertiesTest.assertSectionsAddUp(e);
    }

    // ---- helpers ----

    static Evaluation scoreOne(List<Finding> gold, List<PredictedFinding> predicted) {
        Corpus corpus = corpus(new AnnotatedObservation(Observation.of("o1", TEXT), gold, 2));
        return Bc8Scorer.score(corpus, new Submissions(true).predict("o1", predicted.toArray(PredictedFinding[]::new)).build());
    }

    private static void assertVerdicts(Evaluation e, Verdict... expected) {
        assertEquals(Arrays.asList(expected), e.rows().stream().map(AlignmentRow::verdict).toList());
    }

    private static void assertCounts(Evaluation e, Counts normalization, Counts exact, Counts overlap) {
        assertEquals(normalization, e.normalization(), "normalization");
        assertEquals(Optional.of(exact), e.exact(), "exact");
        assertEquals(Optional.of(overlap), e.overlap(), "overlap");
    }

    static Finding key(String id, String spans) {
        return Finding.key(HpoId.of(id), Span.parse(spans));
    }

    static PredictedFinding p(String id, String spans) {
        return new PredictedFinding(HpoId.of(id), Optional.of(Span.parse(spans)), 0);
    }

    private static PredictedFinding idOnly(String id) {
        return new PredictedFinding(HpoId.of(id), Optional.empty(), 0);
    }

    static AnnotatedObservation observation(String id, String text, Finding... findings) {
        return new AnnotatedObservation(Observation.of(id, text), List.of(findings), 2);
    }

    static Corpus corpus(AnnotatedObservation... observations) {
        return new Corpus("gold.tsv", "0".repeat(64), List.of(observations));
    }

    /** Builds a submission observation by observation, in call order. */
    static final class Submissions {

        private final boolean withSpans;
        private final Map<String, List<PredictedFinding>> byObservation = new LinkedHashMap<>();

        Submissions(boolean withSpans) {
            this.withSpans = withSpans;
        }

        Submissions predict(String observationId, PredictedFinding... findings) {
            byObservation.put(observationId, List.of(findings));
            return this;
        }

        Submissions na(String observationId) {
            return predict(observationId);
        }

        Submission build() {
            return new Submission("predictions.tsv", withSpans, byObservation);
        }
    }
}
