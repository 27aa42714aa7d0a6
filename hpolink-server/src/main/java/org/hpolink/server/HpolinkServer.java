package org.hpolink.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.format.DocumentWriter;
import org.hpolink.format.DocumentWriters;
import org.hpolink.format.JsonLinesDocumentWriter;
import org.hpolink.format.OutputFormat;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.Synonym;
import org.hpolink.ontology.Term;
import org.hpolink.ontology.TermSearch;

/**
 * hpolink's HTTP service: {@code POST /v1/annotate}, {@code GET /v1/hpo/{id}}, {@code GET /v1/hpo/search},
 * {@code GET /v1/version}, {@code POST /v1/corrections}, {@code POST /v1/admin/reload}, {@code GET /health},
 * {@code GET /openapi.json} and the web page at {@code /}. The pipeline is loaded before it starts. It listens where {@link ServerSettings} says (loopback by default); with a token, every
 * request but the page and the health check needs {@code Authorization: Bearer TOKEN}. It logs nothing of a request;
 * every refused request gets a JSON error naming the field at fault. No CORS headers are sent, so other sites' pages
 * cannot read its answers.
 */
public final class HpolinkServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB = "/org/hpolink/server/web/";
    private static final Map<String, String> PAGE_FILES = Map.of(
            "/", "index.html",
            "/app.js", "app.js",
            "/app.css", "app.css");
    private static final int SEARCH_LIMIT = 20;
    private static final int MAX_SEARCH_LIMIT = 200;

    private final ServerSettings settings;
    private final AtomicReference<ServedPipeline> served;
    private final Optional<Supplier<ServedPipeline>> reload;
    private final Optional<CorrectionsFile> corrections;
    private final Semaphore inFlight;
    private final ExecutorService annotators;
    private final Javalin app;

    private HpolinkServer(ServerSettings settings, ServedPipeline served, Optional<Supplier<ServedPipeline>> reload) {
        this.settings = settings;
        this.served = new AtomicReference<>(served);
        this.reload = reload;
        this.corrections = settings.corrections().map(CorrectionsFile::new);
        this.inFlight = new Semaphore(settings.limits().maxInFlight());
        this.annotators = Executors.newFixedThreadPool(settings.limits().maxInFlight(), runnable -> {
            Thread thread = new Thread(runnable, "hpolink-annotate");
            thread.setDaemon(true);
            return thread;
        });
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.limits().maxBodyBytes();
            // Jetty keeps a connection's recent header fields and by default matches them ignoring case, which would
            // hand a request the token of the one before it on the same connection when the two differ only in case.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            config.routes.before(this::authorize);
            config.routes.get("/health", ctx -> json(ctx, 200, JSON.createObjectNode().put("status", "ready")));
            config.routes.get("/v1/version", this::version);
            config.routes.post("/v1/annotate", this::annotate);
            config.routes.get("/v1/hpo/search", this::search);
            config.routes.post("/v1/corrections", this::saveCorrections);
            config.routes.post("/v1/admin/reload", this::reload);
            config.routes.get("/v1/hpo/{id}", this::term);
            // The files are read once, here: a missing one stops the start, not a request.
            byte[] openApi = resource("/org/hpolink/server/openapi.json");
            config.routes.get("/openapi.json", ctx -> send(ctx, openApi, "application/json"));
            PAGE_FILES.forEach((path, file) -> {
                byte[] content = resource(WEB + file);
                config.routes.get(path, ctx -> page(ctx, file, content));
            });
            config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.field(), e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                switch (e.getStatus()) {
                    case 404 -> error(ctx, 404, "path", ctx.path() + " is not an address of this service");
                    case 405 -> error(ctx, 405, "method", ctx.method() + " is not allowed at " + ctx.path());
                    case 413 -> error(ctx, 413, "body", "the body is larger than " + settings.limits().maxBodyBytes() + " bytes");
                    default -> error(ctx, e.getStatus(), "", e.getMessage());
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "", "the service failed on this request"));
        });
    }

    /** Starts the service; it answers once this returns. */
    public static HpolinkServer start(ServerSettings settings, ServedPipeline served) {
        return start(settings, served, Optional.empty());
    }

    /**
     * Starts the service, which {@code POST /v1/admin/reload} makes serve what {@code reload} gives from then on (a
     * lexical model read again from its folder, say); without it, a reload is refused.
     */
    public static HpolinkServer start(ServerSettings settings, ServedPipeline served, Optional<Supplier<ServedPipeline>> reload) {
        HpolinkServer server = new HpolinkServer(settings, served, reload);
        server.app.start();
        return server;
    }

    /** The port it listens on (the one chosen when the settings asked for port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        annotators.shutdownNow();
    }

    private void authorize(Context ctx) {
        if (settings.token().isEmpty() || ctx.path().equals("/health") || PAGE_FILES.containsKey(ctx.path())) {
            return;
        }
        String given = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        byte[] expected = ("Bearer " + settings.token().get()).getBytes(StandardCharsets.UTF_8);
        // Compared in constant time, so that the answer's timing tells nothing of the token.
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "Authorization", "expected the header Authorization: Bearer TOKEN with the service's token");
        }
    }

    private void version(Context ctx) {
        json(ctx, 200, version(served.get()));
    }

    private static ObjectNode version(ServedPipeline served) {
        ObjectNode version = JSON.createObjectNode();
        version.put("hpolink", served.hpolinkVersion());
        version.put("hpo", served.hpo().release());
        version.put("pipeline", served.description());
        version.put("name", served.name());
        version.set("models", JSON.valueToTree(served.models()));
        return version;
    }

    private void saveCorrections(Context ctx) throws IOException {
        CorrectionsFile file = corrections.orElseThrow(() -> new ApiError(404, "path", "this service keeps no corrections"));
        CorrectionsFile.Saved saved = file.save(jsonBody(ctx), served.get().hpo(), settings.limits());
        ObjectNode answer = JSON.createObjectNode();
        answer.put("observations", saved.observations());
        answer.put("rows", saved.rows());
        answer.put("leftOut", saved.leftOut());
        answer.put("file", file.file().getFileName().toString());
        json(ctx, 200, answer);
    }

    private void reload(Context ctx) {
        Supplier<ServedPipeline> loader = reload.orElseThrow(() -> new ApiError(409, "", "this service's pipeline cannot be reloaded: "
                + "only a lexical model is, from its folder"));
        ServedPipeline fresh = loader.get();
        served.set(fresh);
        json(ctx, 200, version(fresh));
    }

    private void annotate(Context ctx) throws InterruptedException {
        ServedPipeline pipeline = served.get();
        AnnotateRequest request = AnnotateRequest.parse(jsonBody(ctx), settings.limits(), pipeline.name());
        if (!inFlight.tryAcquire()) {
            ctx.header("Retry-After", "1");
            throw new ApiError(503, "", "the service is annotating as many requests as it may; try again shortly");
        }
        Future<List<AnnotatedDocument>> work;
        try {
            work = annotators.submit(() -> {
                try {
                    return pipeline.annotator().annotate(request.documents());
                } finally {
                    inFlight.release(); // when the work ends, even after its request timed out: the bound holds
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
        List<AnnotatedDocument> documents;
        try {
            documents = work.get(settings.limits().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            ctx.header("Retry-After", "1");
            throw new ApiError(503, "", "the request took longer than " + settings.limits().requestTimeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("annotation failed", e.getCause());
        }
        write(ctx, request.format(), documents, pipeline);
    }

    /** The request's body, read as JSON; it must say it is. */
    private static JsonNode jsonBody(Context ctx) {
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "Content-Type", "'" + contentType + "': expected application/json");
        }
        try {
            return JSON.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw new ApiError(400, "body", "not JSON: " + firstLine(e.getMessage()));
        }
    }

    private static void write(Context ctx, OutputFormat format, List<AnnotatedDocument> documents, ServedPipeline served) {
        StringWriter out = new StringWriter();
        try {
            DocumentWriter writer = DocumentWriters.open(format, out, served.hpo().release(), "hpolink " + served.hpolinkVersion(), Instant.now());
            for (AnnotatedDocument document : documents) {
                writer.write(document);
            }
            writer.close();
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "format", e.getMessage()); // a BC8 row cannot hold a text with line breaks
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        switch (format) {
            case JSONL -> {
                // The document objects annotate --format jsonl writes, one a line, as one array.
                String lines = out.toString().strip();
                ctx.status(200).contentType("application/json")
                        .result("{\"documents\":[" + String.join(",", lines.isEmpty() ? List.of() : lines.lines().toList()) + "]}");
            }
            case PHENOPACKET -> ctx.status(200).contentType("application/x-ndjson").result(out.toString());
            case BIOC -> ctx.status(200).contentType("application/xml").result(out.toString());
            case TSV, BC8 -> ctx.status(200).contentType("text/tab-separated-values; charset=utf-8").result(out.toString());
        }
    }

    private void term(Context ctx) {
        String given = ctx.pathParam("id");
        String upper = given.toUpperCase(Locale.ROOT);
        if (!HpoId.isValid(upper)) {
            throw new ApiError(400, "id", "'" + given + "' is not an HPO id such as HP:0000369");
        }
        Hpo hpo = served.get().hpo();
        HpoId id = HpoId.of(upper);
        Term recorded = hpo.term(id).orElseThrow(() -> new ApiError(404, "id", id + " is not in HPO " + hpo.release()));
        Optional<HpoId> primary = hpo.primaryId(id);
        Term term = primary.flatMap(hpo::term).orElse(recorded);
        ObjectNode node = termNode(hpo, term);
        node.put("requested", id.toString());
        node.put("obsolete", recorded.obsolete());
        json(ctx, 200, node);
    }

    private static ObjectNode termNode(Hpo hpo, Term term) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", term.id().toString());
        node.put("label", term.label());
        term.definition().ifPresent(definition -> node.put("definition", definition));
        ArrayNode synonyms = node.putArray("synonyms");
        for (Synonym synonym : term.synonyms()) {
            synonyms.addObject().put("text", synonym.text()).put("scope", synonym.scope().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode parents = node.putArray("parents");
        for (HpoId parent : term.parents()) {
            parents.addObject().put("id", parent.toString()).put("label", hpo.term(parent).map(Term::label).orElse(""));
        }
        return node;
    }

    private void search(Context ctx) {
        String query = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
        if (query.isEmpty()) {
            throw new ApiError(400, "q", "expected a text to search the HPO's names for, such as q=low set ears");
        }
        int limit = SEARCH_LIMIT;
        String limitParam = ctx.queryParam("limit");
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_SEARCH_LIMIT) {
                throw new ApiError(400, "limit", "'" + limitParam + "': expected 1 to " + MAX_SEARCH_LIMIT);
            }
        }
        List<TermSearch.Match> matches = TermSearch.search(served.get().hpo(), query);
        ObjectNode result = JSON.createObjectNode();
        result.put("total", matches.size());
        ArrayNode terms = result.putArray("terms");
        for (TermSearch.Match match : matches.subList(0, Math.min(limit, matches.size()))) {
            ObjectNode term = terms.addObject().put("id", match.term().id().toString()).put("label", match.term().label()).put("name", match.name());
            match.scope().ifPresent(scope -> term.put("scope", scope.name().toLowerCase(Locale.ROOT)));
        }
        json(ctx, 200, result);
    }

    private static void page(Context ctx, String file, byte[] content) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        String type = file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".js") ? "text/javascript; charset=utf-8"
                : "text/css; charset=utf-8";
        send(ctx, content, type);
    }

    private static void send(Context ctx, byte[] content, String contentType) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.status(200).contentType(contentType).result(content);
    }

    private static byte[] resource(String path) {
        try (InputStream in = HpolinkServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void json(Context ctx, int status, JsonNode node) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void error(Context ctx, int status, String field, String message) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode detail = error.putObject("error");
        detail.put("status", status);
        if (!field.isEmpty()) {
            detail.put("field", field);
        }
        detail.put("message", message);
        json(ctx, status, error);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
