package org.hpolink.extract.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * A client of the OpenAI chat-completions protocol ({@code POST {endpoint}/chat/completions}), which vLLM,
 * llama.cpp's server, Ollama, Azure OpenAI and OpenAI all serve. It asks at temperature 0, holds at most
 * {@link LlmSettings#maxConcurrent()} requests in flight, and tries again, waiting longer each time, when a request
 * is answered 429 or 5xx or not answered in time. It checks the endpoint against {@link EndpointPolicy} first. The
 * key, when there is one, goes in the {@code Authorization} header and nowhere else; neither the key nor any text
 * appears in its messages.
 */
public final class OpenAiChatClient implements ChatClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);
    private static final int MAX_ERROR_DETAIL = 200;

    private final LlmSettings settings;
    private final Optional<String> apiKey;
    private final HttpClient http;
    private final Semaphore inFlight;

    /** @param apiKey the endpoint's key, or empty for one that needs none */
    public OpenAiChatClient(LlmSettings settings, Optional<String> apiKey) {
        EndpointPolicy.requireAllowed(settings.endpoint(), settings.allowRemote());
        this.settings = settings;
        this.apiKey = apiKey.filter(key -> !key.isBlank());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.inFlight = new Semaphore(settings.maxConcurrent(), true);
    }

    @Override
    public String complete(List<ChatMessage> messages) {
        HttpRequest request = request(messages);
        try {
            inFlight.acquire();
            try {
                return send(request);
            } finally {
                inFlight.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while waiting for the LLM endpoint " + settings.endpoint(), e);
        }
    }

    private HttpRequest request(List<ChatMessage> messages) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        body.put("temperature", 0);
        ArrayNode array = body.putArray("messages");
        for (ChatMessage message : messages) {
            array.addObject().put("role", message.role()).put("content", message.content());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.chatCompletions())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder.build();
    }

    private String send(HttpRequest request) throws InterruptedException {
        Duration backoff = settings.firstBackoff();
        String last = "";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200) {
                    return content(response.body());
                }
                if (status != 429 && status < 500) {
                    throw new LlmException(refusal(status, response.body()));
                }
                last = "status " + status;
                Duration atLeast = backoff;
                wait = retryAfter(response).filter(w -> w.compareTo(MAX_RETRY_AFTER) <= 0 && w.compareTo(atLeast) > 0).orElse(backoff);
            } catch (HttpTimeoutException e) {
                last = String.format(Locale.ROOT, "no answer within %.1f s", settings.timeout().toMillis() / 1000.0);
                wait = backoff;
            } catch (ConnectException e) {
                throw new LlmException("cannot reach the LLM endpoint " + settings.endpoint() + " (" + describe(e) + "): is its server running?", e);
            } catch (IOException e) {
                throw new LlmException("the LLM endpoint " + settings.endpoint() + " failed: " + describe(e), e);
            }
            if (attempt < settings.maxAttempts()) {
                Thread.sleep(wait.toMillis()); // no wait after the last try: the error comes at once
            }
            backoff = backoff.multipliedBy(2);
        }
        throw new LlmException("the LLM endpoint " + settings.endpoint() + " gave no answer in " + settings.maxAttempts() + " tries (last: " + last + ")");
    }

    /** The assistant's text of a chat-completions answer; empty when the body holds none (the parser counts that). */
    private static String content(String body) {
        try {
            JsonNode content = JSON.readTree(body).path("choices").path(0).path("message").path("content");
            return content.isTextual() ? content.asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private String refusal(int status, String body) {
        String detail = errorMessage(body);
        if (status == 404 && detail.toLowerCase(Locale.ROOT).contains("model")) {
            return "the LLM endpoint " + settings.endpoint() + " does not know the model " + settings.model() + " (404: " + detail + ")";
        }
        if (status == 404) {
            return "the LLM endpoint " + settings.endpoint() + " has no chat completions at " + settings.chatCompletions() + " (404)";
        }
        if (status == 401 || status == 403) {
            return "the LLM endpoint " + settings.endpoint() + " refused the request (" + status + "): set its key in HPOLINK_LLM_API_KEY";
        }
        return "the LLM endpoint " + settings.endpoint() + " refused the request (" + status + (detail.isEmpty() ? "" : ": " + detail) + ")";
    }

    /** The error message of an OpenAI-style error body ({@code {"error": {"message": ...}}}), shortened; else empty. */
    private static String errorMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String message = error.isTextual() ? error.asText() : error.path("message").asText("");
            return message.length() > MAX_ERROR_DETAIL ? message.substring(0, MAX_ERROR_DETAIL) + "..." : message;
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the backoff does
            }
        });
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
