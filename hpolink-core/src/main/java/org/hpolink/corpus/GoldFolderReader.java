package org.hpolink.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Document;
import org.hpolink.text.Segment;

/**
 * Reads a gold set in the {@code corpus/} + {@code ann/} layout (PhenoBERT's, {@code $HPOLINK_DATA/notes}): each
 * {@code corpus/<id>} is a document's text (UTF-8; a byte order mark skipped, CR LF read as LF, as every input of
 * hpolink), its {@code ann/<id>} one mention a line, {@code start<TAB>end<TAB>text<TAB>HP:nnnnnnn[<TAB>tag]}, 0-based
 * end-exclusive offsets, the tag {@code Neg} for a negated finding. A malformed line, an unknown id or a missing
 * {@code ann/} file is an error naming file, line and field. Offsets that do not cover the text written, or cannot be a
 * span at all, are kept with the {@link GoldMention#problem problem} said: published gold sets have some, and refusing
 * them would refuse the set.
 */
public final class GoldFolderReader {

    private static final List<String> FIELDS = List.of("start", "end", "text", "id", "tag");

    private final Predicate<HpoId> knownIds;

    /** @param knownIds accepts the ids of the ontology in use ({@code hpo::isKnown}); others are errors */
    public GoldFolderReader(Predicate<HpoId> knownIds) {
        this.knownIds = knownIds;
    }

    /** The documents by file name. */
    public List<GoldDocument> read(Path folder) throws IOException {
        Path texts = folder.resolve("corpus");
        Path annotations = folder.resolve("ann");
        if (!Files.isDirectory(texts) || !Files.isDirectory(annotations)) {
            throw new CorpusFormatException(folder.toString(), 0, "(folder)", "expected the folders corpus/ and ann/");
        }
        List<GoldDocument> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(texts)) {
            for (Path text : files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                documents.add(document(text, annotations.resolve(text.getFileName().toString())));
            }
        }
        return documents;
    }

    private GoldDocument document(Path textFile, Path annotationFile) throws IOException {
        String id = textFile.getFileName().toString();
        String text = new String(Files.readAllBytes(textFile), StandardCharsets.UTF_8);
        text = (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
        if (!Files.isRegularFile(annotationFile)) {
            throw new CorpusFormatException(annotationFile.toString(), 0, "(file)", "missing: expected the annotations of " + textFile);
        }
        List<GoldMention> mentions = new ArrayList<>();
        try (Utf8LineReader lines = new Utf8LineReader(Files.newInputStream(annotationFile), annotationFile.toString(), 1 << 20)) {
            for (String line = next(lines, annotationFile); line != null; line = next(lines, annotationFile)) {
                if (!line.isBlank()) {
                    mentions.add(mention(line, lines.line(), annotationFile.toString(), text));
                }
            }
        }
        return new GoldDocument(new Document(id, text), mentions);
    }

    private static String next(Utf8LineReader lines, Path file) throws IOException {
        try {
            return lines.next();
        } catch (Utf8LineReader.MalformedLineException e) {
            throw new CorpusFormatException(file.toString(), e.line(), field(e.tabsBefore()), e.getMessage(), e);
        }
    }

    private static String field(int index) {
        return index < FIELDS.size() ? FIELDS.get(index) : CorpusFormatException.ROW;
    }

    private GoldMention mention(String line, int number, String source, String text) {
        String[] fields = line.split("\t", -1);
        if (fields.length < 4 || fields.length > 5) {
            throw new CorpusFormatException(source, number, CorpusFormatException.ROW, "the line has " + fields.length
                    + " tab-separated fields: expected start, end, text, HPO id and an optional tag");
        }
        int start = offset(fields[0], source, number, "start");
        int end = offset(fields[1], source, number, "end");
        if (!HpoId.isValid(fields[3])) {
            throw new CorpusFormatException(source, number, "id", "'" + fields[3] + "': expected an HPO id, HP: and seven digits");
        }
        HpoId id = HpoId.of(fields[3]);
        if (!knownIds.test(id)) {
            throw new CorpusFormatException(source, number, "id", fields[3] + " is not in the ontology: expected a known HPO id");
        }
        boolean negated = fields.length == 5 && fields[4].equalsIgnoreCase("Neg");
        if (fields.length == 5 && !negated && !fields[4].isEmpty()) {
            throw new CorpusFormatException(source, number, "tag", "'" + fields[4] + "': expected Neg or nothing");
        }
        if (start >= end || end > text.length()) {
            return new GoldMention(Optional.empty(), fields[2], id, negated, number, Optional.of("offsets " + start + "-" + end
                    + " are not a span of a text of " + text.length() + " characters"));
        }
        String covered = text.substring(start, end);
        Optional<String> problem = covered.equals(fields[2]) ? Optional.empty()
                : Optional.of("the text at " + start + "-" + end + " is '" + covered + "', not '" + fields[2] + "'");
        return new GoldMention(Optional.of(new Segment(start, end)), fields[2], id, negated, number, problem);
    }

    private static int offset(String value, String source, int line, String field) {
        try {
            int offset = Integer.parseInt(value);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CorpusFormatException(source, line, field, "'" + value + "': expected a character offset, 0 or more");
    }
}
