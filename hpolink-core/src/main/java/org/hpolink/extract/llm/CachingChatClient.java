package org.hpolink.extract.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpolink.model.Sha256;

/**
 * Keeps every answer on disk, a file named by the SHA-256 of what decides it (the endpoint, the model, the prompt's
 * settings and the messages), so that a repeated run asks nothing. With no client to ask ({@link #replaying}), a
 * question whose answer is not in the cache is an error: a run that must not reach the network never does.
 */
public final class CachingChatClient implements ChatClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<ChatClient> client;
    private final Path folder;
    private final String keyPrefix;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private CachingChatClient(Optional<ChatClient> client, Path folder, Map<String, Object> answerKey) {
        this.client = client;
        this.folder = folder;
        this.keyPrefix = JSON.valueToTree(answerKey).toString();
    }

    /** Answers from the cache in {@code folder}, asking {@code client} (and keeping its answer) on a miss. */
    public static CachingChatClient caching(ChatClient client, Path folder, Map<String, Object> answerKey) {
        return new CachingChatClient(Optional.of(client), folder, answerKey);
    }

    /** Answers from the cache in {@code folder} only. */
    public static CachingChatClient replaying(Path folder, Map<String, Object> answerKey) {
        return new CachingChatClient(Optional.empty(), folder, answerKey);
    }

    @Override
    public String complete(List<ChatMessage> messages) {
        Path file = folder.resolve(key(messages) + ".txt");
        try {
            if (Files.isRegularFile(file)) {
                hits.incrementAndGet();
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            misses.incrementAndGet();
            if (client.isEmpty()) {
                throw new LlmException("no answer in the LLM cache " + folder + " for one of the questions, and --llm-cache-only forbids "
                        + "asking the endpoint");
            }
            String answer = client.get().complete(messages);
            Files.createDirectories(folder);
            Path staging = Files.createTempFile(folder, ".answer-", ".tmp");
            Files.writeString(staging, answer, StandardCharsets.UTF_8);
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the LLM cache " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Questions answered from the cache so far. */
    public int hits() {
        return hits.get();
    }

    /** Questions the cache did not hold so far. */
    public int misses() {
        return misses.get();
    }

    private String key(List<ChatMessage> messages) {
        ObjectNode question = JSON.createObjectNode();
        question.put("settings", keyPrefix);
        ArrayNode array = question.putArray("messages");
        for (ChatMessage message : messages) {
            array.addObject().put("role", message.role()).put("content", message.content());
        }
        return Sha256.of(question.toString().getBytes(StandardCharsets.UTF_8));
    }
}
