package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpolink extract} with a model trained once on {@link TinyData}: the findings for a person and as JSON. */
class ExtractCommandTest {

    @TempDir
    static Path folder;

    private static Map<String, String> environment;
    private static Path model;

    @BeforeAll
    static void trainModel() throws IOException {
        environment = TinyData.environment(TinyData.create(folder.resolve("data")), folder.resolve("models"));
        model = folder.resolve("model");
        Run train = TinyData.run(environment, "train", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
    }

    private static Run extract(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "extract";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--model";
        all[args.length + 2] = model.toString();
        return TinyData.run(environment, all);
    }

    @Test
    void printsEachKeyFindingWithLabelSpansAndText() {
        Run run = extract("EARS: low set, thin helices");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(String.join("\n",
                "EARS: low set, thin helices",
                "  HP:0000369  Low-set ears    0-4,6-13  \"EARS low set\"",
                "  HP:0009905  Thin ear helix  15-27     \"thin helices\"",
                ""), run.out());
    }

    @Test
    void normalFindingsAreShownOnlyWithAll() {
        Run keyOnly = extract("EYES: hooded eyelids, no epicanthus");
        Run all = extract("EYES: hooded eyelids, no epicanthus", "--all");

        assertEquals(String.join("\n",
                "EYES: hooded eyelids, no epicanthus",
                "  HP:0030820  Hooded eyelid  6-20  \"hooded eyelids\"",
                ""), keyOnly.out());
        assertEquals(String.join("\n",
                "EYES: hooded eyelids, no epicanthus",
                "  HP:0030820  Hooded eyelid  6-20   \"hooded eyelids\"",
                "  HP:0000286  Epicanthus     25-35  \"epicanthus\"  (normal)",
                ""), all.out());
    }

    @Test
    void aTextWithoutFindingsSaysSo() {
        assertEquals("NECK: supple\n  no key findings\n", extract("NECK: supple").out());
        assertEquals("EYES: no epicanthus\n  HP:0000286  Epicanthus  9-19  \"epicanthus\"  (normal)\n",
                extract("EYES: no epicanthus", "--all").out());
    }

    @Test
    void jsonIsAnArrayOfObservationsWithTheirFindings() throws IOException {
        Run run = extract("EARS: low set, thin helices", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(new ObjectMapper().readTree("""
                [{"text": "EARS: low set, thin helices", "findings": [
                  {"id": "HP:0000369", "label": "Low-set ears", "spans": "0-4,6-13", "spanText": "EARS low set", "status": "key"},
                  {"id": "HP:0009905", "label": "Thin ear helix", "spans": "15-27", "spanText": "thin helices", "status": "key"}]}]
                """), json);
    }

    @Test
    void eachLineOfAFileIsAnObservation() throws IOException {
        Path file = Files.write(folder.resolve("lines.txt"), List.of("EYES: epicanthus", "", "EYES: no epicanthus"));

        Run text = extract(file.toString());
        Run json = extract(file.toString(), "--json", "--all");

        assertEquals(String.join("\n",
                "line 1: EYES: epicanthus",
                "  HP:0000286  Epicanthus  6-16  \"epicanthus\"",
                "",
                "line 2: ",
                "  no key findings",
                "",
                "line 3: EYES: no epicanthus",
                "  no key findings",
                ""), text.out());
        JsonNode array = new ObjectMapper().readTree(json.out());
        assertEquals(3, array.size(), json.out());
        assertEquals("", array.get(1).get("text").asText());
        assertEquals("normal", array.get(2).get("findings").get(0).get("status").asText(), json.out());
    }

    @Test
    void theDefaultLexicalModelIsTrainedFirst() {
        Run run = TinyData.run(environment, "extract", "EYES: epicanthus", "--model", "lexical");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("hpolink: the default model " + folder.resolve("models").resolve("lexical")), run.err());
        assertEquals("EYES: epicanthus\n  HP:0000286  Epicanthus  6-16  \"epicanthus\"\n", run.out());
    }
}
