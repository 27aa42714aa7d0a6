package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.Test;

/** {@code hpolink evaluate --cv 5} on the real training file: the lexical model's pooled scores stay above their floor. */
class EvaluateCrossValidationIT {

    private static final Pattern POOLED = Pattern.compile("(?m)^pooled +1,716 +(\\d\\.\\d{4}) +(\\d\\.\\d{4}) +(\\d\\.\\d{4})$");

    @Test
    void fiveFoldPooledNormalizationF1IsAboveItsFloor() {
        Run run = RealData.run("evaluate", "--cv", "5");

        assertEquals(0, run.exitCode(), run.err());
        for (int fold = 1; fold <= 5; fold++) {
            String foldLine = fold + " +34[34] +\\d\\.\\d{4} +\\d\\.\\d{4} +\\d\\.\\d{4}";
            assertTrue(run.out().lines().anyMatch(line -> line.matches(foldLine)), "fold " + fold + " in:\n" + run.out());
        }
        Matcher pooled = POOLED.matcher(run.out());
        assertTrue(pooled.find(), run.out());
        double normalization = Double.parseDouble(pooled.group(1));
        assertTrue(normalization > 0.74, "pooled normalization F1 " + normalization + " in:\n" + run.out());
    }
}
