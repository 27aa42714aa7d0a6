package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpolink evaluate --corpus} on a tiny gold folder: annotating and scoring in one go, or scoring a file. */
class EvaluateCorpusCommandTest {

    @TempDir
    Path folder;

    private Map<String, String> environment;
    private Path gold;

    @BeforeEach
    void writeData() throws IOException {
        environment = TinyData.environment(TinyData.create(folder.resolve("data")), folder.resolve("models"));
        gold = folder.resolve("gold");
        Files.writeString(Files.createDirectories(gold.resolve("corpus")).resolve("d1"), "EARS: low set, thin helices\nEYES: no epicanthus");
        Files.writeString(Files.createDirectories(gold.resolve("ann")).resolve("d1"),
                "6\t13\tlow set\t" + TinyData.LOW_SET_EARS + "\n37\t47\tepicanthus\t" + TinyData.EPICANTHUS + "\tNeg\n"
                        + "15\t27\tthin helices\tHP:0000598\n");
    }

    @Test
    void annotatesTheGoldDocumentsAndScoresThemAtDocumentAndMentionLevel() {
        Run run = TinyData.run(environment, "evaluate", "--corpus", gold.toString(), "--model", "lexical", "--errors");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("gold:        " + gold + " (1 documents, 3 mentions, 1 of them negated and left out; HPO 2023-01-27)"), run.out());
        // Predicted: low-set ears (right), thin ear helix (gold says Ear); the negated epicanthus is on neither side.
        assertTrue(run.out().contains("document (ids)        0.5000  0.5000  0.5000      1      1      1"), run.out());
        assertTrue(run.out().contains("mention, overlap      0.5000  0.5000  0.5000      1      1      1"), run.out());
        assertTrue(run.out().contains("mention, exact        0.0000  0.0000  0.0000      0      2      2"), run.out());
        assertTrue(run.out().contains("spurious id (1)\n  d1         " + TinyData.THIN_EAR_HELIX), run.out());
    }

    @Test
    void scoresAPredictionFileAndFailsOnAMissingDocument() throws IOException {
        Path predictions = Files.writeString(folder.resolve("pred.jsonl"), "{\"id\": \"d1\", \"findings\": [{\"hpo\": \"HP:0000598\", "
                + "\"spans\": [[15, 27]], \"assertion\": \"present\"}, {\"hpo\": \"" + TinyData.LOW_SET_EARS + "\", \"spans\": [[6, 13]], "
                + "\"assertion\": \"present\"}]}\n");
        Path other = Files.writeString(folder.resolve("other.jsonl"), "{\"id\": \"d2\", \"findings\": []}\n");

        Run run = TinyData.run(environment, "evaluate", "--corpus", gold.toString(), "--pred", predictions.toString());
        Run missing = TinyData.run(environment, "evaluate", "--corpus", gold.toString(), "--pred", other.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("document (ids)        1.0000  1.0000  1.0000      2      0      0"), run.out());
        assertTrue(run.out().contains("mention, exact        1.0000  1.0000  1.0000      2      0      0"), run.out());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no predictions for gold document d1"), missing.err());
    }

    @Test
    void optionsOfOtherModesAreUsageErrors() {
        assertEquals(2, TinyData.run(environment, "evaluate", "--corpus", gold.toString(), "--by-section").exitCode());
        assertEquals(2, TinyData.run(environment, "evaluate", "--cv", "2", "--pred", "x.tsv").exitCode());
        Run goldAlone = TinyData.run(environment, "evaluate", "--gold", "x.tsv");
        assertEquals(2, goldAlone.exitCode());
        assertTrue(goldAlone.err().contains("--gold needs --pred"), goldAlone.err());
    }
}
