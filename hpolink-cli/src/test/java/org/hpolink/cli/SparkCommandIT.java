package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hpolink.RealDataFolder;
import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpolink spark} on a local Spark of two threads against {@code hpolink annotate} on the same input and model:
 * the same findings for every document of a JSON Lines file of BC8 observations and of the GeneReviews text files; a
 * row without text, a line that is not JSON and a text over the limit kept, with their error.
 */
class SparkCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static Path observations;

    @BeforeAll
    static void writeObservations() throws IOException {
        List<String> lines = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (String row : Files.readAllLines(RealDataFolder.trainFile()).subList(1, 601)) {
            String[] fields = row.split("\t");
            if (seen.putIfAbsent(fields[0], true) == null) {
                lines.add(JSON.createObjectNode().put("id", fields[0]).put("text", fields[2]).toString());
            }
        }
        observations = Files.write(folder.resolve("observations.jsonl"), lines);
    }

    private static Path models() {
        return folder.resolve("models");
    }

    /** Each document's findings, by id, from JSON Lines files. */
    private static Map<String, JsonNode> findings(List<Path> files) throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                JsonNode document = JSON.readTree(line);
                byId.put(document.path("id").asText(null), document.get("findings"));
            }
        }
        return byId;
    }

    private static List<Path> parts(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    private static void assertSameAsAnnotate(Path input, String name) throws IOException {
        Path annotated = folder.resolve(name + "-annotated.jsonl");
        Run annotate = RealData.runWithModels(models(), "annotate", input.toString(), "--output", annotated.toString());
        assertEquals(0, annotate.exitCode(), annotate.err());
        Path output = folder.resolve(name + "-spark");
        Run spark = RealData.runWithModels(models(), "spark", "--input", input.toString(), "--output", output.toString(),
                "--output-format", "jsonl", "--master", "local[2]", "--batch-size", "50");
        assertEquals(0, spark.exitCode(), spark.err());
        Map<String, JsonNode> expected = findings(List.of(annotated));
        Map<String, JsonNode> actual = findings(parts(output));
        assertEquals(expected.keySet(), actual.keySet());
        // Numbers compared as numbers: Spark writes a score of 1 as 1.0.
        Comparator<JsonNode> numbersByValue = (a, b) -> a.isNumber() && b.isNumber() ? Double.compare(a.doubleValue(), b.doubleValue())
                : a.equals(b) ? 0 : 1;
        expected.forEach((id, found) -> assertTrue(found.equals(numbersByValue, actual.get(id)), id + ": " + found + " but Spark found " + actual.get(id)));
        long findings = expected.values().stream().mapToLong(JsonNode::size).sum();
        assertTrue(findings > expected.size() / 2, findings + " findings");
        assertTrue(spark.out().startsWith(output + ": " + String.format("%,d", expected.size()) + " documents (0 not annotated"), spark.out());
    }

    @Test
    void findsWhatAnnotateFindsInJsonLines() throws IOException {
        assertSameAsAnnotate(observations, "observations");
    }

    @Test
    void findsWhatAnnotateFindsInAFolderOfTextFiles() throws IOException {
        assertSameAsAnnotate(RealDataFolder.folder().resolve("notes").resolve("genereviews").resolve("corpus"), "genereviews");
    }

    @Test
    void keepsRowsItCannotAnnotateWithTheirError() throws IOException {
        Path input = Files.writeString(folder.resolve("bad.jsonl"), """
                {"id": "fine", "text": "EYES: epicanthus"}
                {"id": "no text"}
                {"id": "long", "text": "EYES: epicanthus and hypertelorism"}
                not JSON
                {"id": "empty", "text": ""}
                """);
        Path output = folder.resolve("bad-spark");
        Run spark = RealData.runWithModels(models(), "spark", "--input", input.toString(), "--output", output.toString(),
                "--master", "local[2]", "--max-chars", "20");
        assertEquals(0, spark.exitCode(), spark.err());
        assertEquals(output + ": 5 documents (3 not annotated, see their error), 1 findings", spark.out().substring(0, spark.out().indexOf(", in ")));
        Run again = RealData.runWithModels(models(), "spark", "--input", input.toString(), "--output", output.toString());
        assertNotEquals(0, again.exitCode());
        assertTrue(again.err().contains("--output " + output + " exists: name a folder that does not exist yet"), again.err());
    }
}
