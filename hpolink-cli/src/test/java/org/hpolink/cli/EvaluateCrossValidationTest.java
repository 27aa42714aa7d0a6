package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpolink evaluate --cv} on {@link TinyData}: the fold table and how --cv and --gold/--pred exclude each other. */
class EvaluateCrossValidationTest {

    private static final String NUMBER = "\\d\\.\\d{4}";

    @TempDir
    Path folder;

    private Map<String, String> environment;

    @BeforeEach
    void writeData() throws IOException {
        environment = TinyData.environment(TinyData.create(folder.resolve("data")), folder.resolve("models"));
    }

    @Test
    void printsOneLinePerFoldThenPooledAndMean() throws IOException {
        Path alignment = folder.resolve("alignment.tsv");

        Run run = TinyData.run(environment, "evaluate", "--cv", "3", "--alignment", alignment.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        Path train = folder.resolve("data").resolve("bc8t3").resolve("train.tsv");
        assertEquals("data:        " + train + " (12 observations; HPO 2023-01-27)", lines.get(0));
        assertEquals("predictions: lexical model, 3-fold cross-validation, seed 17", lines.get(1));
        assertEquals("fold    observations  normalization F1  exact F1  overlap F1", lines.get(3));
        for (int fold = 1; fold <= 3; fold++) {
            String line = lines.get(3 + fold);
            assertTrue(line.matches(fold + " +4 +" + NUMBER + " +" + NUMBER + " +" + NUMBER), line);
        }
        assertTrue(lines.get(7).matches("pooled +12 +" + NUMBER + " +" + NUMBER + " +" + NUMBER), lines.get(7));
        assertTrue(lines.get(8).matches("mean +" + NUMBER + " +" + NUMBER + " +" + NUMBER), lines.get(8));
        assertEquals("pooled predictions of all folds:", lines.get(10));
        assertTrue(lines.get(11).startsWith("metric "), lines.get(11));
        assertTrue(Files.readString(alignment).startsWith("ObservationID\t"), "the pooled alignment report");
        assertTrue(run.err().contains("cross-validating"), "a progress bar on stderr: " + run.err());
    }

    @Test
    void halfOfEachFoldsHeldOutObservationsCanStandForCorrections() {
        Run run = TinyData.run(environment, "evaluate", "--cv", "3", "--corrections-half");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("scored: 6 held-out observations; corrections: the other 6"), run.out());
        assertTrue(run.out().contains("\ntrained without the corrections ") && run.out().contains("\ntrained with them "), run.out());

        Run withoutCv = TinyData.run(environment, "evaluate", "--gold", "g.tsv", "--pred", "p.tsv", "--corrections-half");
        assertEquals(2, withoutCv.exitCode());
        assertTrue(withoutCv.err().contains("--corrections-half goes with --cv and the lexical model"), withoutCv.err());
    }

    @Test
    void abbreviationsCanBeWrittenOutForTrainingAndPrediction() {
        Run run = TinyData.run(environment, "evaluate", "--cv", "3", "--expand-abbreviations");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("predictions: lexical model, abbreviations written out, 3-fold"), run.out());
        Run withoutCv = TinyData.run(environment, "evaluate", "--gold", "g.tsv", "--pred", "p.tsv", "--expand-abbreviations");
        assertEquals(2, withoutCv.exitCode());
        assertTrue(withoutCv.err().contains("--expand-abbreviations goes with --cv and the lexical, grid or ensemble pipeline"), withoutCv.err());
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        Run first = TinyData.run(environment, "evaluate", "--cv", "3", "--seed", "5");
        Run second = TinyData.run(environment, "evaluate", "--cv", "3", "--seed", "5");

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(first.out(), second.out());
        assertTrue(first.out().contains("3-fold cross-validation, seed 5"), first.out());
    }

    @Test
    void crossValidationAndAPredictionFileExcludeEachOther() {
        Run run = TinyData.run(environment, "evaluate", "--cv", "3", "--gold", "g.tsv", "--pred", "p.tsv");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("mutually exclusive"), run.err());
    }

    @Test
    void trainingOptionsGoWithCrossValidationOnly() {
        Run run = TinyData.run(environment, "evaluate", "--gold", "g.tsv", "--pred", "p.tsv", "--min-precision", "0.2");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--min-precision goes with --cv"), run.err());
        Run normalizing = TinyData.run(environment, "evaluate", "--gold", "g.tsv", "--pred", "p.tsv", "--normalize-below", "0.8");
        assertEquals(2, normalizing.exitCode());
        assertTrue(normalizing.err().startsWith("--normalize-below goes with --cv"), normalizing.err());
    }

    /** Above 1 every lexical mention takes the normalizer's id: still a full, repeatable report. */
    @Test
    void theNormalizerCanNameTheLexicalMentions() {
        Run first = TinyData.run(environment, "evaluate", "--cv", "3", "--normalize-below", "1.01");
        Run second = TinyData.run(environment, "evaluate", "--cv", "3", "--normalize-below", "1.01");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("predictions: lexical model, ids of mentions below confidence 1.01 from the BioSyn normalizer, "
                + "3-fold cross-validation, seed 17"), first.out());
        assertTrue(first.out().contains("pooled predictions of all folds:"), first.out());
        assertEquals(first.out(), second.out());
    }

    /** The ensemble's comparison: eleven pipelines on the same folds, then the default ensemble's own fold table. */
    @Test
    void theEnsembleIsComparedWithItsMembersOnTheSameFolds() {
        Run run = TinyData.run(environment, "evaluate", "--cv", "3", "--model", "ensemble");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        int table = lines.indexOf("pipelines compared on the same folds (pooled predictions):");
        assertTrue(table > 0, run.out());
        assertTrue(lines.get(table + 1).startsWith("pipeline"), lines.get(table + 1));
        assertTrue(lines.get(table + 2).startsWith("lexical  "), lines.get(table + 2));
        assertTrue(lines.get(table + 4).startsWith("grid, ids from the normalizer"), lines.get(table + 4));
        assertTrue(lines.get(table + 6).startsWith("ensemble (voting: weights lexical 1.0, grid 1.0, threshold 0.5"), lines.get(table + 6));
        assertTrue(lines.get(table + 9).startsWith("ensemble (grid spans, lexical ids where the lexicon found the same span;"),
                lines.get(table + 9));
        assertTrue(lines.get(table + 10).contains(", lexicon where the grid found nothing;"), lines.get(table + 10));
        assertTrue(lines.get(table + 11).startsWith("ensemble (lexicon first, grid mentions scored 0.9 or more"), lines.get(table + 11));
        assertTrue(run.out().contains("pooled predictions of all folds:"), run.out());
        assertTrue(run.out().contains("lexiconHints=false"), "the grid model's config is printed: " + run.out());
        assertTrue(lines.get(table + 1).endsWith("exact R, discontinuous  R, seen wording  R, unseen wording"), lines.get(table + 1));
        // Every pipeline is scored on the same gold findings, each either seen or unseen in its fold's training part.
        Pattern recalls = Pattern.compile("\\(\\d+ of (\\d+)\\) +\\d\\.\\d{4} \\((\\d+) of (\\d+)\\) +\\d\\.\\d{4} \\((\\d+) of (\\d+)\\)$");
        Set<String> totals = new HashSet<>();
        for (String row : lines.subList(table + 2, table + 13)) {
            Matcher counts = recalls.matcher(row);
            assertTrue(counts.find(), row);
            assertTrue(Integer.parseInt(counts.group(2)) <= Integer.parseInt(counts.group(3)), row);
            assertTrue(Integer.parseInt(counts.group(4)) <= Integer.parseInt(counts.group(5)), row);
            totals.add(counts.group(3) + " + " + counts.group(5));
        }
        assertEquals(1, totals.size(), totals::toString);
        String[] split = totals.iterator().next().split(" \\+ ");
        assertTrue(Integer.parseInt(split[0]) > 0 && Integer.parseInt(split[1]) > 0, "both kinds occur in the tiny data: " + totals);
    }

    @Test
    void aGridModelReadingLexiconHintsIsCrossValidated() {
        Run run = TinyData.run(environment, "evaluate", "--cv", "3", "--model", "grid", "--lexicon-hints");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("lexiconHints=true"), run.out());
        assertTrue(run.out().contains("pooled predictions of all folds:"), run.out());
    }

    @Test
    void anUnknownPipelineOrOneWithoutCrossValidationIsAUsageError() {
        Run unknown = TinyData.run(environment, "evaluate", "--cv", "3", "--model", "neural");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("--model is 'neural': expected lexical, grid, ensemble, llm or lexical+llm"), unknown.err());

        Run files = TinyData.run(environment, "evaluate", "--gold", "g.tsv", "--pred", "p.tsv", "--model", "grid");
        assertEquals(2, files.exitCode());
        assertTrue(files.err().startsWith("--model goes with --cv"), files.err());

        Run lexicalHinted = TinyData.run(environment, "evaluate", "--cv", "3", "--lexicon-hints");
        assertEquals(2, lexicalHinted.exitCode());
        assertTrue(lexicalHinted.err().startsWith("--tune-encoder and --lexicon-hints go with --cv and --model grid or ensemble"),
                lexicalHinted.err());
    }

    @Test
    void atLeastTwoFolds() {
        Run run = TinyData.run(environment, "evaluate", "--cv", "1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--cv is 1: expected 2 or more"), run.err());
    }
}
