package org.hpolink.extract.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.extract.Mention;
import org.hpolink.extract.llm.FakeChatServer.Reply;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class LlmMentionExtractorTest {

    private static final HpoId EPICANTHUS = HpoId.of("HP:0000286");
    private static final HpoId LOW_SET_EARS = HpoId.of("HP:0000369");
    private static final List<AnnotatedObservation> POOL = List.of(
            new AnnotatedObservation(Observation.of("e1", "EARS: low set"), List.of(Finding.key(LOW_SET_EARS, Span.parse("0-4,6-13"))), 2),
            new AnnotatedObservation(Observation.of("e2", "EYES: epicanthus"), List.of(Finding.key(EPICANTHUS, Span.parse("6-16"))), 3),
            new AnnotatedObservation(Observation.of("e3", "EYES: no epicanthus"), List.of(Finding.normal(EPICANTHUS, Span.parse("9-19"))), 4));
    private static final Function<HpoId, String> LABELS = id -> id.equals(EPICANTHUS) ? "Epicanthus" : "Low-set ears";

    private static LlmMentionExtractor extractor(FakeChatServer server, int examples) {
        LlmSettings settings = LlmSettings.of(server.endpoint(), "test-model").withRetries(2, Duration.ofMillis(10));
        return new LlmMentionExtractor(new OpenAiChatClient(settings, Optional.empty()), new LlmPrompt(LABELS),
                new FewShotExamples(POOL, examples), 3);
    }

    private static Mention llm(String span) {
        return new Mention(Span.parse(span), Optional.empty(), FindingStatus.KEY, 1, LlmMentionExtractor.SOURCE);
    }

    @Test
    void findsContinuousAndDiscontinuousMentionsWithoutIds() throws IOException {
        try (FakeChatServer server = new FakeChatServer(request -> Reply.answer("""
                [EYES]: mild [hooding] and epicanthus => Hooded eyelid
                EYES: mild hooding and [epicanthus] => Epicanthus"""))) {
            List<Mention> mentions = extractor(server, 2).extract(Observation.of("o1", "EYES: mild hooding and epicanthus"));

            assertEquals(List.of(llm("0-4,11-18"), llm("23-33")), mentions);
        }
    }

    @Test
    void thePromptShowsTheTaskThenTheClosestExamplesOfTheSectionThenTheQuestion() throws IOException {
        try (FakeChatServer server = new FakeChatServer(request -> Reply.answer("NONE"))) {
            extractor(server, 2).extract(Observation.of("o1", "EYES: mild epicanthus"));

            JsonNode messages = server.requests().get(0).body().path("messages");
            List<String> sent = new ArrayList<>();
            messages.forEach(m -> sent.add(m.path("role").asText() + ": " + m.path("content").asText()));
            assertEquals(List.of("system: " + LlmPrompt.TASK,
                    "user: EYES: no epicanthus", "assistant: NONE",
                    "user: EYES: epicanthus", "assistant: EYES: [epicanthus] => Epicanthus",
                    "user: EYES: mild epicanthus"), sent, "the two EYES examples, the closest last");
        }
    }

    @Test
    void answersThatCannotBeReadAreCountedNotThrown() throws IOException {
        Map<String, Reply> replies = Map.of(
                "EYES: ptosis", Reply.answer("EYES: [hooding] => Hooded eyelid"),
                "EARS: low set", Reply.status(200, "{\"choices\": [{\"message\": {\"content\": "),
                "NOSE: broad", Reply.answer(""));
        try (FakeChatServer server = new FakeChatServer(request -> replies.get(request.question()))) {
            LlmMentionExtractor extractor = extractor(server, 0);

            List<List<Mention>> mentions = extractor.extractAll(List.of(Observation.of("a", "EYES: ptosis"),
                    Observation.of("b", "EARS: low set"), Observation.of("c", "NOSE: broad")));

            assertEquals(List.of(List.of(), List.of(), List.of()), mentions);
            assertEquals(new LlmMentionExtractor.Stats(3, 3, 1), extractor.stats());
        }
    }

    @Test
    void manyObservationsAreAskedInParallelAndAnsweredInOrder() throws IOException {
        try (FakeChatServer server = new FakeChatServer(request -> Reply.answer("[" + request.question() + "] => X"))) {
            List<Observation> observations = new ArrayList<>();
            List<List<Mention>> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String text = "finding " + i;
                observations.add(Observation.of("o" + i, text));
                expected.add(List.of(llm("0-" + text.length())));
            }

            assertEquals(expected, extractor(server, 1).extractAll(observations));
            assertEquals(20, server.requests().size());
        }
    }

    @Test
    void anEndpointThatCannotAnswerEndsTheRun() throws IOException {
        try (FakeChatServer server = new FakeChatServer(request -> Reply.status(404, "{\"error\": \"model \\\"test-model\\\" not found\"}"))) {
            LlmMentionExtractor extractor = extractor(server, 0);

            LlmException e = assertThrows(LlmException.class,
                    () -> extractor.extractAll(List.of(Observation.of("a", "EYES: ptosis"), Observation.of("b", "EARS: low set"))));
            assertTrue(e.getMessage().contains("does not know the model test-model"), e.getMessage());
        }
    }
}
