package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.Test;

/** {@code hpolink normalize} on the real HPO and training file. */
class NormalizeCommandIT {

    private static final Pattern ALL = Pattern.compile("(?m)^gold mentions: ([\\d,]+), accuracy@1 (\\d\\.\\d{4}), accuracy@5 (\\d\\.\\d{4})$");

    @Test
    void lowSetEarsComesFirstForItsName() {
        Run run = RealData.run("normalize", "low set ears");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(6, lines.size(), run.out());
        assertEquals("  1  HP:0000369  1.0000  Low-set ears", lines.get(1), run.out());
    }

    @Test
    void fiveFoldAccuracyAtOneIsAboveItsFloor() {
        Run run = RealData.run("normalize", "--cv", "5");

        assertEquals(0, run.exitCode(), run.err());
        Matcher all = ALL.matcher(run.out());
        assertTrue(all.find(), run.out());
        assertEquals("2,233", all.group(1), "every key finding of the training file is ranked once");
        double atOne = Double.parseDouble(all.group(2));
        double atFive = Double.parseDouble(all.group(3));
        assertTrue(atOne > 0.80, "accuracy@1 " + atOne + " in:\n" + run.out());
        assertTrue(atFive >= atOne, run.out());
    }
}
