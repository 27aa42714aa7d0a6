package org.hpolink.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.hpolink.corpus.CorpusFormatException;

/**
 * Opens the documents of an input: a file, a folder, or standard input ({@code -}), in the format given or the one
 * its path and first bytes show ({@link #detect}).
 */
public final class DocumentReaders {

    /** The input name of standard input. */
    public static final String STANDARD_INPUT = "-";
    /** The id of the document read from standard input as plain text. */
    public static final String STANDARD_INPUT_ID = "stdin";
    /** The folder of texts in the {@code corpus/} + {@code ann/} layout. */
    public static final String CORPUS_FOLDER = "corpus";

    /** How many bytes of a stream are looked at to tell its format. */
    private static final int SNIFF_BYTES = 1 << 16;

    private DocumentReaders() {
    }

    /**
     * The documents of {@code input}, a path or {@code -} for {@code stdin}.
     *
     * @param format   the input's format, or empty to {@link #detect} it
     * @param maxChars the most characters a document may have
     */
    public static DocumentReader open(String input, Optional<InputFormat> format, int maxChars, InputStream stdin) throws IOException {
        if (input.equals(STANDARD_INPUT)) {
            BufferedInputStream in = new BufferedInputStream(stdin, SNIFF_BYTES);
            InputFormat chosen = format.isPresent() ? format.get() : sniff(in);
            return switch (chosen) {
                case TEXT -> new TextDocumentReader(List.of(new TextDocumentReader.Source(STANDARD_INPUT_ID, "standard input", () -> in)), maxChars);
                case JSONL -> new JsonLinesDocumentReader(in, "standard input", maxChars);
                case BC8 -> new Bc8DocumentReader(in, "standard input", maxChars);
                case FOLDER, CORPUS -> throw new IllegalArgumentException("standard input cannot be read as a " + chosen.label() + ": give its path");
            };
        }
        Path path = Path.of(input);
        InputFormat chosen = format.isPresent() ? format.get() : detect(path);
        return switch (chosen) {
            case TEXT -> new TextDocumentReader(List.of(textFile(requireFile(path, chosen))), maxChars);
            case JSONL -> new JsonLinesDocumentReader(Files.newInputStream(requireFile(path, chosen)), path.toString(), maxChars);
            case BC8 -> new Bc8DocumentReader(Files.newInputStream(requireFile(path, chosen)), path.toString(), maxChars);
            case FOLDER -> new TextDocumentReader(textFiles(requireFolder(path, "a folder input is a folder of text files")), maxChars);
            case CORPUS -> new TextDocumentReader(textFiles(corpusTexts(path)), maxChars);
        };
    }

    /**
     * The format of {@code path}: a folder holding {@code corpus/} is {@link InputFormat#CORPUS}, another folder
     * {@link InputFormat#FOLDER}; a file named {@code .jsonl} or {@code .ndjson} is JSON Lines, {@code .tsv} BC8,
     * {@code .txt} text; any other file is told by its first bytes ({@link #sniff}).
     */
    public static InputFormat detect(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return Files.isDirectory(path.resolve(CORPUS_FOLDER)) ? InputFormat.CORPUS : InputFormat.FOLDER;
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return InputFormat.JSONL;
        }
        if (name.endsWith(".tsv")) {
            return InputFormat.BC8;
        }
        if (name.endsWith(".txt")) {
            return InputFormat.TEXT;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), SNIFF_BYTES)) {
            return sniff(in);
        }
    }

    /**
     * The format of a stream by its first bytes, which are left to read: JSON Lines when the first character that is
     * not white space opens an object, BC8 when the first line is a tab-separated header naming an id and a Text
     * column, else text.
     */
    public static InputFormat sniff(InputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] start = in.readNBytes(SNIFF_BYTES);
        in.reset();
        String head = new String(start, StandardCharsets.UTF_8);
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        if (head.stripLeading().startsWith("{")) {
            return InputFormat.JSONL;
        }
        int lineEnd = head.indexOf('\n');
        List<String> header = List.of((lineEnd < 0 ? head : head.substring(0, lineEnd)).strip().split("\t"));
        boolean bc8 = header.contains("Text") && (header.contains("ObservationID") || header.contains("StringID"));
        return bc8 ? InputFormat.BC8 : InputFormat.TEXT;
    }

    private static TextDocumentReader.Source textFile(Path file) {
        return new TextDocumentReader.Source(file.getFileName().toString(), file.toString(), () -> Files.newInputStream(file));
    }

    /** The files of a folder by name, hidden ones left out; a folder inside it is an error, not skipped silently. */
    private static List<TextDocumentReader.Source> textFiles(Path folder) throws IOException {
        List<TextDocumentReader.Source> sources = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                if (entry.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (!Files.isRegularFile(entry)) {
                    throw new CorpusFormatException(entry.toString(), 0, "(file)", "not a regular file: expected only text files in " + folder
                            + " (hidden files are skipped)");
                }
                sources.add(textFile(entry));
            }
        }
        return sources;
    }

    private static Path requireFile(Path path, InputFormat format) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a folder: a " + format.label() + " input is a file");
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        return path;
    }

    private static Path corpusTexts(Path path) throws IOException {
        String expected = "a corpus input is a folder holding " + CORPUS_FOLDER + "/ (and ann/)";
        Path texts = requireFolder(path, expected).resolve(CORPUS_FOLDER);
        if (!Files.isDirectory(texts)) {
            throw new IllegalArgumentException(path + " has no folder " + CORPUS_FOLDER + "/: " + expected);
        }
        return texts;
    }

    private static Path requireFolder(Path path, String expected) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is not a folder: " + expected);
        }
        return path;
    }
}
