package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenopackets.schema.v2.Phenopacket;

/** {@code hpolink annotate} on {@link TinyData}'s lexical model: every input and output format, and failures. */
class AnnotateCommandTest {

    private static final String NOTE = "Seen today.\r\nEARS: low set, thin helices\r\nEYES: no epicanthus\r\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Map<String, String> environment;

    @BeforeEach
    void writeData() throws IOException {
        environment = TinyData.environment(TinyData.create(folder.resolve("data")), folder.resolve("models"));
    }

    private Run annotate(String... args) {
        List<String> all = new ArrayList<>(List.of("annotate"));
        all.addAll(List.of(args));
        all.addAll(List.of("--model", "lexical"));
        return TinyData.run(environment, all.toArray(String[]::new));
    }

    private static List<JsonNode> jsonLines(String text) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : text.lines().toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    /** id, then each finding as {@code hpo spans 'text' assertion}. */
    private static List<String> described(JsonNode document) {
        List<String> described = new ArrayList<>(List.of(document.get("id").asText()));
        for (JsonNode finding : document.get("findings")) {
            described.add(finding.get("hpo").asText() + " " + finding.get("spans") + " '" + finding.get("text").asText() + "' "
                    + finding.get("assertion").asText());
        }
        return described;
    }

    @Test
    void aTextFileGivesItsFindingsAsJsonLinesOnStandardOutput() throws IOException {
        Path note = Files.writeString(folder.resolve("note.txt"), NOTE);

        Run run = annotate(note.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> documents = jsonLines(run.out());
        assertEquals(1, documents.size());
        // Offsets into the text with CR LF read as LF: "Seen today.\n" is 12 characters.
        assertEquals(List.of("note.txt",
                TinyData.LOW_SET_EARS + " [[12,16],[18,25]] 'EARS low set' present",
                TinyData.THIN_EAR_HELIX + " [[27,39]] 'thin helices' present",
                TinyData.EPICANTHUS + " [[49,59]] 'epicanthus' negated"), described(documents.get(0)));
        JsonNode lowSet = documents.get(0).get("findings").get(0);
        assertEquals("Low-set ears", lowSet.get("label").asText());
        assertEquals("lexical", lowSet.get("source").asText());
        assertTrue(lowSet.get("score").asDouble() > 0 && lowSet.get("score").asDouble() <= 1);
        assertTrue(run.err().contains("standard output: 1 documents, 60 characters, 3 findings (2 present, 1 negated, 0 family, 0 hypothetical, 0 historical)"), run.err());
    }

    @Test
    void everyInputFormatIsReadAndToldApart() throws IOException {
        Path notes = Files.createDirectories(folder.resolve("notes"));
        Files.writeString(notes.resolve("b"), "EYES: epicanthus");
        Files.writeString(notes.resolve("a"), "EARS: low set");
        Path corpus = folder.resolve("gold");
        Files.writeString(Files.createDirectories(corpus.resolve("corpus")).resolve("d1"), "EARS: thin helices");
        Files.createDirectories(corpus.resolve("ann"));
        Path jsonl = Files.writeString(folder.resolve("notes.jsonl"), "{\"id\": \"j1\", \"text\": \"EYES: hooded eyelids\"}\n");
        Path bc8 = Files.writeString(folder.resolve("test.tsv"), "ObservationID\tText\nt1\tEARS: low set\nt2\tNECK: supple\n");

        assertEquals(List.of("a", "b"), ids(annotate(notes.toString())));
        assertEquals(List.of("d1"), ids(annotate(corpus.toString())));
        assertEquals(List.of("j1"), ids(annotate(jsonl.toString())));
        assertEquals(List.of("t1", "t2"), ids(annotate(bc8.toString())));
        assertEquals(List.of("notes.jsonl"), ids(annotate(jsonl.toString(), "--input-format", "text")));
    }

    private static List<String> ids(Run run) throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        return jsonLines(run.out()).stream().map(d -> d.get("id").asText()).toList();
    }

    @Test
    void standardInputIsReadAsTheDashSays() throws IOException {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("{\"id\": \"s1\", \"text\": \"EARS: low set\"}\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(List.of("s1"), ids(annotate("-")));
            System.setIn(new ByteArrayInputStream("\uFEFFEARS: low set".getBytes(StandardCharsets.UTF_8)));
            Run run = annotate("-");
            assertEquals(List.of("stdin", TinyData.LOW_SET_EARS + " [[0,4],[6,13]] 'EARS low set' present"), described(jsonLines(run.out()).get(0)));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void everyOutputFormatIsWrittenToTheFileNamed() throws IOException {
        Path bc8 = Files.writeString(folder.resolve("test.tsv"), "ObservationID\tText\nt1\tEARS: low set\nt2\tEYES: no epicanthus\n");

        for (String format : List.of("jsonl", "phenopacket", "bioc", "tsv", "bc8")) {
            Path output = folder.resolve("out." + format);
            Run run = annotate(bc8.toString(), "--format", format, "--output", output.toString());
            assertEquals(0, run.exitCode(), format + ": " + run.err());
            assertTrue(run.out().startsWith(output + ": 2 documents, "), run.out());
        }
        assertEquals(List.of("ObservationID\tText\tHPO Term\tSpans", "t1\tEARS: low set\tHP:0000369\t0-4,6-13", "t2\tEYES: no epicanthus\tNA\tNA"),
                Files.readAllLines(folder.resolve("out.bc8")));
        assertEquals(List.of("document\tspans\ttext\thpo\tlabel\tassertion\tscore\tsource",
                "t1\t0-4,6-13\tEARS low set\tHP:0000369\tLow-set ears\tpresent\t1\tlexical",
                "t2\t9-19\tepicanthus\tHP:0000286\tEpicanthus\tnegated\t1\tlexical"), Files.readAllLines(folder.resolve("out.tsv")));
        List<String> phenopackets = Files.readAllLines(folder.resolve("out.phenopacket"));
        Phenopacket.Builder t2 = Phenopacket.newBuilder();
        JsonFormat.parser().merge(phenopackets.get(1), t2);
        assertTrue(t2.getPhenotypicFeatures(0).getExcluded(), "a negated finding is an excluded feature");
        assertTrue(Files.readString(folder.resolve("out.bioc")).contains("<location offset=\"6\" length=\"7\"/>"));
    }

    /** The output is made as any new file of the folder would be, not owner-only as a JDK temporary file is. */
    @Test
    void theOutputHasTheFoldersDefaultPermissions() throws IOException {
        Path text = Files.writeString(folder.resolve("note.txt"), NOTE);
        Path output = folder.resolve("out.jsonl");
        Path plain = Files.createFile(folder.resolve("plain"));

        Run run = annotate(text.toString(), "--output", output.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(output));
    }

    @Test
    void phenopacketsGoToAFolderAFileADocument() throws IOException {
        Path bc8 = Files.writeString(folder.resolve("test.tsv"), "ObservationID\tText\nt1\tEARS: low set\nt2\tEYES: epicanthus\n");
        Path output = folder.resolve("packets");

        Run run = annotate(bc8.toString(), "--format", "phenopacket", "--output", output + "/");

        assertEquals(0, run.exitCode(), run.err());
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(List.of("t1.json", "t2.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Phenopacket.Builder t1 = Phenopacket.newBuilder();
        JsonFormat.parser().merge(Files.readString(output.resolve("t1.json")), t1);
        assertEquals("HP:0000369", t1.getPhenotypicFeatures(0).getType().getId());
        Run tsv = annotate(bc8.toString(), "--format", "tsv", "--output", output.toString());
        assertEquals(1, tsv.exitCode());
        assertTrue(tsv.err().contains("is a folder: only --format phenopacket writes a folder"), tsv.err());
    }

    @Test
    void aFailureInTheMiddleOfARunLeavesNoOutputFile() throws IOException {
        Path jsonl = Files.writeString(folder.resolve("notes.jsonl"),
                "{\"id\": \"a\", \"text\": \"EARS: low set\"}\n".repeat(1) + "{\"id\": \"b\", \"text\": 3}\n");
        Path output = folder.resolve("out.jsonl");

        Run run = annotate(jsonl.toString(), "--output", output.toString());

        assertEquals(1, run.exitCode());
        assertEquals("hpolink: error: " + jsonl + " line 2, field text: expected a string, not NUMBER", run.err().lines()
                .filter(line -> line.startsWith("hpolink: error")).findFirst().orElse(run.err()));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("data", "models", "notes.jsonl"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "neither the output nor its temporary file is left");
        }
    }

    @Test
    void aDocumentOverTheLimitFailsNamingFileAndDocument() throws IOException {
        Path note = Files.writeString(folder.resolve("note.txt"), "EARS: low set, thin helices");

        Run run = annotate(note.toString(), "--max-chars", "10");

        assertEquals(1, run.exitCode());
        assertEquals("hpolink: error: " + note + ", field text: document note.txt has 27 characters or more: expected at most 10 "
                + "(raise --max-chars to annotate it)", run.err().strip());
    }

    @Test
    void anUnknownFormatIsAUsageError() throws IOException {
        Path note = Files.writeString(folder.resolve("note.txt"), "EARS: low set");

        Run run = annotate(note.toString(), "--format", "xml");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--format xml: expected one of jsonl, phenopacket, bioc, tsv, bc8"), run.err());
        assertFalse(Files.exists(folder.resolve("models")), "no model is trained for a wrong command");
    }
}
