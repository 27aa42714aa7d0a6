package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DataFileTest {

    private static final URI URL = URI.create("https://example.org/hp.json");
    private static final String HASH = "0".repeat(64);

    @Test
    void resolvesUnderTheDataFolder() {
        DataFile file = new DataFile(URL, "hpo/hp.json", HASH, 10);

        assertEquals(Path.of("/data/hpo/hp.json"), file.in(Path.of("/data")));
    }

    @Test
    void rejectsAPathLeavingTheDataFolder() {
        for (String path : new String[] {"/etc/hp.json", "../hp.json", "hpo/../../hp.json", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DataFile(URL, path, HASH, 10), path);
            assertTrue(e.getMessage().contains("'" + path + "'"), e.getMessage());
        }
    }

    @Test
    void rejectsAMalformedHash() {
        for (String hash : new String[] {"0".repeat(63), "A".repeat(64), "g".repeat(64)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DataFile(URL, "hp.json", hash, 10), hash);
            assertTrue(e.getMessage().contains("64 lower-case hex digits"), e.getMessage());
        }
    }

    @Test
    void rejectsAnAddressThatIsNotHttp() {
        for (String url : new String[] {"ftp://example.org/hp.json", "hp.json", "file:///tmp/hp.json"}) {
            assertThrows(IllegalArgumentException.class, () -> new DataFile(URI.create(url), "hp.json", HASH, 10), url);
        }
    }

    @Test
    void rejectsANegativeSize() {
        assertThrows(IllegalArgumentException.class, () -> new DataFile(URL, "hp.json", HASH, -1));
    }

    @Test
    void officialFilesLieWhereDataLocationLooks() {
        assertEquals("hpo/hp-2023-01-27.json", DataFile.HPO.relativePath());
        assertEquals("bc8t3/train.tsv", DataFile.BC8_TRAIN.relativePath());
    }
}
