package org.hpolink.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTableTest {

    private static final Evaluation WITH_SPANS = Bc8Scorer.score(HandMadeExample.gold(), HandMadeExample.predictions());

    @Test
    void rendersTheMetricsAsFixedWidthText() {
        assertEquals("""
                metric              P       R      F1  TP  FP  FN
                normalization  0.6875  0.7333  0.7097  11   5   4
                exact          0.5000  0.3333  0.4000   5   5  10
                overlap        0.6429  0.6000  0.6207   9   5   6
                """, EvaluationTable.metrics(WITH_SPANS).text());
    }

    @Test
    void rendersTheMetricsAsMarkdown() {
        assertEquals("""
                | metric | P | R | F1 | TP | FP | FN |
                |---|---:|---:|---:|---:|---:|---:|
                | normalization | 0.6875 | 0.7333 | 0.7097 | 11 | 5 | 4 |
                | exact | 0.5000 | 0.3333 | 0.4000 | 5 | 5 | 10 |
                | overlap | 0.6429 | 0.6000 | 0.6207 | 9 | 5 | 6 |
                """, EvaluationTable.metrics(WITH_SPANS).markdown());
    }

    @Test
    void aNormalizationOnlyEvaluationHasOneLine() {
        Evaluation e = Bc8Scorer.score(HandMadeExample.gold(), HandMadeExample.predictionsWithoutSpans());
        assertEquals(List.of(new EvaluationTable.Line("normalization", HandMadeExample.NORMALIZATION)),
                EvaluationTable.metrics(e).lines());
        assertThrows(IllegalArgumentException.class, () -> EvaluationTable.sections(e, Metric.EXACT));
    }

    @Test
    void listsEverySectionInNameOrderForOneMetric() {
        EvaluationTable table = EvaluationTable.sections(WITH_SPANS, Metric.EXACT);
        assertEquals(List.of("(none)", "EARS", "EYES", "GENERAL", "HANDS", "HEAD", "MOUTH", "NECK", "SKIN"),
                table.lines().stream().map(EvaluationTable.Line::label).toList());
        List<String> markdown = table.markdown().lines().toList();
        assertEquals("| section (exact) | P | R | F1 | TP | FP | FN |", markdown.get(0));
        assertEquals("| (none) | 0.0000 | 0.0000 | 0.0000 | 0 | 1 | 0 |", markdown.get(2));
        assertEquals("| EARS | 0.8000 | 0.8000 | 0.8000 | 4 | 1 | 1 |", markdown.get(3));
    }
}
