package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocationTest {

    @TempDir
    Path temp;

    private Path home() {
        return temp.resolve("home");
    }

    private Path data() throws IOException {
        return Files.createDirectories(temp.resolve("data"));
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }

    @Test
    void usesTheVariableWhenSet() throws IOException {
        Path data = data();

        assertEquals(data, DataLocation.of(Map.of("HPOLINK_DATA", data.toString()), home()).folder());
    }

    @Test
    void rejectsAVariableNamingNoFolder() {
        Path missing = temp.resolve("no-such-folder");

        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> DataLocation.of(Map.of("HPOLINK_DATA", missing.toString()), home()));

        assertTrue(e.getMessage().startsWith("HPOLINK_DATA is " + missing + ", which is not a folder"), e.getMessage());
    }

    @Test
    void defaultsToTheCacheFolderWhenUnsetOrEmpty() throws FileNotFoundException {
        Path expected = home().resolve(".cache/hpolink/data");

        assertEquals(expected, DataLocation.of(Map.of(), home()).folder());
        assertEquals(expected, DataLocation.of(Map.of("HPOLINK_DATA", ""), home()).folder());
        assertEquals(expected, DataLocation.folder(Map.of(), home()));
    }

    @Test
    void findsTheGzippedOrThePlainHpoFile() throws IOException {
        Path data = data();
        DataLocation location = DataLocation.of(Map.of("HPOLINK_DATA", data.toString()), home());
        touch(data.resolve("hpo/hp-2023-01-27.json"));

        assertEquals(data.resolve("hpo/hp-2023-01-27.json"), location.hpoFile());

        touch(data.resolve("hpo/hp-2023-01-27.json.gz"));
        assertEquals(data.resolve("hpo/hp-2023-01-27.json.gz"), location.hpoFile());
    }

    @Test
    void findsTheTrainingFile() throws IOException {
        Path data = data();
        touch(data.resolve("bc8t3/train.tsv"));

        assertEquals(data.resolve("bc8t3/train.tsv"),
                DataLocation.of(Map.of("HPOLINK_DATA", data.toString()), home()).bc8Train());
    }

    @Test
    void tellsHowToGetAMissingFile() throws IOException {
        Path data = data();
        DataLocation location = DataLocation.of(Map.of("HPOLINK_DATA", data.toString()), home());

        FileNotFoundException hpo = assertThrows(FileNotFoundException.class, location::hpoFile);
        FileNotFoundException train = assertThrows(FileNotFoundException.class, location::bc8Train);

        assertEquals("no HPO file in " + data + " (looked for hpo/hp-2023-01-27.json.gz and hpo/hp-2023-01-27.json): "
                + "set HPOLINK_DATA to the folder holding hpo/ and bc8t3/, or run ./hpolink data fetch", hpo.getMessage());
        assertTrue(train.getMessage().startsWith("no BC8 training file in " + data + " (looked for bc8t3/train.tsv): "),
                train.getMessage());
    }

    @Test
    void aMissingDefaultFolderIsReportedWhenAFileIsAskedFor() throws FileNotFoundException {
        DataLocation location = DataLocation.of(Map.of(), home());

        FileNotFoundException e = assertThrows(FileNotFoundException.class, location::bc8Train);

        assertTrue(e.getMessage().contains("run ./hpolink data fetch"), e.getMessage());
    }
}
