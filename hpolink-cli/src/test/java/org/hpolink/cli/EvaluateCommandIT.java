package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hpolink.RealDataFolder;
import org.hpolink.cli.HpolinkCommandTest.Run;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.SubmissionWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpolink evaluate} of the training file's own key findings, written as a submission, against the training
 * file, with every gold id checked against the real HPO: a perfect score.
 */
class EvaluateCommandIT {

    @TempDir
    Path folder;

    @Test
    void theTrainingFilesKeyFindingsScorePerfectly() throws IOException {
        Path train = RealDataFolder.trainFile();
        Corpus corpus = new Bc8CorpusReader(id -> true).read(train);
        Map<String, AnnotatedObservation> byId = corpus.observations().stream()
                .collect(Collectors.toMap(AnnotatedObservation::id, Function.identity()));
        Path predictions = folder.resolve("pred.tsv");
        try (Writer out = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
            new SubmissionWriter().write(out, corpus.observations().stream().map(AnnotatedObservation::observation).toList(),
                    o -> byId.get(o.id()).findings());
        }

        Run run = RealData.run("evaluate", "--gold", train.toString(), "--pred", predictions.toString());

        assertEquals(0, run.exitCode(), run.err());
        for (String metric : new String[] {"normalization", "exact", "overlap"}) {
            assertTrue(run.out().lines().anyMatch(line -> line.matches(metric + " +1\\.0000 +1\\.0000 +1\\.0000 +2233 +0 +0")),
                    metric + " in:\n" + run.out());
        }
        assertTrue(run.out().contains("(1,716 observations; HPO 2023-01-27)"), run.out());
    }
}
