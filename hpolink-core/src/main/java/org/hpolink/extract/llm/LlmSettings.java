package org.hpolink.extract.llm;

import static org.hpolink.model.ConfigChecks.requireRange;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the LLM extractor reaches its model and asks it.
 *
 * @param endpoint      the base URL of an OpenAI-compatible API; requests go to {@code {endpoint}/chat/completions}
 * @param model         the model name the endpoint serves
 * @param examples      few-shot examples a prompt shows
 * @param timeout       the longest wait for one answer
 * @param maxConcurrent requests in flight at once
 * @param maxAttempts   tries of a request answered 429 or 5xx, or not answered in time
 * @param firstBackoff  the wait before the second try; it doubles for each further try, unless the endpoint's
 *                      {@code Retry-After} asks for longer (up to a minute)
 * @param allowRemote   whether an endpoint outside this machine and its private network may be used
 */
public record LlmSettings(URI endpoint, String model, int examples, Duration timeout, int maxConcurrent, int maxAttempts,
                          Duration firstBackoff, boolean allowRemote) {

    public static final int DEFAULT_EXAMPLES = 10;

    public LlmSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("the LLM endpoint " + endpoint + " is not an http:// or https:// URL with a host");
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("the LLM model name is empty");
        }
        requireRange("examples", examples, 0, 100);
        requireRange("maxConcurrent", maxConcurrent, 1, 256);
        requireRange("maxAttempts", maxAttempts, 1, 20);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the LLM timeout is " + timeout + ": expected more than 0");
        }
    }

    /** The defaults for an endpoint and model: 10 examples, 120 s an answer, 4 requests at once, 5 tries from 1 s apart. */
    public static LlmSettings of(URI endpoint, String model) {
        return new LlmSettings(endpoint, model, DEFAULT_EXAMPLES, Duration.ofSeconds(120), 4, 5, Duration.ofSeconds(1), false);
    }

    public LlmSettings withExamples(int newExamples) {
        return new LlmSettings(endpoint, model, newExamples, timeout, maxConcurrent, maxAttempts, firstBackoff, allowRemote);
    }

    public LlmSettings withTimeout(Duration newTimeout) {
        return new LlmSettings(endpoint, model, examples, newTimeout, maxConcurrent, maxAttempts, firstBackoff, allowRemote);
    }

    public LlmSettings withMaxConcurrent(int newMaxConcurrent) {
        return new LlmSettings(endpoint, model, examples, timeout, newMaxConcurrent, maxAttempts, firstBackoff, allowRemote);
    }

    public LlmSettings withRetries(int newMaxAttempts, Duration newFirstBackoff) {
        return new LlmSettings(endpoint, model, examples, timeout, maxConcurrent, newMaxAttempts, newFirstBackoff, allowRemote);
    }

    public LlmSettings withAllowRemote(boolean newAllowRemote) {
        return new LlmSettings(endpoint, model, examples, timeout, maxConcurrent, maxAttempts, firstBackoff, newAllowRemote);
    }

    /** The URL answers are asked of. */
    public URI chatCompletions() {
        String base = endpoint.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }

    /** What decides an answer, for the answer cache's key: the endpoint, the model and the prompt's settings. */
    public Map<String, Object> answerKey() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("endpoint", endpoint.toString());
        key.put("model", model);
        key.put("examples", examples);
        key.put("temperature", 0);
        return key;
    }
}
