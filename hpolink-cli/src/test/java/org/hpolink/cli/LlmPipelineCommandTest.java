package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpolink.cli.HpolinkCommandTest.Run;
import org.hpolink.extract.llm.FakeChatServer;
import org.hpolink.extract.llm.FakeChatServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --model llm} and {@code lexical+llm} against an OpenAI-compatible server on a loopback port that marks
 * {@code hooded lids} or {@code hooded eyelids} in any question holding them; nothing reaches any other address.
 */
class LlmPipelineCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE = "EYES: epicanthus, hooded lids";

    @TempDir
    Path folder;

    private Map<String, String> environment;
    private FakeChatServer server;

    @BeforeEach
    void start() throws IOException {
        environment = new HashMap<>(TinyData.environment(TinyData.create(folder.resolve("data")), folder.resolve("models")));
        environment.put(LlmOption.CACHE_VARIABLE, folder.resolve("llm-cache").toString());
        environment.put(LlmOption.API_KEY_VARIABLE, "sk-test-key");
        Files.writeString(folder.resolve("note.txt"), NOTE);
        server = new FakeChatServer(request -> {
            String question = request.question();
            return Reply.answer(question.contains("hooded lids") ? question.replace("hooded lids", "[hooded lids]") + " => Hooded eyelid"
                    : question.contains("hooded eyelids") ? question.replace("hooded eyelids", "[hooded eyelids]") + " => Hooded eyelid"
                    : "NONE");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String endpoint() {
        return server.endpoint().toString();
    }

    private Run annotate(Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("annotate", folder.resolve("note.txt").toString(), "--output", output.toString(),
                "--llm-model", "test-model"));
        args.addAll(List.of(more));
        return TinyData.run(environment, args.toArray(String[]::new));
    }

    @Test
    void theLlmFillsWhatTheLexiconMissedAndACacheOnlyRunReplaysItWithoutTheEndpoint() throws IOException {
        Path first = folder.resolve("first.jsonl");

        Run run = annotate(first, "--model", "lexical+llm", "--llm-endpoint", endpoint());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode findings = JSON.readTree(Files.readString(first)).path("findings");
        List<String> described = new ArrayList<>();
        findings.forEach(f -> described.add(f.path("source").asText() + " " + f.path("spans") + " " + f.path("text").asText()));
        assertEquals(List.of("lexical [[6,16]] epicanthus", "llm [[18,29]] hooded lids"), described);
        assertTrue(run.err().contains("hpolink: LLM answers: 1, of which 0 could not be read; 0 lines"), run.err());
        assertEquals(List.of("Bearer sk-test-key"), server.requests().stream().map(FakeChatServer.Request::authorization).toList());
        assertFalse(run.out().contains("sk-test-key") || run.err().contains("sk-test-key"), "the key is never printed");

        server.close();
        Path replayed = folder.resolve("replayed.jsonl");
        Run again = annotate(replayed, "--model", "lexical+llm", "--llm-endpoint", endpoint(), "--llm-cache-only");

        assertEquals(0, again.exitCode(), again.err());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(replayed));
    }

    @Test
    void theLlmAloneTakesItsIdsFromTheNormalizer() throws IOException {
        Path output = folder.resolve("llm.jsonl");

        Run run = annotate(output, "--model", "llm", "--llm-endpoint", endpoint());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode findings = JSON.readTree(Files.readString(output)).path("findings");
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(TinyData.HOODED_EYELID, findings.path(0).path("hpo").asText());
        assertEquals("llm", findings.path(0).path("source").asText());
    }

    @Test
    void crossValidationComparesTheLexicalModelTheLlmAndBoth() {
        Run run = TinyData.run(environment, "evaluate", "--cv", "3", "--model", "lexical+llm", "--llm-endpoint", endpoint(),
                "--llm-model", "test-model", "--llm-examples", "2");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("pipelines compared on the same folds"), run.out());
        for (String pipeline : List.of("lexical ", "LLM, ids from the normalizer ", "lexical and LLM (lexicon first, LLM mentions")) {
            assertTrue(run.out().contains("\n" + pipeline), pipeline + " in:\n" + run.out());
        }
        assertTrue(run.err().contains("hpolink: LLM answers: 24, of which 0 could not be read"), "12 observations, asked by the LLM pipeline and by "
                + "the lexical and LLM one (from the cache): " + run.err());
    }

    @Test
    void aRemoteEndpointIsRefusedBeforeAnyTextIsSent() {
        Run run = annotate(folder.resolve("out.jsonl"), "--model", "llm", "--llm-endpoint", "http://8.8.8.8/v1");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("is outside this machine and its private network") && run.err().contains("--llm-allow-remote"),
                run.err());
        assertFalse(Files.exists(folder.resolve("out.jsonl")));
    }

    @Test
    void theLlmOptionsNeedAnLlmPipelineAndAnEndpoint() {
        Run withoutLlm = annotate(folder.resolve("a.jsonl"), "--model", "lexical", "--llm-endpoint", endpoint());
        assertEquals(2, withoutLlm.exitCode());
        assertTrue(withoutLlm.err().contains("the --llm- options go with --model llm or lexical+llm"), withoutLlm.err());

        Run withoutEndpoint = annotate(folder.resolve("b.jsonl"), "--model", "llm");
        assertEquals(2, withoutEndpoint.exitCode());
        assertTrue(withoutEndpoint.err().contains("the LLM extractor needs --llm-endpoint URL and --llm-model NAME"), withoutEndpoint.err());
    }
}
