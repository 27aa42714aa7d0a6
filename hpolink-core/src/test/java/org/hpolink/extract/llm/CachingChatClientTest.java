package org.hpolink.extract.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingChatClientTest {

    @TempDir
    Path folder;

    private static final Map<String, Object> KEY = Map.of("endpoint", "http://127.0.0.1:1/v1", "model", "m");

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCacheAndACacheOnlyRunReplaysIt() {
        AtomicInteger asked = new AtomicInteger();
        ChatClient endpoint = messages -> "answer " + asked.incrementAndGet();
        List<ChatMessage> question = List.of(ChatMessage.user("EYES: epicanthus"));

        CachingChatClient caching = CachingChatClient.caching(endpoint, folder, KEY);
        assertEquals("answer 1", caching.complete(question));
        assertEquals("answer 1", caching.complete(question));
        assertEquals(1, asked.get());
        assertEquals(1, caching.hits());
        assertEquals(1, caching.misses());

        assertEquals("answer 1", CachingChatClient.replaying(folder, KEY).complete(question));
        assertEquals("answer 2", caching.complete(List.of(ChatMessage.user("EARS: low set"))), "another question is asked");
        assertEquals("answer 3", CachingChatClient.caching(endpoint, folder, Map.of("model", "other")).complete(question),
                "another model is asked");
    }

    @Test
    void aCacheOnlyRunFailsOnAQuestionTheCacheDoesNotHold() {
        LlmException e = assertThrows(LlmException.class,
                () -> CachingChatClient.replaying(folder, KEY).complete(List.of(ChatMessage.user("EYES: epicanthus"))));
        assertTrue(e.getMessage().contains("--llm-cache-only"), e.getMessage());
    }
}
