package org.hpolink.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hpolink.RealDataFolder;
import org.hpolink.text.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the real training file; needs {@code HPOLINK_DATA}. Expected figures are those of the data README. */
class Bc8CorpusReaderIT {

    private static Path trainFile;
    private static Corpus train;

    @BeforeAll
    static void readTrainingFile() throws IOException {
        trainFile = RealDataFolder.trainFile();
        train = new Bc8CorpusReader(id -> true).read(trainFile);
    }

    @Test
    void readsTheDocumentedFigures() {
        CorpusStats stats = CorpusStats.of(train);

        assertEquals(1716, stats.observations());
        assertEquals(2233, stats.keyFindings());
        assertEquals(633, stats.distinctKeyIds());
        assertEquals(329, stats.normalFindings());
        assertEquals(274, stats.discontinuousKeyFindings());
        assertEquals(205, stats.observationsWithoutFindings());
        assertEquals(163, stats.overlappingKeyPairs());
        assertEquals(2233, stats.keyFindingsBySection().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(266, stats.keyFindingsBySection().get("EARS"));
    }

    @Test
    void keepsEveryRowAndHashesTheFile() throws IOException {
        long rows = Files.readAllLines(trainFile).size() - 1;
        long findings = train.observations().stream().mapToInt(o -> Math.max(1, o.findings().size())).sum();

        assertEquals(rows, findings, "every row is a finding or the NA row of an observation without findings");
        assertEquals("8d30da5dde0d331f7227adfdedba6f34fd994d26eabc6f253d76a44efd01ff84", train.sha256());
    }

    @Test
    void readsTheSameObservationsForPrediction() throws IOException {
        List<Observation> observations = new ObservationReader().read(trainFile);

        assertEquals(train.observations().stream().map(AnnotatedObservation::observation).toList(), observations);
    }

    @Test
    void writesTheKeyFindingsAsASubmissionThatValidatesAndReadsBack() throws IOException {
        Map<String, AnnotatedObservation> byId = train.observations().stream()
                .collect(Collectors.toMap(AnnotatedObservation::id, Function.identity()));
        StringWriter out = new StringWriter();
        new SubmissionWriter().write(out, train.observations().stream().map(AnnotatedObservation::observation).toList(),
                o -> byId.get(o.id()).findings());

        Submission submission = new SubmissionReader().read(
                new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), "train-keys.tsv", train);

        assertTrue(submission.withSpans());
        for (AnnotatedObservation observation : train.observations()) {
            List<List<Object>> written = observation.keyFindings().stream()
                    .sorted(Comparator.comparing(Finding::span).thenComparing(Finding::id))
                    .map(f -> List.<Object>of(f.id(), f.span())).toList();
            List<List<Object>> readBack = submission.findings(observation.id()).stream()
                    .map(f -> List.<Object>of(f.id(), f.span().orElseThrow())).toList();
            assertEquals(written, readBack, observation.id());
        }
    }
}
