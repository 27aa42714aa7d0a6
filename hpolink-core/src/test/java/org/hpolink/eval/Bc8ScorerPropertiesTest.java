package org.hpolink.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.corpus.PredictedFinding;
import org.hpolink.corpus.Submission;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;

/** Invariants of the official scoring rules, on random small corpora with few ids so that ids repeat often. */
class Bc8ScorerPropertiesTest {

    /** Random observations with spans up to offset 30 in a text of 40+ characters; ids drawn from three. */
    record Case(Corpus gold, Submission withSpans, Submission withoutSpans) {
    }

    private record Generated(String section, List<Finding> gold, List<PredictedFinding> predicted, boolean inGold) {
    }

    @Property(tries = 300)
    void everyGoldFindingIsCountedOnceInEachMetricAndEveryPredictionInNormalization(@ForAll("cases") Case c) {
        Evaluation e = Bc8Scorer.score(c.gold(), c.withSpans());
        int keys = c.gold().observations().stream().mapToInt(o -> o.keyFindings().size()).sum();
        int predictions = c.gold().observations().stream().mapToInt(o -> c.withSpans().findings(o.id()).size()).sum();
        for (Metric metric : Metric.values()) {
            Counts counts = e.total().get(metric).orElseThrow();
            assertEquals(keys, counts.tp() + counts.fn(), metric.label() + " TP + FN");
        }
        // A prediction taken with wrong spans is an exact FN, not an exact FP: only normalization sees every prediction.
        assertEquals(predictions, e.normalization().tp() + e.normalization().fp(), "normalization TP + FP");
        long trueNegatives = c.gold().observations().stream()
                .filter(o -> o.keyFindings().isEmpty() && c.withSpans().findings(o.id()).isEmpty()).count();
        assertEquals(trueNegatives, e.trueNegatives());
    }

    @Property(tries = 300)
    void wrongSpansOnlyHurtRecallSoFalsePositivesAgreeAcrossMetrics(@ForAll("cases") Case c) {
        Evaluation e = Bc8Scorer.score(c.gold(), c.withSpans());
        assertEquals(e.normalization().fp(), e.exact().orElseThrow().fp());
        assertEquals(e.normalization().fp(), e.overlap().orElseThrow().fp());
        assertTrue(e.exact().orElseThrow().tp() <= e.overlap().orElseThrow().tp());
        assertTrue(e.overlap().orElseThrow().tp() <= e.normalization().tp());
    }

    @Property(tries = 300)
    void normalizationOnlyGivesTheSameNormalizationCounts(@ForAll("cases") Case c) {
        Evaluation withSpans = Bc8Scorer.score(c.gold(), c.withSpans());
        Evaluation withoutSpans = Bc8Scorer.score(c.gold(), c.withoutSpans());
        assertEquals(withSpans.normalization(), withoutSpans.normalization());
        assertEquals(withSpans.trueNegatives(), withoutSpans.trueNegatives());
        assertEquals(withSpans.bySection().keySet(), withoutSpans.bySection().keySet());
        withSpans.bySection().forEach((section, counts) ->
                assertEquals(counts.normalization(), withoutSpans.bySection().get(section).normalization(), section));
    }

    @Property(tries = 300)
    void sectionsAddUpToTheTotals(@ForAll("cases") Case c) {
        assertSectionsAddUp(Bc8Scorer.score(c.gold(), c.withSpans()));
        assertSectionsAddUp(Bc8Scorer.score(c.gold(), c.withoutSpans()));
    }

    static void assertSectionsAddUp(Evaluation e) {
        for (Metric metric : Metric.values()) {
            Optional<Counts> sum = e.bySection().values().stream()
                    .map(counts -> counts.get(metric))
                    .reduce(Optional.of(Counts.ZERO), (a, b) -> a.flatMap(x -> b.map(x::plus)));
            assertEquals(e.total().get(metric), e.withSpans() || metric == Metric.NORMALIZATION ? sum : Optional.empty(),
                    metric.label());
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return generated().list().ofMinSize(1).ofMaxSize(6).map(Bc8ScorerPropertiesTest::toCase);
    }

    private static Arbitrary<Generated> generated() {
        Arbitrary<String> ids = Arbitraries.of("HP:0000369", "HP:0000286", "HP:0000508");
        Arbitrary<FindingStatus> status = Arbitraries.frequency(Tuple.of(4, FindingStatus.KEY), Tuple.of(1, FindingStatus.NORMAL));
        Arbitrary<Finding> gold = Combinators.combine(ids, spans(), status).as((id, span, s) -> new Finding(HpoId.of(id), span, s));
        Arbitrary<PredictedFinding> predicted = Combinators.combine(ids, spans())
                .as((id, span) -> new PredictedFinding(HpoId.of(id), Optional.of(span), 0));
        return Combinators.combine(
                        Arbitraries.of("EYES: ", "EARS: ", ""),
                        gold.list().ofMaxSize(4),
                        predicted.list().ofMaxSize(4),
                        Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false)))
                .as(Generated::new);
    }

    /** One or two segments from distinct sorted offsets, so never touching. */
    private static Arbitrary<Span> spans() {
        return Arbitraries.integers().between(0, 30).set().ofMinSize(2).ofMaxSize(4).map(offsets -> {
            List<Integer> sorted = offsets.stream().sorted().toList();
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i + 1 < sorted.size(); i += 2) {
                segments.add(new Segment(sorted.get(i), sorted.get(i + 1)));
            }
            return new Span(segments);
        });
    }

    private static Case toCase(List<Generated> generated) {
        List<AnnotatedObservation> observations = new ArrayList<>();
        Map<String, List<PredictedFinding>> withSpans = new LinkedHashMap<>();
        Map<String, List<PredictedFinding>> withoutSpans = new LinkedHashMap<>();
        for (int i = 0; i < generated.size(); i++) {
            Generated g = generated.get(i);
            String id = (g.inGold() ? "o" : "decoy") + i;
            if (g.inGold()) {
                observations.add(new AnnotatedObservation(Observation.of(id, g.section() + "x".repeat(40)), g.gold(), i + 2));
            }
            withSpans.put(id, g.predicted());
            withoutSpans.put(id, g.predicted().stream()
                    .map(p -> new PredictedFinding(p.id(), Optional.empty(), p.line())).toList());
        }
        return new Case(new Corpus("gold.tsv", "0".repeat(64), observations),
                new Submission("predictions.tsv", true, withSpans),
                new Submission("predictions.tsv", false, withoutSpans));
    }
}
