package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hpolink.model.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFetcherTest {

    private static final byte[] CONTENT = "HEAD: small head\tHP:0000252\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private LoopbackServer server;
    private final StringWriter progress = new StringWriter();
    private DataFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        fetcher = new DataFetcher(DataFetcher.defaultClient(),
                () -> new WriterProgressConsumer(new PrintWriter(progress)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static DataFile file(URI url, byte[] content) throws IOException {
        return new DataFile(url, "sub/file.tsv", Sha256.of(new ByteArrayInputStream(content)), content.length);
    }

    private List<Path> filesInFolder() throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void downloadsVerifiesAndPlacesTheFile() throws IOException {
        DataFile file = file(server.serve("/data/file.tsv", CONTENT), CONTENT);

        DataFetcher.Result result = fetcher.fetch(file, folder, DataFetcher.WhenPresent.KEEP_IF_VERIFIED);

        assertEquals(DataFetcher.Outcome.DOWNLOADED, result.outcome());
        assertEquals(folder.resolve("sub/file.tsv"), result.path());
        assertArrayEquals(CONTENT, Files.readAllBytes(result.path()));
        assertEquals(List.of(result.path()), filesInFolder(), "no temporary file may be left beside it");
        assertTrue(progress.toString().contains("sub/file.tsv"), "progress names the file: " + progress);
    }

    @Test
    void keepsAVerifiedFileWithoutDownloading() throws IOException {
        DataFile file = file(server.serve("/data/file.tsv", CONTENT), CONTENT);
        fetcher.fetch(file, folder, DataFetcher.WhenPresent.KEEP_IF_VERIFIED);

        DataFetcher.Result again = fetcher.fetch(file, folder, DataFetcher.WhenPresent.KEEP_IF_VERIFIED);

        assertEquals(DataFetcher.Outcome.ALREADY_PRESENT, again.outcome());
        assertEquals(1, server.hits("/data/file.tsv"));
    }

    @Test
    void downloadsAgainWhenAskedTo() throws IOException {
        DataFile file = file(server.serve("/data/file.tsv", CONTENT), CONTENT);
        fetcher.fetch(file, folder, DataFetcher.WhenPresent.KEEP_IF_VERIFIED);

        DataFetcher.Result again = fetcher.fetch(file, folder, DataFetcher.WhenPresent.DOWNLOAD_AGAIN);

        assertEquals(DataFetcher.Outcome.DOWNLOADED, again.outcome());
        assertEquals(2, server.hits("/data/file.tsv"));
    }

    @Test
    void replacesAPresentFileWhoseHashIsWrong() throws IOException {
        DataFile file = file(server.serve("/data/file.tsv", CONTENT), CONTENT);
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/file.tsv"), "truncated");

        DataFetcher.Result result = fetcher.fetch(file, folder, DataFetcher.WhenPresent.KEEP_IF_VERIFIED);

        assertEquals(DataFetcher.Outcome.DOWNLOADED, result.outcome());
        assertArrayEquals(CONTENT, Files.readAllBytes(result.path()));
    }

    @Test
    void rejectsBytesWithTheWrongHashAndLeavesNothing() throws IOException {
        URI url = server.serve("/data/file.tsv", "tampered".getBytes(StandardCharsets.UTF_8));
        DataFile file = file(url, CONTENT);
        String actual = Sha256.of(new ByteArrayInputStream("tampered".getBytes(StandardCharsets.UTF_8)));

        IOException e = assertThrows(IOException.class,
                () -> fetcher.fetch(file, folder, DataFetcher.WhenPresent.KEEP_IF_VERIFIED));

        assertTrue(e.getMessage().contains(url.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + file.sha256()), e.getMessage());
        assertTrue(e.getMessage().contains("got " + actual), e.getMessage());
        assertEquals(List.of(), filesInFolder());
    }

    @Test
    void reportsAMissingFileByAddressAndStatus() throws IOException {
        DataFile file = file(server.uri("/data/missing.tsv"), CONTENT);

        IOException e = assertThrows(IOException.class,
                () -> fetcher.fetch(file, folder, DataFetcher.WhenPresent.KEEP_IF_VERIFIED));

        assertEquals("GET " + file.url() + " answered HTTP 404 (expected 200)", e.getMessage());
        assertEquals(List.of(), filesInFolder());
    }

    @Test
    void followsARedirect() throws IOException {
        server.serve("/releases/file.tsv", CONTENT);
        DataFile file = file(server.redirect("/latest/file.tsv", "/releases/file.tsv"), CONTENT);

        DataFetcher.Result result = fetcher.fetch(file, folder, DataFetcher.WhenPresent.KEEP_IF_VERIFIED);

        assertArrayEquals(CONTENT, Files.readAllBytes(result.path()));
        assertEquals(1, server.hits("/latest/file.tsv"));
        assertEquals(1, server.hits("/releases/file.tsv"));
    }

    @Test
    void namesTheFinalAddressWhenARedirectLeadsNowhere() throws IOException {
        DataFile file = file(server.redirect("/latest/file.tsv", "/gone/file.tsv"), CONTENT);

        IOException e = assertThrows(IOException.class,
                () -> fetcher.fetch(file, folder, DataFetcher.WhenPresent.KEEP_IF_VERIFIED));

        assertEquals("GET " + file.url() + " answered HTTP 404 (redirected to " + server.uri("/gone/file.tsv")
                + ") (expected 200)", e.getMessage());
    }

    @Test
    void reportsAnUnreachableServerByAddress() throws IOException {
        URI url = server.uri("/data/file.tsv");
        server.close();
        DataFile file = file(url, CONTENT);

        IOException e = assertThrows(IOException.class,
                () -> fetcher.fetch(file, folder, DataFetcher.WhenPresent.KEEP_IF_VERIFIED));

        assertTrue(e.getMessage().startsWith("GET " + url + " failed: "), e.getMessage());
        assertEquals(List.of(), filesInFolder());
    }
}
