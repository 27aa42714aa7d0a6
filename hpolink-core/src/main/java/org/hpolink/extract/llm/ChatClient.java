package org.hpolink.extract.llm;

import java.util.List;

/** Answers a chat conversation: a chat-completions endpoint, or a cache of its answers. Thread-safe. */
public interface ChatClient {

    /**
     * The assistant's answer to {@code messages}; an empty string when the endpoint answered without one.
     *
     * @throws LlmException when no answer can be had (endpoint unreachable, model unknown, retries used up, a miss
     *                      in a cache that may not ask the endpoint), with a message for the user
     */
    String complete(List<ChatMessage> messages);
}
