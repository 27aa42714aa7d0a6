package org.hpolink.extract.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on a loopback port, answering from a script: for each request, the
 * script sees the request's JSON and returns the reply. Nothing here reaches any other address. The command line's
 * tests use it too.
 */
public final class FakeChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted reply: a status, headers, a body, and how long to wait before sending it. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {

        /** A 200 whose assistant message is {@code content}. */
        public static Reply answer(String content) {
            return new Reply(200, Map.of(), JSON.createObjectNode().set("choices", JSON.createArrayNode().add(
                    JSON.createObjectNode().set("message", JSON.createObjectNode().put("role", "assistant").put("content", content))))
                    .toString(), 0);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, Map.of(), body, 0);
        }
    }

    /** A request as the server saw it. */
    public record Request(String path, JsonNode body, String authorization) {

        /** The text of the last message: the observation asked about. */
        public String question() {
            JsonNode messages = body.path("messages");
            return messages.path(messages.size() - 1).path("content").asText();
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeChatServer(Function<Request, Reply> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> handle(exchange, script));
        server.start();
    }

    private void handle(HttpExchange exchange, Function<Request, Reply> script) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestURI().getPath(), JSON.readTree(body),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(request);
            Reply reply = script.apply(request);
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    /** The API's base URL, as a user would give it ({@code http://127.0.0.1:PORT/v1}). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
