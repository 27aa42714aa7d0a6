package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpolink bench annotate} on {@link TinyData}: the report's form, not the figures. */
class BenchAnnotateCommandTest {

    @TempDir
    Path folder;

    @Test
    void reportsMegabytesOfTextASecondOnTheDocumentsGiven() throws IOException {
        Map<String, String> environment = TinyData.environment(TinyData.create(folder.resolve("data")), folder.resolve("models"));
        Path notes = Files.createDirectories(folder.resolve("notes"));
        Files.writeString(notes.resolve("a"), "EARS: low set, thin helices\nEYES: no epicanthus");
        Files.writeString(notes.resolve("b"), "EYES: hooded eyelids");

        Run run = TinyData.run(environment, "bench", "annotate", "--input", notes.toString(), "--copies", "3", "--model", "lexical",
                "--warmup", "0", "--rounds", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run.out());
        assertEquals("documents: " + notes + ", 6 a round (3 copies), 201 characters, 34 on average", lines.get(1));
        assertEquals("pipeline: lexical model", lines.get(2));
        assertTrue(lines.get(3).matches("annotate: [\\d.]+ MB of text/s, [\\d,]+ documents/s on 2 threads \\(2 rounds after 0 warm-up "
                + "rounds; target >= 5 MB/s on 2 threads with the lexical model: (met|NOT met)\\)"), lines.get(3));
    }
}
