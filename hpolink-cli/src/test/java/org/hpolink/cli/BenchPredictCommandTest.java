package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpolink bench predict} on {@link TinyData}: the report's form, not the figures. */
class BenchPredictCommandTest {

    @TempDir
    Path folder;

    @Test
    void reportsThroughputOnTheTextsAndOnTheirUpperCasedForms() throws IOException {
        Path data = TinyData.create(folder.resolve("data"));
        Map<String, String> environment = TinyData.environment(data, folder.resolve("models"));

        Run run = TinyData.run(environment, "bench", "predict", "--model", "grid", "--warmup", "0", "--rounds", "1");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.out());
        assertEquals("data: " + data.resolve("bc8t3").resolve("train.tsv") + " (12 observations), HPO 2023-01-27", lines.get(1));
        assertEquals("pipeline: grid model, ids from the BioSyn normalizer", lines.get(2));
        assertTrue(lines.get(3).matches("annotate the training texts: [\\d,]+ observations/s on 2 threads \\(1 rounds after 0 warm-up "
                + "rounds; target >= 1,000 on 2 threads: (met|NOT met)\\)"), lines.get(3));
        assertTrue(lines.get(4).matches("annotate the training texts upper-cased: [\\d,]+ observations/s on 2 threads .*target >= 500 on 2 "
                + "threads: (met|NOT met)\\)"), lines.get(4));
    }
}
