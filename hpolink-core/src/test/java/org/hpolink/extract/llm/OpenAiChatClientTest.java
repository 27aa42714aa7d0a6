package org.hpolink.extract.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpolink.extract.llm.FakeChatServer.Reply;
import org.junit.jupiter.api.Test;

class OpenAiChatClientTest {

    private static final List<ChatMessage> QUESTION = List.of(ChatMessage.system("task"), ChatMessage.user("EYES: epicanthus"));

    private static LlmSettings settings(URI endpoint) {
        return LlmSettings.of(endpoint, "test-model").withRetries(3, Duration.ofMillis(10)).withTimeout(Duration.ofSeconds(5));
    }

    @Test
    void sendsTheConversationToChatCompletionsAndReturnsTheAnswer() throws IOException {
        try (FakeChatServer server = new FakeChatServer(request -> Reply.answer("EYES: [epicanthus] => Epicanthus"))) {
            String answer = new OpenAiChatClient(settings(server.endpoint()), Optional.of("secret")).complete(QUESTION);

            assertEquals("EYES: [epicanthus] => Epicanthus", answer);
            FakeChatServer.Request request = server.requests().get(0);
            assertEquals("/v1/chat/completions", request.path());
            assertEquals("test-model", request.body().path("model").asText());
            assertEquals(0, request.body().path("temperature").asInt());
            assertEquals("EYES: epicanthus", request.question());
            assertEquals("system", request.body().path("messages").path(0).path("role").asText());
            assertEquals("Bearer secret", request.authorization());
        }
    }

    @Test
    void sendsNoAuthorizationWithoutAKey() throws IOException {
        try (FakeChatServer server = new FakeChatServer(request -> Reply.answer("NONE"))) {
            new OpenAiChatClient(settings(server.endpoint()), Optional.empty()).complete(QUESTION);

            assertNull(server.requests().get(0).authorization());
        }
    }

    @Test
    void triesAgainAfterA429() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (FakeChatServer server = new FakeChatServer(request -> calls.incrementAndGet() == 1
                ? new Reply(429, Map.of("Retry-After", "0"), "{\"error\":{\"message\":\"slow down\"}}", 0)
                : Reply.answer("NONE"))) {
            assertEquals("NONE", new OpenAiChatClient(settings(server.endpoint()), Optional.empty()).complete(QUESTION));
            assertEquals(2, server.requests().size());
        }
    }

    @Test
    void givesUpAfterItsTriesOnAServerError() throws IOException {
        try (FakeChatServer server = new FakeChatServer(request -> Reply.status(500, "oops"))) {
            OpenAiChatClient client = new OpenAiChatClient(settings(server.endpoint()), Optional.empty());

            LlmException e = assertThrows(LlmException.class, () -> client.complete(QUESTION));
            assertEquals("the LLM endpoint " + server.endpoint() + " gave no answer in 3 tries (last: status 500)", e.getMessage());
            assertEquals(3, server.requests().size());
        }
    }

    @Test
    void anAnswerThatTakesTooLongIsRetriedThenAnError() throws IOException {
        try (FakeChatServer server = new FakeChatServer(request -> new Reply(200, Map.of(), "{}", 2_000))) {
            OpenAiChatClient client = new OpenAiChatClient(settings(server.endpoint()).withTimeout(Duration.ofMillis(200)).withRetries(2,
                    Duration.ofMillis(10)), Optional.empty());

            LlmException e = assertThrows(LlmException.class, () -> client.complete(QUESTION));
            assertTrue(e.getMessage().endsWith("gave no answer in 2 tries (last: no answer within 0.2 s)"), e.getMessage());
        }
    }

    @Test
    void anUnknownModelIsNamed() throws IOException {
        try (FakeChatServer server = new FakeChatServer(request -> Reply.status(404,
                "{\"error\":{\"message\":\"The model `test-model` does not exist.\",\"code\":\"model_not_found\"}}"))) {
            OpenAiChatClient client = new OpenAiChatClient(settings(server.endpoint()), Optional.empty());

            LlmException e = assertThrows(LlmException.class, () -> client.complete(QUESTION));
            assertEquals("the LLM endpoint " + server.endpoint() + " does not know the model test-model (404: The model `test-model` "
                    + "does not exist.)", e.getMessage());
            assertEquals(1, server.requests().size(), "a refusal is not retried");
        }
    }

    @Test
    void anUnreachableEndpointIsAClearError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // free once closed: nothing listens there
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/v1");
        OpenAiChatClient client = new OpenAiChatClient(settings(endpoint), Optional.empty());

        LlmException e = assertThrows(LlmException.class, () -> client.complete(QUESTION));
        assertTrue(e.getMessage().startsWith("cannot reach the LLM endpoint " + endpoint), e.getMessage());
    }

    @Test
    void anAnswerWithoutContentIsEmptyNotAnError() throws IOException {
        try (FakeChatServer server = new FakeChatServer(request -> Reply.status(200, "{\"choices\": [ {\"mess"))) {
            assertEquals("", new OpenAiChatClient(settings(server.endpoint()), Optional.empty()).complete(QUESTION));
        }
    }

    @Test
    void aRemoteEndpointIsRefusedUnlessAllowed() {
        URI remote = URI.create("http://8.8.8.8/v1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OpenAiChatClient(settings(remote), Optional.empty()));
        assertTrue(e.getMessage().contains("--llm-allow-remote"), e.getMessage());

        new OpenAiChatClient(settings(remote).withAllowRemote(true), Optional.empty()); // no request is sent until asked
    }

    @Test
    void loopbackAndPrivateNetworksArePrivate() throws IOException {
        for (String address : List.of("127.0.0.1", "::1", "10.1.2.3", "172.16.0.9", "192.168.1.20", "169.254.0.1", "fd12:3456::1")) {
            assertTrue(EndpointPolicy.isPrivate(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("8.8.8.8", "172.32.0.1", "2001:4860:4860::8888")) {
            assertFalse(EndpointPolicy.isPrivate(InetAddress.getByName(address)), address);
        }
    }
}
