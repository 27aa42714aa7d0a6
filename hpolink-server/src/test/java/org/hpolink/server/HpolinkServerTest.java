package org.hpolink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.format.JsonLinesDocumentWriter;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Span;
import org.hpolink.text.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service on a free loopback port, over a lexical pipeline of {@link TinyService}. */
class HpolinkServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServerLimits SMALL = new ServerLimits(20_000, 1_000, 3, Duration.ofSeconds(10), 4);

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<HpolinkServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(HpolinkServer::close);
    }

    private URI start(ServerLimits limits, Optional<String> token, ServedPipeline served) {
        HpolinkServer server = HpolinkServer.start(new ServerSettings("127.0.0.1", 0, limits, token), served);
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private URI start() {
        return start(SMALL, Optional.empty(), TinyService.served());
    }

    private HttpResponse<String> get(URI base, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI base, String contentType, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/annotate")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> annotate(URI base, String body) throws IOException, InterruptedException {
        return post(base, "application/json", body);
    }

    private static void assertError(HttpResponse<String> response, int status, String field) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertEquals(status, error.path("status").asInt(), response.body());
        assertEquals(field, error.path("field").asText(), response.body());
        assertFalse(error.path("message").asText().isEmpty(), response.body());
    }

    /** What annotate --format jsonl writes for {@code documents}, one object a line. */
    private static List<JsonNode> jsonLines(List<Document> documents) throws IOException {
        StringWriter out = new StringWriter();
        JsonLinesDocumentWriter writer = new JsonLinesDocumentWriter(out);
        for (AnnotatedDocument document : TinyService.annotator().annotate(documents)) {
            writer.write(document);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<JsonNode> documents(HttpResponse<String> response) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        JSON.readTree(response.body()).path("documents").forEach(documents::add);
        return documents;
    }

    @Test
    void annotatesATextAsAnnotateWritesIt() throws Exception {
        URI base = start();

        HttpResponse<String> response = annotate(base, "{\"text\": \"EARS: low set, thin helices\\r\\nEYES: no epicanthus\"}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        List<JsonNode> documents = documents(response);
        assertEquals(jsonLines(List.of(new Document("text", "EARS: low set, thin helices\nEYES: no epicanthus"))), documents);
        JsonNode first = documents.get(0).path("findings").path(0);
        assertEquals("HP:0000369", first.path("hpo").asText());
        assertEquals("[[0,4],[6,13]]", first.path("spans").toString());
        assertEquals("EARS low set", first.path("text").asText());
        assertTrue(response.body().contains("\"assertion\":\"negated\""), "the negated finding is there too: " + response.body());
    }

    @Test
    void annotatesDocumentsInEachFormat() throws Exception {
        URI base = start();
        String documents = "\"documents\": [{\"id\": \"a\", \"text\": \"EARS: low set\"}, {\"id\": \"b\", \"text\": \"EYES: epicanthus\"}]";

        HttpResponse<String> json = annotate(base, "{" + documents + "}");
        assertEquals(jsonLines(List.of(new Document("a", "EARS: low set"), new Document("b", "EYES: epicanthus"))), documents(json));

        HttpResponse<String> phenopackets = annotate(base, "{" + documents + ", \"format\": \"phenopacket\"}");
        assertEquals(200, phenopackets.statusCode(), phenopackets.body());
        assertEquals(2, phenopackets.body().lines().count());
        assertTrue(phenopackets.body().contains("HP:0000369") && phenopackets.body().contains("phenotypicFeatures"), phenopackets.body());

        HttpResponse<String> bioc = annotate(base, "{" + documents + ", \"format\": \"bioc\"}");
        assertTrue(bioc.body().startsWith("<?xml") && bioc.body().contains("HP:0000286"), bioc.body());

        HttpResponse<String> tsv = annotate(base, "{" + documents + ", \"format\": \"tsv\"}");
        assertEquals(3, tsv.body().lines().count(), tsv.body());

        HttpResponse<String> bc8 = annotate(base, "{" + documents + ", \"format\": \"bc8\"}");
        assertTrue(bc8.body().startsWith("ObservationID\tText\tHPO Term\tSpans\na\tEARS: low set\tHP:0000369\t0-4,6-13"), bc8.body());
        assertError(annotate(base, "{\"text\": \"EARS: low set\\nEYES: epicanthus\", \"format\": \"bc8\"}"), 400, "format");
    }

    @Test
    void everyBadRequestNamesItsField() throws Exception {
        URI base = start();

        assertError(annotate(base, "{\"text\": "), 400, "body");
        assertError(annotate(base, "[1, 2]"), 400, "body");
        assertError(post(base, "text/plain", "{\"text\": \"EARS: low set\"}"), 415, "Content-Type");
        assertError(annotate(base, "{\"txt\": \"EARS: low set\"}"), 400, "txt");
        assertError(annotate(base, "{}"), 400, "text");
        assertError(annotate(base, "{\"text\": \"a\", \"documents\": []}"), 400, "documents");
        assertError(annotate(base, "{\"text\": 5}"), 400, "text");
        assertError(annotate(base, "{\"text\": \"a\", \"format\": \"pdf\"}"), 400, "format");
        assertError(annotate(base, "{\"documents\": []}"), 400, "documents");
        assertError(annotate(base, "{\"documents\": [{\"id\": \"a\"}]}"), 400, "documents[0].text");
        assertError(annotate(base, "{\"documents\": [{\"text\": \"a\"}]}"), 400, "documents[0].id");
        assertError(annotate(base, "{\"documents\": [{\"id\": \" \", \"text\": \"a\"}]}"), 400, "documents[0].id");
        assertError(annotate(base, "{\"documents\": [{\"id\": \"a\", \"text\": \"b\"}, {\"id\": \"a\", \"text\": \"c\"}]}"), 400, "documents[1].id");
        assertError(annotate(base, "{\"documents\": [{\"id\": \"a\", \"text\": \"b\", \"lang\": \"en\"}]}"), 400, "documents[0].lang");
        assertError(annotate(base, "{\"text\": \"a\", \"pipeline\": \"ensemble\"}"), 400, "pipeline");
        assertEquals(200, annotate(base, "{\"text\": \"a\", \"pipeline\": \"lexical\"}").statusCode(), "the served pipeline may be named");
    }

    @Test
    void limitsAreEnforced() throws Exception {
        URI base = start();

        assertError(annotate(base, "{\"text\": \"" + "a".repeat(1_001) + "\"}"), 413, "text");
        assertError(annotate(base, "{\"documents\": [" + String.join(",", List.of("{\"id\":\"1\",\"text\":\"a\"}", "{\"id\":\"2\",\"text\":\"a\"}",
                "{\"id\":\"3\",\"text\":\"a\"}", "{\"id\":\"4\",\"text\":\"a\"}")) + "]}"), 413, "documents");
        HttpResponse<String> tooLarge = annotate(base, "{\"text\": \"a\", \"id\": \"" + "x".repeat(30_000) + "\"}");
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals(413, JSON.readTree(tooLarge.body()).path("error").path("status").asInt(), tooLarge.body());
    }

    @Test
    void requestsBeyondTheBoundInProgressGet503AndSlowOnesTimeOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DocumentAnnotating blocking = documents -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TinyService.annotator().annotate(documents);
        };
        URI base = start(new ServerLimits(20_000, 1_000, 3, Duration.ofMillis(300), 1), Optional.empty(), TinyService.served(blocking));

        HttpResponse<String> slow = annotate(base, "{\"text\": \"EARS: low set\"}");
        assertError(slow, 503, "");
        assertTrue(slow.body().contains("longer than"), slow.body());
        HttpResponse<String> busy = annotate(base, "{\"text\": \"EARS: low set\"}");
        assertError(busy, 503, "");
        assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""), "the first request's work still holds the one place");
        release.countDown();
        Thread.sleep(200);
        assertEquals(200, annotate(base, "{\"text\": \"EARS: low set\"}").statusCode());
    }

    @Test
    void withATokenEveryApiRequestNeedsIt() throws Exception {
        URI base = start(SMALL, Optional.of("s3cret-token"), TinyService.served());

        HttpResponse<String> none = annotate(base, "{\"text\": \"EARS: low set\"}");
        assertError(none, 401, "Authorization");
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertError(post(base, "application/json", "{\"text\": \"EARS: low set\"}", "Authorization", "Bearer s3cret-tokeN"), 401, "Authorization");
        assertError(get(base, "/v1/version"), 401, "Authorization");
        assertError(get(base, "/openapi.json"), 401, "Authorization");
        assertEquals(200, post(base, "application/json", "{\"text\": \"EARS: low set\"}", "Authorization", "Bearer s3cret-token").statusCode());
        assertEquals(200, get(base, "/health").statusCode(), "the health check needs no token");
        assertEquals(200, get(base, "/").statusCode(), "the page needs no token: it asks for one");
    }

    private HttpResponse<String> postTo(URI base, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void correctionsAreAppendedAsAnAnnotatedFileTheTrainerReads() throws Exception {
        Path file = folder.resolve("data").resolve("corrections.tsv");
        HpolinkServer server = HpolinkServer.start(new ServerSettings("127.0.0.1", 0, SMALL, Optional.empty(), Optional.of(file)),
                TinyService.served());
        servers.add(server);
        URI base = URI.create("http://127.0.0.1:" + server.port());
        String reviewed = "{\"documents\": [{\"id\": \"note 1\", \"text\": \"EYES: hooded\\teyes,\\nno epicanthus; mother: low set ears\", "
                + "\"findings\": [{\"hpo\": \"HP:0030820\", \"spans\": [[6, 17]], \"assertion\": \"present\"}, "
                + "{\"hpo\": \"HP:0000286\", \"spans\": [[22, 32]], \"assertion\": \"negated\"}, "
                + "{\"hpo\": \"HP:0000369\", \"spans\": [[42, 54]], \"assertion\": \"family\"}]}, "
                + "{\"id\": \"note 2\", \"text\": \"EARS: normal\", \"findings\": []}]}";

        HttpResponse<String> saved = postTo(base, "/v1/corrections", reviewed);
        postTo(base, "/v1/corrections", reviewed);

        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("{\"observations\":2,\"rows\":3,\"leftOut\":1,\"file\":\"corrections.tsv\"}", saved.body());
        List<String> lines = Files.readAllLines(file);
        assertEquals(7, lines.size(), "one header, then three rows a save: " + lines);
        assertEquals(CorrectionsFile.HEADER, lines.get(0));
        assertTrue(lines.get(1).matches("correction:note_1@\\S+\tEYES: hooded eyes, no epicanthus; mother: low set ears\tHP:0030820\tNA\t6-17"),
                lines.get(1));
        Corpus corpus = new Bc8CorpusReader(TinyService.HPO::isKnown).read(file);
        assertEquals(4, corpus.size(), "each save's texts are observations of their own");
        assertEquals(List.of(Finding.key(TinyHpo.HOODED_EYELID, Span.parse("6-17")), Finding.normal(TinyHpo.EPICANTHUS, Span.parse("22-32"))),
                corpus.observations().get(0).findings());
        assertEquals(List.of(), corpus.observations().get(1).findings());

        assertError(postTo(base, "/v1/corrections", "{\"documents\": [{\"id\": \"a\", \"text\": \"EYES: x\", \"findings\": [{\"hpo\": "
                + "\"HP:9999999\", \"spans\": [[6, 7]]}]}]}"), 400, "documents[0].findings[0].hpo");
        assertError(postTo(base, "/v1/corrections", "{\"documents\": [{\"id\": \"a\", \"text\": \"EYES: x\", \"findings\": [{\"hpo\": "
                + "\"HP:0000286\", \"spans\": [[6, 70]]}]}]}"), 400, "documents[0].findings[0].spans");
        assertError(postTo(base, "/v1/corrections", "{\"documents\": [{\"id\": \"a\", \"text\": \"EYES: x\", \"findings\": [{\"hpo\": "
                + "\"HP:0000286\", \"spans\": [[6, 7]], \"assertion\": \"maybe\"}]}]}"), 400, "documents[0].findings[0].assertion");
        assertEquals(7, Files.readAllLines(file).size(), "a refused save writes nothing");
        assertError(postTo(start(), "/v1/corrections", reviewed), 404, "path");
    }

    @Test
    void aReloadServesWhatTheReloaderGivesAndIsRefusedWithoutOne() throws Exception {
        ServedPipeline other = new ServedPipeline("other", TinyService.HPO, documents -> List.of(), "another model", List.of(), "0.1.0-test");
        HpolinkServer server = HpolinkServer.start(new ServerSettings("127.0.0.1", 0, SMALL, Optional.of("t0ken")), TinyService.served(),
                Optional.of(() -> other));
        servers.add(server);
        URI base = URI.create("http://127.0.0.1:" + server.port());

        assertError(postTo(base, "/v1/admin/reload", ""), 401, "Authorization");
        HttpResponse<String> reloaded = postTo(base, "/v1/admin/reload", "", "Authorization", "Bearer t0ken");

        assertEquals(200, reloaded.statusCode(), reloaded.body());
        assertEquals("another model", JSON.readTree(reloaded.body()).path("pipeline").asText());
        assertEquals("another model", JSON.readTree(get(base, "/v1/version", "Authorization", "Bearer t0ken").body()).path("pipeline").asText());
        assertError(postTo(start(), "/v1/admin/reload", ""), 409, "");
    }

    @Test
    void healthVersionAndTheOntology() throws Exception {
        URI base = start();

        assertEquals("{\"status\":\"ready\"}", get(base, "/health").body());
        JsonNode version = JSON.readTree(get(base, "/v1/version").body());
        assertEquals("0.1.0-test", version.path("hpolink").asText());
        assertEquals("tiny", version.path("hpo").asText());
        assertEquals("lexical", version.path("models").path(0).path("component").asText());

        JsonNode term = JSON.readTree(get(base, "/v1/hpo/hp:0000369").body());
        assertEquals("Low-set ears", term.path("label").asText());
        assertEquals("HP:0000598", term.path("parents").path(0).path("id").asText());
        JsonNode alternative = JSON.readTree(get(base, "/v1/hpo/HP:0000624").body());
        assertEquals("HP:0000286", alternative.path("id").asText(), "an alternative id gives its term");
        assertError(get(base, "/v1/hpo/HP:9999999"), 404, "id");
        assertError(get(base, "/v1/hpo/ears"), 400, "id");

        JsonNode found = JSON.readTree(get(base, "/v1/hpo/search?q=low%20set").body());
        assertEquals("HP:0000369", found.path("terms").path(0).path("id").asText(), found.toString());
        assertError(get(base, "/v1/hpo/search"), 400, "q");
        assertError(get(base, "/v1/hpo/search?q=ear&limit=0"), 400, "limit");
        assertError(get(base, "/v2/annotate"), 404, "path");
    }

    @Test
    void theOpenApiDescriptionIsServedAndNamesEveryAddress() throws Exception {
        URI base = start();

        HttpResponse<String> response = get(base, "/openapi.json");

        assertEquals(200, response.statusCode());
        byte[] file;
        try (InputStream in = HpolinkServer.class.getResourceAsStream("/org/hpolink/server/openapi.json")) {
            file = in.readAllBytes();
        }
        assertEquals(JSON.readTree(file), JSON.readTree(response.body()));
        List<String> paths = new ArrayList<>();
        for (Iterator<String> names = JSON.readTree(file).path("paths").fieldNames(); names.hasNext(); ) {
            paths.add(names.next());
        }
        assertEquals(List.of("/v1/annotate", "/v1/hpo/{id}", "/v1/hpo/search", "/v1/version", "/v1/corrections", "/v1/admin/reload", "/health",
                "/openapi.json", "/"), paths);
        assertTrue(get(base, "/").body().contains("<textarea id=\"note\""));
        assertEquals(200, get(base, "/app.js").statusCode());
        assertEquals(200, get(base, "/app.css").statusCode());
    }

    @Test
    void tenThousandMalformedRequestsLeaveItAnsweringAndItsHeapWhereItWas() throws Exception {
        URI base = start();
        String good = "{\"text\": \"EARS: low set, thin helices\"}";
        String expected = annotate(base, good).body();
        long before = usedHeapAfterCollection();

        for (int i = 0; i < 10_000; i++) {
            String body = switch (i % 4) {
                case 0 -> "{\"text\": ";
                case 1 -> "{\"documents\": [{\"id\": \"" + i + "\"}]}";
                case 2 -> "\u0000\u00ff" + i;
                default -> "{\"text\": \"a\", \"format\": " + i + "}";
            };
            int status = annotate(base, body).statusCode();
            assertEquals(400, status, body);
        }

        long after = usedHeapAfterCollection();
        System.out.printf("heap in use after a collection: %,d bytes before 10,000 malformed requests, %,d after%n", before, after);
        assertEquals(expected, annotate(base, good).body());
        assertTrue(after - before < 20_000_000, "the heap grew by " + (after - before) + " bytes");
    }

    private static long usedHeapAfterCollection() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void concurrentRequestsGetTheAnswersOfOneByOne() throws Exception {
        URI base = start(new ServerLimits(20_000, 1_000, 3, Duration.ofSeconds(30), 16), Optional.empty(), TinyService.served());
        List<String> texts = List.of("EARS: low set, thin helices", "EYES: epicanthus, hooded eyelids", "EYES: no epicanthus", "EARS: low set");
        List<String> expected = new ArrayList<>();
        for (String text : texts) {
            expected.add(annotate(base, "{\"text\": \"" + text + "\"}").body());
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int which = i % texts.size();
                results.add(clients.submit(() -> {
                    HttpResponse<String> response = annotate(base, "{\"text\": \"" + texts.get(which) + "\"}");
                    return response.statusCode() == 200 && response.body().equals(expected.get(which));
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
