package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hpolink.RealDataFolder;
import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.Test;

/** {@code hpolink corpus stats} on the real training file prints the figures of the data README. */
class CorpusStatsCommandIT {

    @Test
    void printsTheDocumentedFigures() {
        Run run = RealData.run("corpus", "stats", RealDataFolder.trainFile().toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().map(String::strip).toList();
        for (String figure : List.of("1,716 observations", "2,233 key findings", "633 distinct ids among the key findings",
                "329 normal findings", "274 discontinuous key findings", "163 pairs of overlapping key findings (same observation)",
                "205 observations without any finding")) {
            assertTrue(lines.contains(figure), figure + " in:\n" + run.out());
        }
        assertTrue(lines.contains("EARS                266"), run.out());
    }
}
