package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.hpolink.model.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code hpolink data fetch} run in-process against a loopback server. */
class DataFetchCommandTest {

    private static final byte[] ONTOLOGY = "{\"graphs\": []}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TRAINING = "StringID\tText\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String sha256(byte[] content) throws IOException {
        return Sha256.of(new ByteArrayInputStream(content));
    }

    private List<DataFile> servedFiles() throws IOException {
        return List.of(
                new DataFile(server.serve("/hp.json", ONTOLOGY), "hpo/hp.json", sha256(ONTOLOGY), ONTOLOGY.length),
                new DataFile(server.serve("/train.tsv", TRAINING), "bc8t3/train.tsv", sha256(TRAINING), TRAINING.length));
    }

    private static Run fetch(List<DataFile> files, Map<String, String> environment, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == DataFetchCommand.class
                        ? type.cast(new DataFetchCommand(files))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        return HpolinkCommandTest.run(factory, environment, args);
    }

    @Test
    void fetchesEveryFileThenKeepsThem() throws IOException {
        List<DataFile> files = servedFiles();

        Run first = fetch(files, Map.of(), "data", "fetch", "--dir", folder.toString());
        Run second = fetch(files, Map.of(), "data", "fetch", "--dir", folder.toString());

        assertEquals(0, first.exitCode(), first.err());
        assertArrayEquals(ONTOLOGY, Files.readAllBytes(folder.resolve("hpo/hp.json")));
        assertArrayEquals(TRAINING, Files.readAllBytes(folder.resolve("bc8t3/train.tsv")));
        assertEquals(folder.resolve("hpo/hp.json") + ": downloaded from " + server.uri("/hp.json")
                + ", sha256 verified" + System.lineSeparator()
                + folder.resolve("bc8t3/train.tsv") + ": downloaded from " + server.uri("/train.tsv")
                + ", sha256 verified" + System.lineSeparator(), first.out());
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(folder.resolve("hpo/hp.json") + ": already present, sha256 verified" + System.lineSeparator()
                + folder.resolve("bc8t3/train.tsv") + ": already present, sha256 verified" + System.lineSeparator(),
                second.out());
    }

    @Test
    void forceDownloadsAgain() throws IOException {
        List<DataFile> files = servedFiles();
        fetch(files, Map.of(), "data", "fetch", "--dir", folder.toString());

        Run forced = fetch(files, Map.of(), "data", "fetch", "--dir", folder.toString(), "--force");

        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(2, server.hits("/hp.json"));
        assertEquals(2, server.hits("/train.tsv"));
    }

    @Test
    void aFailedDownloadIsOneErrorLine() {
        DataFile missing = new DataFile(server.uri("/gone.json"), "hpo/hp.json", "0".repeat(64), 10);

        Run run = fetch(List.of(missing), Map.of(), "data", "fetch", "--dir", folder.toString());

        assertEquals(1, run.exitCode());
        assertEquals("hpolink: error: GET " + missing.url() + " answered HTTP 404 (expected 200)"
                + System.lineSeparator(), run.err());
        assertFalse(Files.exists(folder.resolve("hpo/hp.json")));
    }

    @Test
    void verboseOrHpolinkDebugAddsTheStackTrace() {
        DataFile missing = new DataFile(server.uri("/gone.json"), "hpo/hp.json", "0".repeat(64), 10);
        String at = "\tat org.hpolink.cli.DataFetcher";

        Run verbose = fetch(List.of(missing), Map.of(), "data", "fetch", "--dir", folder.toString(), "--verbose");
        Run debug = fetch(List.of(missing), Map.of("HPOLINK_DEBUG", "1"), "data", "fetch", "--dir", folder.toString());

        assertEquals(1, verbose.exitCode());
        assertTrue(verbose.err().startsWith("hpolink: error: GET "), verbose.err());
        assertTrue(verbose.err().contains(at), verbose.err());
        assertEquals(1, debug.exitCode());
        assertTrue(debug.err().contains(at), debug.err());
    }
}
