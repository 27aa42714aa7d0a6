package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpolink bench normalize} on {@link TinyData}: the report's form, not the figures. */
class BenchNormalizeCommandTest {

    @TempDir
    Path folder;

    @Test
    void reportsBuildHeapAndThroughputOfTheSparseNormalizer() throws IOException {
        Path data = TinyData.create(folder.resolve("data"));
        Map<String, String> environment = TinyData.environment(data, folder.resolve("models"));

        Run run = TinyData.run(environment, "bench", "normalize", "--sparse", "--warmup", "1", "--rounds", "2", "--builds", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("Java " + System.getProperty("java.version") + ", "), lines.get(0));
        assertEquals("data: " + data.resolve("bc8t3").resolve("train.tsv") + " (12 observations, 9 key-finding mentions), HPO 2023-01-27",
                lines.get(1));
        assertTrue(lines.get(2).matches("build: [\\d,]+ ms \\(SparseNormalizer\\.of on all 12 observations, \\d+ names; median of 2\\)"),
                lines.get(2));
        assertTrue(lines.get(3).matches("heap held by the normalizer \\(after System\\.gc\\(\\)\\): -?\\d+\\.\\d MiB "
                + "\\(\\d+\\.\\d MiB in use with it, \\d+\\.\\d MiB without\\)"), lines.get(3));
        assertTrue(lines.get(4).matches("rank: [\\d,]+ mentions/s on 2 threads \\(SparseNormalizer\\.rank\\(text, 20\\); 2 rounds of 9 "
                + "mentions after 1 warm-up rounds; target >= 2,000 on 2 threads: (met|NOT met)\\)"), lines.get(4));
    }

    @Test
    void reportsReadIndexHeapAndBothThroughputsOfBiosyn() throws IOException {
        Path data = TinyData.create(folder.resolve("data"));
        Map<String, String> environment = TinyData.environment(data, folder.resolve("models"));

        Run run = TinyData.run(environment, "bench", "normalize", "--warmup", "1", "--rounds", "2", "--builds", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(7, lines.size(), run.out());
        Path model = folder.resolve("models").resolve("normalizer").toAbsolutePath();
        assertTrue(lines.get(2).matches("read: [\\d,]+ ms \\(BiosynModelIO\\.read of " + Pattern.quote(model.toString())
                + ", \\d+ names; median of 2\\)"), lines.get(2));
        assertTrue(lines.get(3).matches("dense index: \\d+\\.\\d MB \\([\\d,]+ names x 128 float32; target <= 150 MB: met\\)"), lines.get(3));
        assertTrue(lines.get(4).startsWith("heap held by the normalizer (after System.gc()): "), lines.get(4));
        assertTrue(lines.get(5).matches("rank, stored vectors: [\\d,]+ mentions/s on 2 threads \\(BiosynNormalizer\\.rankAll\\(texts, 20\\) in batches of 64; "
                + "2 rounds of 9 mentions after 1 warm-up rounds; target >= 2,000 on 2 threads: (met|NOT met)\\)"), lines.get(5));
        assertTrue(lines.get(6).startsWith("rank, encoded: "), lines.get(6));
        assertTrue(lines.get(6).contains("(BiosynNormalizer.rankAll(texts, 20) in batches of 64, the texts upper-cased; 2 rounds of 9 mentions"), lines.get(6));
    }

    @Test
    void needsAtLeastOneThread() {
        Run run = HpolinkCommandTest.run(picocli.CommandLine.defaultFactory(), Map.of(), "bench", "normalize", "--threads", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--threads is 0: expected 1 or more"), run.err());
    }

    @Test
    void needsAtLeastOneTimedBuild() {
        Run run = HpolinkCommandTest.run(picocli.CommandLine.defaultFactory(), Map.of(), "bench", "normalize", "--builds", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--builds is 0: expected 1 or more"), run.err());
    }
}
