package org.hpolink.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.hpolink.corpus.CorpusFormatException;
import org.hpolink.text.Document;

/**
 * Any bytes, in every input format, give documents or one {@link CorpusFormatException}: never another exception,
 * and never fewer documents than the input holds. The bytes are drawn from pieces that make the formats (braces,
 * quotes, tabs, headers, CR LF, a byte order mark), mostly well formed, and with bytes that are not UTF-8, so that
 * both outcomes are met (which each property checks).
 */
class DocumentReadersPropertiesTest {

    private static final int MAX = 200;

    private static List<Document> read(InputFormat format, byte[] bytes) throws Exception {
        return DocumentReadersTest.readAll(DocumentReaders.open("-", Optional.of(format), MAX, new ByteArrayInputStream(bytes)));
    }

    /**
     * The documents, or null when the reader refused the bytes with a format error; anything else fails the test. Each
     * outcome is counted, so that a property can check its tries met both.
     */
    private static List<Document> documentsOrFormatError(InputFormat format, byte[] bytes) {
        try {
            List<Document> documents = read(format, bytes);
            Statistics.collect(documents.isEmpty() ? "no document" : "documents");
            return documents;
        } catch (CorpusFormatException e) {
            Statistics.collect("format error");
            return null;
        } catch (Exception | Error e) {
            fail(format + " reader threw " + e + " for " + new String(bytes, StandardCharsets.UTF_8), e);
            return null;
        }
    }

    @Property(tries = 500)
    @StatisticsReport(format = OutcomesMet.class)
    void textIsOneDocumentOrAFormatError(@ForAll("bytes") byte[] bytes) {
        List<Document> documents = documentsOrFormatError(InputFormat.TEXT, bytes);
        if (documents != null) {
            assertEquals(1, documents.size());
            String expected = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").replace("\r\n", "\n");
            assertEquals(expected, documents.get(0).text());
        }
    }

    @Property(tries = 1000)
    @StatisticsReport(format = OutcomesMet.class)
    void jsonLinesGiveADocumentEachNonBlankLineOrAFormatError(@ForAll("jsonLines") byte[] bytes) {
        List<Document> documents = documentsOrFormatError(InputFormat.JSONL, bytes);
        if (documents != null) {
            long nonBlank = linesOf(bytes).stream().filter(line -> !line.isBlank()).count();
            assertEquals(nonBlank, documents.size(), new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Property(tries = 1000)
    @StatisticsReport(format = OutcomesMet.class)
    void bc8GivesADocumentEachObservationOrAFormatError(@ForAll("bc8") byte[] bytes) {
        List<Document> documents = documentsOrFormatError(InputFormat.BC8, bytes);
        if (documents != null) {
            List<String> lines = linesOf(bytes);
            List<String> header = List.of(lines.get(0).split("\t", -1));
            int id = header.contains("ObservationID") ? header.indexOf("ObservationID") : header.indexOf("StringID");
            List<String> runs = new ArrayList<>();
            for (String row : lines.subList(1, lines.size())) {
                String rowId = row.split("\t", -1)[id];
                if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(rowId)) {
                    runs.add(rowId);
                }
            }
            assertEquals(runs, documents.stream().map(Document::id).toList(), new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** Fails a property whose tries did not give both documents and format errors, each at least once in twenty. */
    public static final class OutcomesMet implements net.jqwik.api.statistics.StatisticsReportFormat {
        @Override
        public List<String> formatReport(List<net.jqwik.api.statistics.StatisticsEntry> entries) {
            double documents = entries.stream().filter(e -> e.values().contains("documents")).mapToDouble(e -> e.percentage()).sum();
            double errors = entries.stream().filter(e -> e.values().contains("format error")).mapToDouble(e -> e.percentage()).sum();
            if (documents < 5 || errors < 5) {
                throw new AssertionError("the tries met documents " + documents + "% and format errors " + errors + "% of the time: expected both");
            }
            return entries.stream().map(e -> e.name() + ": " + e.percentage() + "%").toList();
        }
    }

    /** The lines of valid UTF-8 bytes as the readers see them: no byte order mark, LF or CR LF ends, no last empty line. */
    private static List<String> linesOf(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines.stream().map(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toList();
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return pieces("a", "EARS: low set", "\n", "\r\n", "\r", "\uFEFF", "é", "\t", " ");
    }

    @Provide
    Arbitrary<byte[]> jsonLines() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("abc7").ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> texts = Arbitraries.of("EARS: low set", "x\\ny", "\\t", "caf\\u00e9", "été", "", "z".repeat(250));
        Arbitrary<byte[]> valid = ids.flatMap(id -> texts.map(text -> utf8("{\"id\": \"" + id + "\", \"text\": \"" + text + "\"}")));
        Arbitrary<byte[]> blank = Arbitraries.of(utf8(""), utf8(" "), utf8("\t"));
        Arbitrary<byte[]> broken = pieces("{", "}", "\"id\"", "\"text\"", ":", ",", "\"a\"", "7", "[", "]", "null", " ");
        return lines(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, valid), net.jqwik.api.Tuple.of(2, blank), net.jqwik.api.Tuple.of(1, broken)));
    }

    @Provide
    Arbitrary<byte[]> bc8() {
        Arbitrary<byte[]> header = Arbitraries.of(utf8("ObservationID\tText"), utf8("StringID\tParticipantCount\tText\tTerm"),
                utf8("Text\tObservationID"));
        Arbitrary<String> ids = Arbitraries.of("a", "b", "c");
        Arbitrary<String> texts = Arbitraries.of("EARS: low set", "NECK: supple", "", "z".repeat(250), "café");
        Arbitrary<byte[]> broken = pieces("\t", "a", "Text", " ", "\r");
        return header.flatMap(h -> {
            int fields = new String(h, StandardCharsets.UTF_8).split("\t").length;
            boolean textFirst = new String(h, StandardCharsets.UTF_8).startsWith("Text");
            Arbitrary<byte[]> row = ids.flatMap(id -> texts.map(text -> {
                List<String> cells = new ArrayList<>(textFirst ? List.of(text, id) : List.of(id, "1", text, "NA").subList(0, fields));
                return utf8(String.join("\t", cells));
            }));
            Arbitrary<byte[]> body = lines(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, row), net.jqwik.api.Tuple.of(1, broken)));
            return body.map(b -> concat(h, utf8("\n"), b));
        });
    }

    /** Lines of the given kind, joined by LF or CR LF, perhaps after a byte order mark and with a final line end. */
    private static Arbitrary<byte[]> lines(Arbitrary<byte[]> line) {
        Arbitrary<byte[]> ends = Arbitraries.of(utf8("\n"), utf8("\r\n"));
        return Combinators.combine(line.list().ofMaxSize(8), ends, Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((list, end, bom, finalEnd) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    if (bom) {
                        out.writeBytes(utf8("\uFEFF"));
                    }
                    for (int i = 0; i < list.size(); i++) {
                        out.writeBytes(list.get(i));
                        if (i < list.size() - 1 || finalEnd) {
                            out.writeBytes(end);
                        }
                    }
                    return out.toByteArray();
                });
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Byte strings made of the given pieces (UTF-8) and of single bytes that are not UTF-8 on their own. */
    private static Arbitrary<byte[]> pieces(String... pieces) {
        List<byte[]> choices = new ArrayList<>();
        for (String piece : pieces) {
            choices.add(utf8(piece));
        }
        for (int b : new int[] {0x00, 0x80, 0xC3, 0xE9, 0xFF, 0xED}) {
            choices.add(new byte[] {(byte) b});
        }
        return Arbitraries.of(choices).list().ofMaxSize(40).map(list -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }
}
