package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hpolink.RealDataFolder;
import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpolink evaluate --corpus} on the ten GeneReviews documents of the data folder with the lexical model: the
 * figures recorded in docs/RESULTS.md, as floors (the model is trained afresh; its training is deterministic).
 */
class EvaluateCorpusCommandIT {

    @TempDir
    Path folder;

    @Test
    void theLexicalModelKeepsItsDocumentLevelFigureOnTheGeneReviewsSet() {
        Path corpus = RealDataFolder.folder().resolve("notes").resolve("genereviews");

        Run run = RealData.runWithModels(folder.resolve("models"), "evaluate", "--corpus", corpus.toString(), "--model", "lexical");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("(10 documents, 352 mentions, 0 of them negated and left out; HPO 2023-01-27)"), run.out());
        assertTrue(run.out().contains("note: 8 gold mentions have offsets that do not cover the text written beside them"), run.out());
        Matcher documentLevel = Pattern.compile("document \\(ids\\)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)").matcher(run.out());
        assertTrue(documentLevel.find(), run.out());
        assertTrue(Double.parseDouble(documentLevel.group(3)) >= 0.84, "document-level F1 " + documentLevel.group(3));
    }
}
