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

/** {@code hpolink bench lexical} on {@link TinyData}: the report's form, not the figures. */
class BenchLexicalCommandTest {

    @TempDir
    Path folder;

    @Test
    void reportsTrainingLoadHeapAndThroughput() throws IOException {
        Path data = TinyData.create(folder.resolve("data"));
        Map<String, String> environment = TinyData.environment(data, folder.resolve("models"));

        Run run = TinyData.run(environment, "bench", "lexical", "--warmup", "1", "--rounds", "2", "--loads", "3");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(6, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("Java " + System.getProperty("java.version") + ", "), lines.get(0));
        assertEquals("data: " + data.resolve("bc8t3").resolve("train.tsv") + " (12 observations), HPO 2023-01-27", lines.get(1));
        assertTrue(lines.get(2).matches("train: [\\d,]+ ms \\(LexicalTrainer\\.train on all 12 observations, one run\\), [\\d,]+ dictionary keys"),
                lines.get(2));
        assertTrue(lines.get(3).matches("model load: [\\d,]+ ms \\(LexicalModelIO\\.read, median of 3; target <= 2,000 ms: (met|NOT met)\\)"),
                lines.get(3));
        assertTrue(lines.get(4).matches("heap used with the model, the HPO and the texts loaded \\(after System\\.gc\\(\\)\\): \\d+\\.\\d MiB "
                + "\\(target <= 512 MiB: (met|NOT met)\\)"), lines.get(4));
        assertTrue(lines.get(5).matches("annotate: [\\d,]+ observations/s on 2 threads \\(2 rounds of 12 observations after 1 warm-up "
                + "rounds; target >= 50,000 on 2 threads: (met|NOT met)\\)"), lines.get(5));
    }

    @Test
    void needsAtLeastOneThread() {
        Run run = HpolinkCommandTest.run(picocli.CommandLine.defaultFactory(), Map.of(), "bench", "lexical", "--threads", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--threads is 0: expected 1 or more"), run.err());
    }
}
