package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.DocumentAnnotator;
import org.hpolink.pipeline.OpenPipeline;
import org.hpolink.pipeline.Profile;
import org.hpolink.server.HpolinkServer;
import org.hpolink.server.ServedPipeline;
import org.hpolink.server.ServerLimits;
import org.hpolink.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hpolink serve}: the HTTP service and its review page, the models loaded once at start. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Serve hpolink over HTTP: POST /v1/annotate, GET /v1/hpo/{id}, GET /v1/hpo/search?q=, GET /v1/version, "
                    + "POST /v1/corrections, POST /v1/admin/reload (a lexical model read again from its folder), GET /health, "
                    + "GET /openapi.json, and the review page at /. The models of --model are loaded (and "
                    + "trained, if needed) before it listens; it runs until stopped (Ctrl-C).",
            "It listens on 127.0.0.1 unless --host says otherwise; for other machines, put a TLS reverse proxy in front "
                    + "and give it a --token-file. It logs nothing of a request's text."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "The port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    private int port = 8080;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Require Authorization: Bearer TOKEN on every request but the page and /health, TOKEN being the "
                    + "file's content (surrounding whitespace left out).")
    private Path tokenFile;

    @Option(names = "--corrections", paramLabel = "FILE",
            description = "Append the corrections saved from the review page (POST /v1/corrections) to FILE, an annotated BC8 "
                    + "file for hpolink train --corrections FILE (default: corrections.tsv in the data folder).")
    private Path corrections;

    @Option(names = "--max-chars", paramLabel = "N", description = "The longest text of a document (default: ${DEFAULT-VALUE}).")
    private int maxChars = ServerLimits.DEFAULTS.maxTextChars();

    @Option(names = "--max-documents", paramLabel = "N", description = "Documents in one request (default: ${DEFAULT-VALUE}).")
    private int maxDocuments = ServerLimits.DEFAULTS.maxDocuments();

    @Option(names = "--max-body-bytes", paramLabel = "N", description = "The largest request body (default: ${DEFAULT-VALUE}).")
    private long maxBodyBytes = ServerLimits.DEFAULTS.maxBodyBytes();

    @Option(names = "--request-timeout", paramLabel = "SECONDS",
            description = "The longest a request may take; a longer one is answered 503 (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds = (int) ServerLimits.DEFAULTS.requestTimeout().toSeconds();

    @Option(names = "--max-in-flight", paramLabel = "N",
            description = "Requests annotated at once; others are answered 503 with Retry-After (default: ${DEFAULT-VALUE}).")
    private int maxInFlight = ServerLimits.DEFAULTS.maxInFlight();

    @Mixin
    private ModelOption model;

    @Mixin
    private NormalizerOption normalizer;

    @Mixin
    private GridModelOption grid;

    @Mixin
    private LlmOption llm;

    @Mixin
    private HpoOption hpo;

    @Mixin
    private ProfileOption profile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ServerLimits limits;
        ServerSettings settings;
        try {
            limits = new ServerLimits(maxBodyBytes, maxChars, maxDocuments, Duration.ofSeconds(timeoutSeconds), maxInFlight);
            Path correctionsFile = corrections != null ? corrections : HpolinkCommand.of(spec).dataFolder().resolve("corrections.tsv");
            settings = new ServerSettings(host, port, limits, token(), Optional.of(correctionsFile));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Profile chosenProfile = profile.profile(Profile.NOTES);
        Hpo ontology = hpo.read();
        int workers = Runtime.getRuntime().availableProcessors();
        PrintWriter err = spec.commandLine().getErr();
        try (OpenPipeline pipeline = model.pipeline(ontology, normalizer, grid, llm, workers, chosenProfile)) {
            ServedPipeline served = served(model.name(), pipeline, ontology, chosenProfile);
            // A lexical model holds nothing open, so it can be read again and swapped in while requests run.
            Optional<Supplier<ServedPipeline>> reload = pipeline.resources().isEmpty() ? Optional.of(() -> {
                try {
                    OpenPipeline fresh = model.pipeline(ontology, normalizer, grid, llm, workers, chosenProfile);
                    return served(model.name(), fresh, ontology, chosenProfile);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }) : Optional.empty();
            try (HpolinkServer server = HpolinkServer.start(settings, served, reload)) {
                err.printf("hpolink: serving the %s on http://%s:%d/ (the API under /v1, its description at /openapi.json)%s; "
                        + "stop with Ctrl-C%n", served.description(), host, server.port(),
                        settings.token().isPresent() ? ", token required" : "");
                err.flush();
                awaitStop();
            }
        }
        return 0;
    }

    /** What the service serves of {@code pipeline}: requests are annotated side by side, each on its own thread. */
    static ServedPipeline served(String name, OpenPipeline pipeline, Hpo ontology, Profile profile) {
        DocumentAnnotator annotator = new DocumentAnnotator(pipeline.pipeline(), ontology, profile);
        return new ServedPipeline(name, ontology, annotator::annotate, pipeline.description() + ", " + profile.label() + " profile",
                pipeline.provenance(), ProjectVersion.version());
    }

    private Optional<String> token() throws IOException {
        if (tokenFile == null) {
            return Optional.empty();
        }
        String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
            throw new IllegalArgumentException("--token-file " + tokenFile + " is empty: expected the token");
        }
        return Optional.of(token);
    }

    /** Waits until the JVM shuts down (Ctrl-C) or this thread is interrupted. */
    private static void awaitStop() {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "hpolink-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // The interrupt is the request to stop, and is answered by stopping: the service is closed next.
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook has run
            }
        }
    }
}
