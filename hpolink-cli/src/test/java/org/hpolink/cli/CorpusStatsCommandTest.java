package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.hpolink.eval.HandMadeExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code hpolink corpus stats} on the hand-made gold file of hpolink-core, counted by hand from its table. */
class CorpusStatsCommandTest {

    @TempDir
    Path folder;

    private static Run run(String... args) {
        return HpolinkCommandTest.run(CommandLine.defaultFactory(), Map.of(), args);
    }

    @Test
    void printsTheFiguresAndTheKeyFindingsPerSection() throws IOException {
        Path gold = Files.writeString(folder.resolve("gold.tsv"), HandMadeExample.goldTsv());

        Run run = run("corpus", "stats", gold.toString());

        assertEquals(0, run.exitCode(), run.err());
        // o01 (2 key, one discontinuous), o02 (2), o03, o04 (2), o05 (2, one id), o07 (normal only), o08 (2), o10, o11
        // (discontinuous), o12 (discontinuous), o13 (a key and a normal); o06, o09, o14 have no finding. No two key
        // findings of one observation overlap.
        assertEquals(String.join(System.lineSeparator(),
                gold + " (sha256 " + HandMadeExample.gold().sha256() + ")",
                "  14 observations",
                "  15 key findings",
                "  13 distinct ids among the key findings",
                "   2 normal findings",
                "   3 discontinuous key findings",
                "   0 pairs of overlapping key findings (same observation)",
                "   3 observations without any finding",
                "   4 observations without a key finding",
                "",
                "key findings by section:",
                "  (none)   0",
                "  EARS     5",
                "  EYES     3",
                "  GENERAL  0",
                "  HANDS    1",
                "  HEAD     3",
                "  MOUTH    0",
                "  NECK     0",
                "  SKIN     3",
                ""), run.out());
    }

    @Test
    void aMalformedFileFailsNamingLineAndField() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.tsv"), HandMadeExample.GOLD_HEADER + "\n"
                + "o1\tEARS: low set\tHP:0000369\tY\t0-4\n");

        Run run = run("corpus", "stats", broken.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("hpolink: error: " + broken + " line 2, field Polarity: 'Y': expected X"), run.err());
        assertEquals("", run.out());
    }
}
