package org.hpolink.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hpolink.RealDataFolder;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.CorpusStats;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.PredictedFinding;
import org.hpolink.corpus.Submission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worked check of {@code bc8-scoring.md} on the real training file (needs {@code HPOLINK_DATA}): scored against
 * itself with its normal findings left in the predictions, it gives recall 1 and exactly its 329 normal findings as
 * false positives in every metric.
 */
class WorkedCheckIT {

    private static final int KEY_FINDINGS = 2233;
    private static final int NORMAL_FINDINGS = 329;
    private static final int OBSERVATIONS_WITHOUT_FINDINGS = 205;

    private static Corpus train;

    @BeforeAll
    static void readTrainingFile() throws IOException {
        Path file = RealDataFolder.trainFile();
        train = new Bc8CorpusReader(id -> true).read(file);
    }

    @Test
    void normalFindingsLeftInThePredictionsAreTheOnlyFalsePositives() {
        Evaluation evaluation = Bc8Scorer.score(train, predictions(finding -> true));

        for (Metric metric : Metric.values()) {
            Counts counts = evaluation.total().get(metric).orElseThrow();
            assertEquals(new Counts(KEY_FINDINGS, NORMAL_FINDINGS, 0), counts, metric.label());
            assertEquals(1.0, counts.recall(), metric.label());
        }
        assertEquals(OBSERVATIONS_WITHOUT_FINDINGS, evaluation.trueNegatives());
    }

    @Test
    void theKeyFindingsAloneScorePerfectly() {
        Evaluation evaluation = Bc8Scorer.score(train, predictions(Finding::isKey));

        for (Metric metric : Metric.values()) {
            Counts counts = evaluation.total().get(metric).orElseThrow();
            assertEquals(new Counts(KEY_FINDINGS, 0, 0), counts, metric.label());
            assertEquals(1.0, counts.precision(), metric.label());
            assertEquals(1.0, counts.recall(), metric.label());
            assertEquals(1.0, counts.f1(), metric.label());
        }
        assertEquals(CorpusStats.of(train).observationsWithoutKeyFindings(), evaluation.trueNegatives());
    }

    /** The findings of the training file that {@code kept} accepts, each predicted with its id and span. */
    private static Submission predictions(Predicate<Finding> kept) {
        Map<String, List<PredictedFinding>> byObservation = new LinkedHashMap<>();
        for (AnnotatedObservation observation : train.observations()) {
            byObservation.put(observation.id(), observation.findings().stream()
                    .filter(kept)
                    .map(finding -> new PredictedFinding(finding.id(), Optional.of(finding.span()), 0))
                    .toList());
        }
        return new Submission(train.source() + " findings", true, byObservation);
    }
}
