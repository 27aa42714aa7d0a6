package org.hpolink.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.PredictedFinding;
import org.hpolink.corpus.Submission;
import org.junit.jupiter.api.Test;

class HandMadeExampleTest {

    @Test
    void theScorerGivesTheHandComputedCounts() {
        Evaluation e = Bc8Scorer.score(HandMadeExample.gold(), HandMadeExample.predictions());
        assertEquals(HandMadeExample.NORMALIZATION, e.normalization());
        assertEquals(Optional.of(HandMadeExample.EXACT), e.exact());
        assertEquals(Optional.of(HandMadeExample.OVERLAP), e.overlap());
        assertEquals(HandMadeExample.TRUE_NEGATIVES, e.trueNegatives());
        assertEquals(HandMadeExample.OBSERVATIONS, e.observations());
        assertEquals(HandMadeExample.BY_SECTION, e.bySection());
        assertEquals(HandMadeExample.GOLD_SOURCE, e.goldSource());
        assertEquals(HandMadeExample.PREDICTIONS_SOURCE, e.predictionSource());
    }

    @Test
    void theScorerTakesTheHandWorkedDecisions() {
        Evaluation e = Bc8Scorer.score(HandMadeExample.gold(), HandMadeExample.predictions());
        assertEquals(List.of(
                "o01 EXACT 0-4,6-13 'EARS low set' ~ 0-4,6-13 'EARS low set'",
                "o01 EXACT 15-27 'thin helices' ~ 15-27 'thin helices'",
                "o02 MISSED 11-17 'ptosis' ~ -",
                "o02 OVERLAP 22-32 'epicanthus' ~ 18-32 'and epicanthus'",
                "o03 OVERLAP 6-18 'microcephaly' ~ 0-6 'HEAD: '",
                "o04 OVERLAP 6-23 'cafe au lait spot' ~ 19-37 'spot on back, cafe'",
                "o04 ID_ONLY 33-50 'cafe au lait spot' ~ 6-31 'cafe au lait spot on back'",
                "o05 EXACT 12-28 'preauricular pit' ~ 12-28 'preauricular pit'",
                "o05 EXACT 35-51 'preauricular pit' ~ 35-51 'preauricular pit'",
                "o07 SPURIOUS - ~ 10-22 'cleft palate'",
                "o08 MISSED 6-19 'plagiocephaly' ~ -",
                "o08 MISSED 24-37 'brachycephaly' ~ -",
                "o09 SPURIOUS - ~ 10-21 'interactive'",
                "o10 MISSED 6-27 'hypopigmented macules' ~ -",
                "o10 SPURIOUS - ~ 6-27 'hypopigmented macules'",
                "o11 ID_ONLY 7-19,27-39 'clinodactyly fifth finger' ~ 0-5 'HANDS'",
                "o12 OVERLAP 0-4,6-25 'EARS posteriorly rotated' ~ 6-25 'posteriorly rotated'",
                "o12 SPURIOUS - ~ 0-4 'EARS'",
                "o13 EXACT 24-35 'telecanthus' ~ 24-35 'telecanthus'",
                "o13 SPURIOUS - ~ 9-22 'hypertelorism'"),
                e.rows().stream().map(HandMadeExampleTest::describe).toList());
    }

    @Test
    void theNormalizationOnlyFileGivesTheSameNormalizationCounts() {
        Evaluation e = Bc8Scorer.score(HandMadeExample.gold(), HandMadeExample.predictionsWithoutSpans());
        assertEquals(HandMadeExample.NORMALIZATION, e.normalization());
        assertEquals(Optional.empty(), e.exact());
        assertEquals(Optional.empty(), e.overlap());
        assertEquals(HandMadeExample.TRUE_NEGATIVES, e.trueNegatives());
        assertEquals(HandMadeExample.BY_SECTION.keySet(), e.bySection().keySet());
        HandMadeExample.BY_SECTION.forEach((section, counts) ->
                assertEquals(counts.normalization(), e.bySection().get(section).normalization(), section));
    }

    @Test
    void theExpectedSectionsAddUpToTheExpectedTotals() {
        MetricCounts sum = HandMadeExample.BY_SECTION.values().stream().reduce((a, b) -> new MetricCounts(
                a.normalization().plus(b.normalization()),
                Optional.of(a.exact().orElseThrow().plus(b.exact().orElseThrow())),
                Optional.of(a.overlap().orElseThrow().plus(b.overlap().orElseThrow())))).orElseThrow();
        assertEquals(new MetricCounts(HandMadeExample.NORMALIZATION, Optional.of(HandMadeExample.EXACT),
                Optional.of(HandMadeExample.OVERLAP)), sum);
    }

    @Test
    void theGoldTsvHoldsEveryFindingOfTheCorpusAtItsFirstLine() {
        List<String> lines = HandMadeExample.goldTsv().lines().toList();
        assertEquals(HandMadeExample.GOLD_HEADER, lines.get(0));
        Corpus gold = HandMadeExample.gold();
        int rows = 0;
        for (AnnotatedObservation o : gold.observations()) {
            if (o.findings().isEmpty()) {
                assertEquals(String.join("\t", o.id(), o.text(), "NA", "NA", "NA"), lines.get(o.firstLine() - 1));
            }
            for (int i = 0; i < o.findings().size(); i++) {
                Finding f = o.findings().get(i);
                assertEquals(String.join("\t", o.id(), o.text(), f.id().value(), f.isKey() ? "NA" : "X", f.span().toString()),
                        lines.get(o.firstLine() - 1 + i));
            }
            rows += Math.max(1, o.findings().size());
        }
        assertEquals(rows + 1, lines.size());
        assertEquals(HandMadeExample.OBSERVATIONS, gold.size());
    }

    @Test
    void thePredictionTsvHoldsEveryPredictionAtItsLine() {
        assertPredictionLines(HandMadeExample.predictionsTsv(), HandMadeExample.predictions(), HandMadeExample.PREDICTIONS_HEADER);
        assertPredictionLines(HandMadeExample.predictionsTsvWithoutSpans(), HandMadeExample.predictionsWithoutSpans(),
                HandMadeExample.PREDICTIONS_HEADER_WITHOUT_SPANS);
        assertTrue(HandMadeExample.predictions().findingsByObservation().containsKey("d01"), "the decoy is in the predictions");
        assertTrue(HandMadeExample.gold().observations().stream().noneMatch(o -> o.id().equals("d01")), "but not in the gold");
    }

    private static void assertPredictionLines(String tsv, Submission submission, String header) {
        List<String> lines = tsv.lines().toList();
        assertEquals(header, lines.get(0));
        int rows = 0;
        for (var entry : submission.findingsByObservation().entrySet()) {
            for (PredictedFinding p : entry.getValue()) {
                String[] fields = lines.get(p.line() - 1).split("\t", -1);
                assertEquals(entry.getKey(), fields[0]);
                assertEquals(p.id().value(), fields[2]);
                assertEquals(submission.withSpans() ? 4 : 3, fields.length);
                assertEquals(p.span().map(Object::toString), submission.withSpans() ? Optional.of(fields[3]) : Optional.empty());
            }
            rows += Math.max(1, entry.getValue().size());
        }
        assertEquals(rows + 1, lines.size());
    }

    private static String describe(AlignmentRow row) {
        String gold = row.gold().map(g -> g.span() + " '" + row.goldSpanText().orElseThrow() + "'").orElse("-");
        String predicted = row.predicted().map(p -> p.span().orElseThrow() + " '" + row.predictedSpanText().orElseThrow() + "'").orElse("-");
        return row.observationId() + " " + row.verdict() + " " + gold + " ~ " + predicted;
    }
}
