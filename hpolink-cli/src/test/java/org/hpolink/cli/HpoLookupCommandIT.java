package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.Test;

/** {@code hpolink hpo lookup} on the real HPO release of the data folder. */
class HpoLookupCommandIT {

    @Test
    void anIdShowsTheRealTerm() {
        Run run = RealData.run("hpo", "lookup", "HP:0000369");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("HP:0000369  Low-set ears", lines.get(0));
        assertTrue(lines.get(1).startsWith("  definition: Upper insertion of the ear to the scalp below"), lines.get(1));
        assertTrue(lines.contains("    exact    Low set ears"), run.out());
        assertTrue(lines.contains("    exact    Melotia"), run.out());
        assertEquals(List.of("  parents:", "    HP:0000357  Abnormal location of ears"), lines.subList(lines.size() - 2, lines.size()));
    }

    @Test
    void aTextFindsTheTermByItsExactSynonymFirst() {
        Run run = RealData.run("hpo", "lookup", "low set ears");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("HP:0000369  Low-set ears  [exact synonym: Low set ears]", run.out().lines().findFirst().orElseThrow());
    }
}
