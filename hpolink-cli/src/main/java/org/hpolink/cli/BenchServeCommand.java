package org.hpolink.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.format.DocumentReader;
import org.hpolink.format.DocumentReaders;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.OpenPipeline;
import org.hpolink.pipeline.Profile;
import org.hpolink.server.HpolinkServer;
import org.hpolink.server.ServerLimits;
import org.hpolink.server.ServerSettings;
import org.hpolink.text.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpolink bench serve}: requests per second and latency of the service on loopback, at several numbers of clients. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Start the service in this JVM on a free loopback port with the pipeline --model names, and send it POST "
                    + "/v1/annotate requests from --clients concurrent clients (each its own HTTP/1.1 connection, one request "
                    + "at a time): --requests one-observation requests (the training file's texts) and a tenth as many "
                    + "3,000-character notes (the GeneReviews texts joined and cut), after --warmup untimed requests of each. "
                    + "Prints requests/s and latency percentiles; stops by itself.",
            "Targets for the lexical model on 2 cores: 5,000 one-observation requests/s or more and p99 under 50 ms at 16 clients."
        })
final class BenchServeCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NOTE_CHARS = 3_000;
    private static final double TARGET_REQUESTS_PER_SECOND = 5_000;
    private static final double TARGET_P99_MS = 50;
    private static final int TARGET_CLIENTS = 16;

    @Option(names = "--requests", paramLabel = "N", description = "One-observation requests a setting (default: ${DEFAULT-VALUE}).")
    private int requests = 20_000;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed requests before each kind (default: ${DEFAULT-VALUE}).")
    private int warmup = 5_000;

    @Option(names = "--clients", paramLabel = "N,N,...", split = ",", description = "Concurrent clients (default: 1,4,16).")
    private int[] clients = {1, 4, 16};

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

    /** What one setting measured. */
    private record Measured(int requests, double seconds, long[] latencies, int failures) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            return latencies[Math.min(latencies.length - 1, (int) Math.ceil(p * latencies.length) - 1)] / 1e6;
        }
    }

    @Override
    public Integer call() throws Exception {
        OptionChecks.requireAtLeast(spec, "--requests", requests, 10);
        OptionChecks.requireAtLeast(spec, "--warmup", warmup, 0);
        for (int n : clients) {
            OptionChecks.requireAtLeast(spec, "--clients", n, 1);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(Measurement.runtime());
        Hpo ontology = hpo.read();
        DataLocation data = HpolinkCommand.of(spec).dataLocation();
        List<String> observations = new Bc8CorpusReader(ontology::isKnown).read(data.bc8Train()).observations().stream()
                .map(AnnotatedObservation::text).toList();
        List<String> notes = notes(data.folder().resolve("notes").resolve("genereviews").toString());
        Profile chosenProfile = profile.profile(Profile.NOTES);
        int workers = Runtime.getRuntime().availableProcessors();
        ServerLimits limits = new ServerLimits(ServerLimits.DEFAULTS.maxBodyBytes(), ServerLimits.DEFAULTS.maxTextChars(),
                ServerLimits.DEFAULTS.maxDocuments(), ServerLimits.DEFAULTS.requestTimeout(), Arrays.stream(clients).max().orElse(1));
        try (OpenPipeline pipeline = model.pipeline(ontology, normalizer, grid, llm, workers, chosenProfile);
             HpolinkServer server = HpolinkServer.start(new ServerSettings("127.0.0.1", 0, limits, Optional.empty()),
                     ServeCommand.served(model.name(), pipeline, ontology, chosenProfile))) {
            URI annotate = URI.create("http://127.0.0.1:" + server.port() + "/v1/annotate");
            out.printf(Locale.ROOT, "pipeline: %s, %s profile; %,d training observations, %,d notes of %,d characters%n", pipeline.description(),
                    chosenProfile.label(), observations.size(), notes.size(), NOTE_CHARS);
            out.println("kind          clients  requests  requests/s  p50 ms  p95 ms  p99 ms  failed");
            out.flush();
            for (String kind : List.of("observation", "note")) {
                List<String> bodies = bodies(kind.equals("note") ? notes : observations);
                int count = kind.equals("note") ? Math.max(10, requests / 10) : requests;
                measure(annotate, bodies, Math.max(1, kind.equals("note") ? warmup / 10 : warmup), Arrays.stream(clients).max().orElse(1));
                for (int n : clients) {
                    Measured measured = measure(annotate, bodies, count, n);
                    out.printf(Locale.ROOT, "%-12s  %7d  %8d  %10.0f  %6.2f  %6.2f  %6.2f  %6d%s%n", kind, n, measured.requests(), measured.perSecond(),
                            measured.percentileMillis(0.50), measured.percentileMillis(0.95), measured.percentileMillis(0.99), measured.failures(),
                            verdict(kind, n, measured, pipeline.description()));
                    out.flush();
                }
            }
        }
        return 0;
    }

    private static String verdict(String kind, int clientCount, Measured measured, String pipeline) {
        if (!kind.equals("observation") || clientCount != TARGET_CLIENTS || !pipeline.equals("lexical model")) {
            return "";
        }
        boolean met = measured.perSecond() >= TARGET_REQUESTS_PER_SECOND && measured.percentileMillis(0.99) < TARGET_P99_MS;
        return String.format(Locale.ROOT, "  (target >= %,.0f requests/s, p99 < %.0f ms: %s)", TARGET_REQUESTS_PER_SECOND, TARGET_P99_MS,
                met ? "met" : "NOT met");
    }

    /** {@code count} requests from {@code clientCount} clients, each sending its share one at a time. */
    private static Measured measure(URI annotate, List<String> bodies, int count, int clientCount) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clientCount);
        try {
            List<Future<long[]>> shares = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clientCount; c++) {
                int client = c;
                int share = count / clientCount + (c < count % clientCount ? 1 : 0);
                shares.add(pool.submit(() -> send(annotate, bodies, client, share)));
            }
            List<long[]> results = new ArrayList<>();
            for (Future<long[]> share : shares) {
                results.add(share.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] latencies = results.stream().flatMapToLong(Arrays::stream).filter(l -> l >= 0).sorted().toArray();
            int failures = (int) results.stream().flatMapToLong(Arrays::stream).filter(l -> l < 0).count();
            return new Measured(count, seconds, latencies.length == 0 ? new long[] {0} : latencies, failures);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each request's latency in nanoseconds, or -1 for one not answered 200. */
    private static long[] send(URI annotate, List<String> bodies, int client, int share) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] latencies = new long[share];
        for (int i = 0; i < share; i++) {
            String body = bodies.get((client * 7919 + i) % bodies.size());
            HttpRequest request = HttpRequest.newBuilder(annotate).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies[i] = response.statusCode() == 200 ? System.nanoTime() - start : -1;
        }
        return latencies;
    }

    private static List<String> bodies(List<String> texts) {
        return texts.stream().map(text -> JSON.createObjectNode().put("text", text).toString()).toList();
    }

    /** The GeneReviews texts joined and cut into notes of {@link #NOTE_CHARS} characters. */
    private static List<String> notes(String folder) throws IOException {
        StringBuilder all = new StringBuilder();
        try (DocumentReader reader = DocumentReaders.open(folder, Optional.empty(), Integer.MAX_VALUE, System.in)) {
            for (Document d = reader.next(); d != null; d = reader.next()) {
                all.append(d.text()).append("\n\n");
            }
        }
        List<String> notes = new ArrayList<>();
        for (int start = 0; start + NOTE_CHARS <= all.length(); start += NOTE_CHARS) {
            notes.add(all.substring(start, start + NOTE_CHARS));
        }
        return notes;
    }
}
