package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpolink serve} started in-process on a free loopback port, asked over HTTP, then stopped. */
class ServeCommandTest {

    @TempDir
    Path folder;

    private Map<String, String> environment;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void writeData() throws IOException {
        environment = TinyData.environment(TinyData.create(folder.resolve("data")), folder.resolve("models"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void servesTheDefaultModelWithATokenUntilStopped() throws Exception {
        int port = freePort();
        Path token = Files.writeString(folder.resolve("token"), "  tok-3n\n");
        AtomicReference<Run> result = new AtomicReference<>();
        Thread serving = new Thread(() -> result.set(TinyData.run(environment, "serve", "--port", Integer.toString(port), "--token-file",
                token.toString())));
        serving.start();
        URI base = URI.create("http://127.0.0.1:" + port);
        try {
            awaitHealth(base, serving);

            HttpResponse<String> refused = annotate(base, "");
            assertEquals(401, refused.statusCode(), refused.body());
            HttpResponse<String> answered = annotate(base, "Bearer tok-3n");
            assertEquals(200, answered.statusCode(), answered.body());
            assertTrue(answered.body().startsWith("{\"documents\":[{\"id\":\"text\",\"findings\":[{\"hpo\":\"HP:0000369\",\"label\":\"Low-set ears\","
                    + "\"spans\":[[0,4],[6,13]]"), answered.body());
            HttpResponse<String> version = http.send(HttpRequest.newBuilder(base.resolve("/v1/version")).header("Authorization", "Bearer tok-3n")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(version.body().contains("\"pipeline\":\"lexical model, notes profile\""), version.body());
        } finally {
            serving.interrupt();
            serving.join(30_000);
        }
        assertEquals(0, result.get().exitCode(), result.get().err());
        assertTrue(result.get().err().contains("hpolink: serving the lexical model, notes profile on http://127.0.0.1:" + port + "/"),
                result.get().err());
    }

    @Test
    void anEmptyTokenFileIsAUsageError() throws IOException {
        Path token = Files.writeString(folder.resolve("token"), " \n");

        Run run = TinyData.run(environment, "serve", "--port", "0", "--token-file", token.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("is empty: expected the token"), run.err());
    }

    private HttpResponse<String> annotate(URI base, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/annotate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"EARS: low set, thin helices\"}"));
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealth(URI base, Thread serving) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && serving.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet: the model is being trained
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready");
    }
}
