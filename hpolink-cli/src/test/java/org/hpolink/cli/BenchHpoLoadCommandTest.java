package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code hpolink bench hpo-load} on {@link org.hpolink.ontology.TinyHpo}: the report's form, not the figures. */
class BenchHpoLoadCommandTest {

    private static final Pattern TIMES = Pattern.compile(
            "time over 3 runs after 1 warm-up runs: min (\\d+) ms, median (\\d+) ms, max (\\d+) ms");
    private static final Pattern HEAP = Pattern.compile(
            "heap used after loading \\(after System\\.gc\\(\\)\\): \\d+\\.\\d MiB, \\d+\\.\\d MiB before, so the ontology "
                    + "holds about -?\\d+\\.\\d MiB");

    @TempDir
    Path folder;

    private static Run run(String... args) {
        return HpolinkCommandTest.run(CommandLine.defaultFactory(), Map.of(), args);
    }

    @Test
    void reportsTheFileTimesAndHeap() throws IOException {
        Path hpo = TestHpo.tiny(folder);

        Run run = run("bench", "hpo-load", "--hpo", hpo.toString(), "--warmup", "1", "--runs", "3");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.out());
        assertEquals("file: " + hpo + " (" + String.format("%,d", Files.size(hpo)) + " bytes)", lines.get(0));
        assertTrue(lines.get(1).startsWith("Java " + System.getProperty("java.version") + ", "), lines.get(1));
        assertEquals("read: HPO 2023-01-27, 13 terms (11 active)", lines.get(2));
        Matcher times = TIMES.matcher(lines.get(3));
        assertTrue(times.matches(), lines.get(3));
        int min = Integer.parseInt(times.group(1));
        int median = Integer.parseInt(times.group(2));
        int max = Integer.parseInt(times.group(3));
        assertTrue(min <= median && median <= max, lines.get(3));
        assertTrue(HEAP.matcher(lines.get(4)).matches(), lines.get(4));
    }

    @Test
    void needsAtLeastOneRun() {
        Run run = run("bench", "hpo-load", "--runs", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--runs is 0: expected 1 or more"), run.err());
    }

    @Test
    void benchIsAGroupOfBenchmarks() {
        Run run = run("bench");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Missing required subcommand"), run.err());
        assertTrue(run.err().contains("hpo-load"), run.err());
        assertTrue(run.err().contains("lexical"), run.err());
    }
}
