package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hpolink.RealDataFolder;
import org.hpolink.cli.HpolinkCommandTest.Run;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Submission;
import org.hpolink.corpus.SubmissionReader;
import org.hpolink.eval.Bc8Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpolink predict} on the whole real training file, training the default model first: the output passes the
 * official validation against the training file.
 */
class PredictCommandIT {

    @TempDir
    Path folder;

    @Test
    void predictionsOnTheWholeTrainingFilePassValidation() throws IOException {
        Path train = RealDataFolder.trainFile();
        Path output = folder.resolve("predictions.tsv");

        Run run = RealData.runWithModels(folder.resolve("models"), "predict", "--model", "lexical", "--input", train.toString(), "--output",
                output.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("hpolink: the default model " + folder.resolve("models").resolve("lexical") + " does not exist yet"),
                run.err());
        assertTrue(run.out().startsWith(output + ": 1,716 observations, "), run.out());
        Corpus corpus = new Bc8CorpusReader(id -> true).read(train);
        Submission submission = new SubmissionReader().read(output, corpus);
        assertTrue(submission.withSpans());
        assertEquals(1 + corpus.size(), Files.readAllLines(output).stream().map(line -> line.split("\t", -1)[0]).distinct().count(),
                "the header and every observation");
        // Predicting its own training data, the model must score well above its cross-validated figures.
        double f1 = Bc8Scorer.score(corpus, submission).normalization().f1();
        assertTrue(f1 > 0.8, "normalization F1 on the training data: " + f1);
    }

    /**
     * The ensemble pipeline on the whole training file (its three models trained first, about 6 minutes),
     * with 3 threads and then with 1: the same file, whatever each thread's share of the processors for the encoders
     * and the grid network (and the chunks must not depend on the threads either).
     */
    @Test
    void ensemblePredictionsOnTheWholeTrainingFilePassValidationWhateverTheThreads() throws IOException {
        Path train = RealDataFolder.trainFile();
        Path output = folder.resolve("ensemble.tsv");

        Run run = RealData.runWithModels(folder.resolve("models"), "predict", "--model", "ensemble", "--input", train.toString(),
                "--output", output.toString(), "--threads", "3");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith(output + ": 1,716 observations, "), run.out());
        Corpus corpus = new Bc8CorpusReader(id -> true).read(train);
        Submission submission = new SubmissionReader().read(output, corpus);
        assertTrue(submission.withSpans());
        double f1 = Bc8Scorer.score(corpus, submission).normalization().f1();
        assertTrue(f1 > 0.8, "normalization F1 on the training data: " + f1);

        Path oneThread = folder.resolve("one-thread.tsv");
        Run again = RealData.runWithModels(folder.resolve("models"), "predict", "--model", "ensemble", "--input", train.toString(),
                "--output", oneThread.toString(), "--threads", "1");
        assertEquals(0, again.exitCode(), again.err());
        assertArrayEquals(Files.readAllBytes(output), Files.readAllBytes(oneThread));
    }
}
