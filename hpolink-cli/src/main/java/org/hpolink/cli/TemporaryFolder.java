package org.hpolink.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A folder that is deleted with everything in it on close, unless it has been moved away by then. */
final class TemporaryFolder implements AutoCloseable {

    private final Path path;

    TemporaryFolder(Path path) {
        this.path = path;
    }

    /** A new folder in the system's temporary folder. */
    static TemporaryFolder create(String prefix) throws IOException {
        return new TemporaryFolder(Files.createTempDirectory(prefix));
    }

    /** A new folder in {@code parent}, so that it can be renamed into place there. */
    static TemporaryFolder in(Path parent, String prefix) throws IOException {
        return new TemporaryFolder(Files.createTempDirectory(parent, prefix));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(path)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path entry : deepestFirst) {
            Files.delete(entry);
        }
    }
}
