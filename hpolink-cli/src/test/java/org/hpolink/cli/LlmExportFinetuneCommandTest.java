package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpolink.cli.HpolinkCommandTest.Run;
import org.hpolink.extract.llm.MarkedAnswerFormat;
import org.hpolink.extract.llm.MarkedAnswerFormat.ProposedFinding;
import org.hpolink.text.Span;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmExportFinetuneCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Map<String, String> environment;

    @BeforeEach
    void writeData() throws IOException {
        environment = TinyData.environment(TinyData.create(folder.resolve("data")), folder.resolve("models"));
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void eachObservationBecomesThePromptAndTheAnswerTheExtractorParses() throws IOException {
        Path out = folder.resolve("finetune.jsonl");

        Run run = TinyData.run(environment, "llm", "export-finetune", "--out", out.toString(), "--llm-examples", "2");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(out + ": 12 fine-tuning examples", run.out().strip());
        List<JsonNode> lines = lines(out);
        assertEquals(12, lines.size());
        JsonNode messages = lines.get(0).path("messages");
        assertEquals(7, messages.size(), "system, two examples of two messages, the question and its answer: " + messages);
        assertEquals("system", messages.path(0).path("role").asText());
        String question = messages.path(5).path("content").asText();
        assertEquals("EARS: low set, thin helices", question);
        for (int m = 1; m < 5; m += 2) {
            assertTrue(!messages.path(m).path("content").asText().equals(question), "an observation is never its own example");
        }
        String answer = messages.path(6).path("content").asText();
        assertEquals("""
                [EARS]: [low set], thin helices => Low-set ears
                EARS: low set, [thin helices] => Thin ear helix""", answer);
        assertEquals(List.of(Span.parse("0-4,6-13"), Span.parse("15-27")),
                MarkedAnswerFormat.parse(question, answer).findings().stream().map(ProposedFinding::span).toList());
        assertTrue(lines.stream().anyMatch(l -> l.path("messages").path(l.path("messages").size() - 1).path("content").asText().equals("NONE")),
                "observations without key findings answer NONE");
    }

    @Test
    void aFoldExportsItsTrainingPartOnly() throws IOException {
        Path out = folder.resolve("fold.jsonl");

        Run run = TinyData.run(environment, "llm", "export-finetune", "--out", out.toString(), "--cv", "3", "--fold", "2");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(8, lines(out).size());
        assertTrue(run.out().contains("(training part of fold 2 of 3, seed 17)"), run.out());
    }

    @Test
    void cvAndFoldGoTogether() {
        Run run = TinyData.run(environment, "llm", "export-finetune", "--out", folder.resolve("x.jsonl").toString(), "--cv", "3");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--cv and --fold go together"), run.err());
    }
}
