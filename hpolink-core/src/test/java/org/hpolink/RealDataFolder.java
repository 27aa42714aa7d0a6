package org.hpolink;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data folder of the integration tests, {@code HPOLINK_DATA}. A relative value is taken from the directory
 * Maven was started in (Surefire and Failsafe pass it as {@value #INVOCATION_DIRECTORY}), not from the module a test
 * runs in, so {@code HPOLINK_DATA=../shared/data mvn verify} works from the project root. Fails the test when the
 * variable is unset or a file is missing.
 */
public final class RealDataFolder {

    /** The system property holding the directory Maven was started in. */
    static final String INVOCATION_DIRECTORY = "hpolink.invocationDirectory";

    private RealDataFolder() {
    }

    public static Path folder() {
        String data = System.getenv("HPOLINK_DATA");
        if (data == null || data.isBlank()) {
            fail("HPOLINK_DATA is not set: point it at the data folder holding hpo/ and bc8t3/ to run the integration tests");
        }
        Path folder = Path.of(data);
        if (!folder.isAbsolute()) {
            folder = Path.of(System.getProperty(INVOCATION_DIRECTORY, "")).resolve(folder);
        }
        return folder.toAbsolutePath().normalize();
    }

    /** {@code hpo/hp-2023-01-27.json.gz} of the folder. */
    public static Path hpoFile() {
        return existing(folder().resolve("hpo").resolve("hp-2023-01-27.json.gz"), "hpo/hp-2023-01-27.json.gz");
    }

    /** {@code bc8t3/train.tsv} of the folder. */
    public static Path trainFile() {
        return existing(folder().resolve("bc8t3").resolve("train.tsv"), "bc8t3/train.tsv");
    }

    private static Path existing(Path file, String name) {
        if (!Files.isRegularFile(file)) {
            fail(file + " does not exist: expected HPOLINK_DATA to hold " + name);
        }
        return file;
    }
}
