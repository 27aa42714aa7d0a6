package org.hpolink.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.hpolink.model.Sha256;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Downloads {@link DataFile}s into a data folder, checking their SHA-256. A file only ever appears under its final
 * name complete and verified: it is written to a temporary file beside it and moved into place atomically.
 */
public final class DataFetcher {

    /** What to do about a file that is already in the data folder. */
    public enum WhenPresent {
        /** Keep it if its hash is right; download it again otherwise. */
        KEEP_IF_VERIFIED,
        /** Download it again regardless. */
        DOWNLOAD_AGAIN
    }

    /** What {@link #fetch} did. */
    public enum Outcome {
        DOWNLOADED,
        ALREADY_PRESENT
    }

    /** The file fetched, where it now lies (verified), and whether it had to be downloaded. */
    public record Result(DataFile file, Path path, Outcome outcome) {
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Time allowed until the response headers arrive; the body may take as long as it needs. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final Supplier<ProgressBarConsumer> progress;

    /**
     * @param client   the client to download with; it must follow redirects (see {@link #defaultClient()})
     * @param progress makes a fresh consumer that renders one file's progress bar
     */
    public DataFetcher(HttpClient client, Supplier<ProgressBarConsumer> progress) {
        this.client = client;
        this.progress = progress;
    }

    /** A client that follows redirects (the HPO address redirects, http to https included). */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /**
     * Makes sure {@code file} lies verified in {@code dataFolder}, downloading it if needed.
     *
     * @throws IOException naming the address when the download fails, the server does not answer 200, or the bytes
     *                     do not hash to {@link DataFile#sha256()}; nothing is left behind then
     */
    public Result fetch(DataFile file, Path dataFolder, WhenPresent whenPresent) throws IOException {
        Path target = file.in(dataFolder);
        if (whenPresent == WhenPresent.KEEP_IF_VERIFIED && Files.isRegularFile(target)
                && Sha256.of(target).equals(file.sha256())) {
            return new Result(file, target, Outcome.ALREADY_PRESENT);
        }
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path part = Files.createTempFile(folder, target.getFileName() + ".", ".part");
        boolean moved = false;
        try {
            download(file, part);
            makeReadableByAll(part);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(part);
            }
        }
        return new Result(file, target, Outcome.DOWNLOADED);
    }

    private void download(DataFile file, Path part) throws IOException {
        HttpResponse<InputStream> response = get(file.url());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + file.url() + " answered HTTP " + response.statusCode()
                        + redirectNote(file.url(), response.uri()) + " (expected 200)");
            }
            long expectedLength = response.headers().firstValueAsLong("Content-Length").orElse(file.size());
            MessageDigest digest = Sha256.newDigest();
            long length = 0;
            try (OutputStream out = Files.newOutputStream(part);
                 ProgressBar bar = progressBar(file, expectedLength)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    length += n;
                    bar.stepTo(length);
                }
            }
            String actual = Sha256.hex(digest);
            if (!actual.equals(file.sha256())) {
                throw new IOException(String.format(Locale.ROOT,
                        "sha256 mismatch for %s: expected %s (%,d bytes), got %s (%,d bytes); the download was deleted",
                        file.url(), file.sha256(), file.size(), actual, length));
            }
        }
    }

    private HttpResponse<InputStream> get(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(RESPONSE_TIMEOUT)
                .header("User-Agent", "hpolink/" + ProjectVersion.version())
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("GET " + url + " was interrupted");
        } catch (IOException e) {
            throw new IOException("GET " + url + " failed: " + describe(e), e);
        }
    }

    /**
     * The exception and its causes, each by message or, where it has none (as for an unknown host), by type:
     * {@code ConnectException, caused by UnresolvedAddressException}.
     */
    private static String describe(Throwable exception) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = exception; t != null; t = t.getCause()) {
            String part = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
            if (!parts.contains(part)) {
                parts.add(part);
            }
        }
        return String.join(", caused by ", parts);
    }

    private static String redirectNote(URI requested, URI answered) {
        return requested.equals(answered) ? "" : " (redirected to " + answered + ")";
    }

    private ProgressBar progressBar(DataFile file, long expectedLength) {
        return new ProgressBarBuilder()
                .setTaskName(file.relativePath())
                .setInitialMax(expectedLength)
                .setUnit(" MiB", 1L << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(progress.get())
                .showSpeed()
                .build();
    }

    /** Temporary files are created owner-only; a downloaded data file is as readable as any other download. */
    private static void makeReadableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
