package org.hpolink.format;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hpolink.corpus.AnnotatedDocument;

/**
 * {@link OutputFormat#PHENOPACKET}: a {@link Phenopackets Phenopacket} a document, either a JSON line each on one
 * stream, or a file each in a folder, named after the document id (characters other than letters, digits, {@code .},
 * {@code _} and {@code -} written as {@code _}; two ids that give one name are an error).
 */
public final class PhenopacketDocumentWriter implements DocumentWriter {

    private final Phenopackets phenopackets;
    private final Writer lines;
    private final Path folder;
    private final Map<String, String> idsByFileName = new HashMap<>();

    private PhenopacketDocumentWriter(Phenopackets phenopackets, Writer lines, Path folder) {
        this.phenopackets = phenopackets;
        this.lines = lines;
        this.folder = folder;
    }

    /** Phenopackets as JSON Lines on {@code out}. */
    public static PhenopacketDocumentWriter lines(Phenopackets phenopackets, Writer out) {
        return new PhenopacketDocumentWriter(phenopackets, out, null);
    }

    /** Phenopackets as files {@code <id>.json} in {@code folder}, which must exist. */
    public static PhenopacketDocumentWriter files(Phenopackets phenopackets, Path folder) {
        return new PhenopacketDocumentWriter(phenopackets, null, folder);
    }

    @Override
    public void write(AnnotatedDocument document) throws IOException {
        if (lines != null) {
            lines.write(Phenopackets.jsonLine(phenopackets.of(document)));
            lines.write('\n');
            return;
        }
        String name = fileName(document.id());
        String other = idsByFileName.putIfAbsent(name, document.id());
        if (other != null) {
            throw new IllegalArgumentException("documents " + other + " and " + document.id() + " would both be written to " + name
                    + ": expected ids that differ in letters, digits, '.', '_' or '-'");
        }
        Files.writeString(folder.resolve(name), Phenopackets.json(phenopackets.of(document)) + "\n", StandardCharsets.UTF_8);
    }

    /** The file name of a document's Phenopacket. */
    static String fileName(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return (safe.startsWith(".") ? "_" + safe.substring(1) : safe) + ".json";
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.flush();
        }
    }
}
