package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hpolink.cli.HpolinkCommandTest.Run;

import picocli.CommandLine;

/** Runs commands on the real data of {@code HPOLINK_DATA}, for the integration tests; fails when it is not set. */
final class RealData {

    private RealData() {
    }

    static Path folder() {
        String data = System.getenv(DataLocation.ENVIRONMENT_VARIABLE);
        if (data == null || data.isBlank()) {
            fail("HPOLINK_DATA is not set: point it at the data folder holding hpo/ and bc8t3/ to run the integration tests");
        }
        return Path.of(data);
    }

    static Path trainFile() {
        Path train = folder().resolve("bc8t3").resolve("train.tsv");
        if (!Files.isRegularFile(train)) {
            fail(train + " does not exist: expected HPOLINK_DATA to hold bc8t3/train.tsv");
        }
        return train;
    }

    /**
     * Runs hpolink in-process with {@code HPOLINK_DATA} set to the real data folder and the default model kept in
     * {@code models}, never in the user's cache.
     */
    static Run runWithModels(Path models, String... args) {
        return HpolinkCommandTest.run(CommandLine.defaultFactory(), Map.of(DataLocation.ENVIRONMENT_VARIABLE, folder().toString(),
                ModelLocation.ENVIRONMENT_VARIABLE, models.toString()), args);
    }

    /** Runs hpolink in-process with {@code HPOLINK_DATA} set to the real data folder. */
    static Run run(String... args) {
        return HpolinkCommandTest.run(CommandLine.defaultFactory(),
                Map.of(DataLocation.ENVIRONMENT_VARIABLE, folder().toString()), args);
    }
}
