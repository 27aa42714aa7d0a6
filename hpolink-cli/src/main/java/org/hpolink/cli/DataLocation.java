package org.hpolink.cli;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where hpolink's data files are: the folder named by {@code HPOLINK_DATA} when it is set, otherwise
 * {@code ~/.cache/hpolink/data}, which {@code hpolink data fetch} (and the launcher) fill.
 */
public final class DataLocation {

    public static final String ENVIRONMENT_VARIABLE = "HPOLINK_DATA";

    private static final String HOW_TO_FIX = "set " + ENVIRONMENT_VARIABLE
            + " to the folder holding hpo/ and bc8t3/, or run ./hpolink data fetch";

    private final Path folder;

    private DataLocation(Path folder) {
        this.folder = folder;
    }

    /**
     * The data location for {@code environment} and {@code home}.
     *
     * @throws FileNotFoundException when {@code HPOLINK_DATA} is set but is not a folder (a typo there should not
     *                               silently fall back to the default)
     */
    public static DataLocation of(Map<String, String> environment, Path home) throws FileNotFoundException {
        Path folder = folder(environment, home);
        if (fromVariable(environment).isPresent() && !Files.isDirectory(folder)) {
            throw new FileNotFoundException(ENVIRONMENT_VARIABLE + " is " + folder
                    + ", which is not a folder: point it at the folder holding hpo/ and bc8t3/, or unset it to use "
                    + defaultFolder(home) + " (filled by ./hpolink data fetch)");
        }
        return new DataLocation(folder);
    }

    /** The folder data is read from and fetched into, existing or not. */
    public static Path folder(Map<String, String> environment, Path home) {
        return fromVariable(environment).orElseGet(() -> defaultFolder(home));
    }

    public static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }

    private static Optional<Path> fromVariable(Map<String, String> environment) {
        // An empty value counts as unset, as in the shell's ${HPOLINK_DATA:-...}.
        return Optional.ofNullable(environment.get(ENVIRONMENT_VARIABLE))
                .filter(value -> !value.isEmpty())
                .map(value -> Path.of(value).toAbsolutePath());
    }

    private static Path defaultFolder(Path home) {
        return home.resolve(".cache").resolve("hpolink").resolve("data");
    }

    public Path folder() {
        return folder;
    }

    /** The HPO release file, gzipped ({@code .json.gz}) or not ({@code .json}). */
    public Path hpoFile() throws FileNotFoundException {
        return find("HPO file", List.of(DataFile.HPO.relativePath() + ".gz", DataFile.HPO.relativePath()));
    }

    /** The BioCreative VIII Track 3 training file. */
    public Path bc8Train() throws FileNotFoundException {
        return find("BC8 training file", List.of(DataFile.BC8_TRAIN.relativePath()));
    }

    private Path find(String what, List<String> candidates) throws FileNotFoundException {
        for (String candidate : candidates) {
            Path path = folder.resolve(candidate);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        throw new FileNotFoundException("no " + what + " in " + folder + " (looked for "
                + String.join(" and ", candidates) + "): " + HOW_TO_FIX);
    }
}
