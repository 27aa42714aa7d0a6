package org.hpolink.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where {@code annotate} and {@code predict} write: a file, made as a temporary file beside it and moved into place
 * once complete; a folder, made the same way; or standard output. Closing an output that was not
 * {@link #commit committed} deletes what it wrote, so a run that fails leaves no partial file.
 */
final class AnnotationOutput implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final Writer writer;
    private boolean committed;

    private AnnotationOutput(Path target, Path temporary, Writer writer) {
        this.target = target;
        this.temporary = temporary;
        this.writer = writer;
    }

    /** A file, replaced if it exists. Characters UTF-8 cannot encode (a lone surrogate) are written as {@code ?}. */
    static AnnotationOutput file(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("--output " + target + " is a folder: this format is written to one file");
        }
        Path temporary = staging(target, false);
        Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8), 1 << 16);
        return new AnnotationOutput(target, temporary, writer);
    }

    /** A folder of files, which must not exist yet or be empty. */
    static AnnotationOutput folder(Path target) throws IOException {
        if (Files.exists(target) && !isEmptyFolder(target)) {
            throw new IllegalArgumentException("--output " + target + (Files.isDirectory(target) ? " is a folder that is not empty"
                    : " is a file") + ": expected a new or empty folder");
        }
        return new AnnotationOutput(target, staging(target, true), null);
    }

    /**
     * A new hidden file or folder beside {@code target} that becomes it on success; made with the default permissions, as
     * the target would be (a JDK temporary file is readable by its owner only).
     */
    private static Path staging(Path target, boolean folder) throws IOException {
        String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".";
        for (int attempt = 0; ; attempt++) {
            Path candidate = parent(target).resolve(prefix + attempt + ".part");
            try {
                return folder ? Files.createDirectory(candidate) : Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 99) {
                    throw e;
                }
            }
        }
    }

    /** Standard output, which is flushed, never closed. */
    static AnnotationOutput standardOutput(PrintWriter out) {
        return new AnnotationOutput(null, null, out);
    }

    private static Path parent(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        return parent == null ? target.toAbsolutePath() : parent;
    }

    private static boolean isEmptyFolder(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            return !entries.iterator().hasNext();
        }
    }

    /** The stream to write to; null for a folder. */
    Writer writer() {
        return writer;
    }

    /** The folder to write files into; null unless this is a folder. */
    Path folder() {
        return writer == null ? temporary : null;
    }

    boolean isStandardOutput() {
        return target == null;
    }

    /** Flushes what was written and moves it into place. */
    void commit() throws IOException {
        if (target == null) {
            writer.flush();
        } else if (writer != null) {
            writer.close();
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(target);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (committed || target == null) {
            return;
        }
        if (writer != null) {
            writer.close();
            Files.deleteIfExists(temporary);
        } else {
            new TemporaryFolder(temporary).close();
        }
    }
}
