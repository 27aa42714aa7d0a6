package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Fold;
import org.hpolink.eval.Counts;
import org.hpolink.eval.Evaluation;
import org.hpolink.eval.Metric;
import org.hpolink.eval.MetricCounts;
import org.hpolink.extract.lexical.LexicalFixtures;
import org.hpolink.extract.lexical.LexicalTrainer;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    private static final Corpus CORPUS = LexicalFixtures.corpus();

    private static final CrossValidation.Trainer LEXICAL = (part, fold) -> ExtractionPipeline.lexical(
            new LexicalTrainer(LexicalFixtures.CONFIG).train(part, LexicalFixtures.hpo(), fold.describe()), LexicalFixtures.hpo());

    @Test
    void thePooledCountsAreTheSumOfTheFoldCounts() {
        CrossValidation.Result result = CrossValidation.run(CORPUS, 4, 17, LEXICAL);

        assertEquals(4, result.folds().size());
        for (Metric metric : Metric.values()) {
            Counts sum = Counts.ZERO;
            for (Evaluation fold : result.folds()) {
                sum = sum.plus(fold.total().get(metric).orElseThrow());
            }
            assertEquals(result.pooled().total().get(metric).orElseThrow(), sum, metric.label());
        }
        assertEquals(CORPUS.size(), result.pooled().observations());
        assertEquals(CORPUS.size(), result.folds().stream().mapToInt(Evaluation::observations).sum());
        assertEquals(result.pooled().trueNegatives(), result.folds().stream().mapToInt(Evaluation::trueNegatives).sum());
        Counts normalization = result.pooled().normalization();
        assertTrue(normalization.tp() > 0 && normalization.fn() > 0, "the folds both find and miss findings: " + normalization);
    }

    @Test
    void eachFoldTrainsOnTheRestAndIsScoredOnItself() {
        List<Fold> seen = new ArrayList<>();
        CrossValidation.Result result = CrossValidation.run(CORPUS, 3, 5, (part, fold) -> {
            seen.add(fold);
            assertEquals(fold.train(), part);
            return LEXICAL.apply(part, fold);
        });

        assertEquals(Fold.split(CORPUS, 3, 5), seen);
        for (int f = 0; f < 3; f++) {
            assertEquals(seen.get(f).test().size(), result.folds().get(f).observations());
            assertEquals("fold " + (f + 1), result.folds().get(f).predictionSource());
        }
        assertEquals("3-fold predictions", result.pooled().predictionSource());
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        MetricCounts first = CrossValidation.run(CORPUS, 3, 17, LEXICAL).pooled().total();
        MetricCounts second = CrossValidation.run(CORPUS, 3, 17, LEXICAL).pooled().total();

        assertEquals(first, second);
        assertTrue(first.withSpans());
    }
}
