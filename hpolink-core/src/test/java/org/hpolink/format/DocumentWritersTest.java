package org.hpolink.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hpolink.assertion.Assertion;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Document;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenopackets.schema.v2.Phenopacket;
import org.phenopackets.schema.v2.core.PhenotypicFeature;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each output format on one hand-made annotated note: what a reader of that format finds in it. */
class DocumentWritersTest {

    private static final HpoId LOW_SET_EARS = HpoId.of("HP:0000369");
    private static final HpoId CLEFT_PALATE = HpoId.of("HP:0000175");
    private static final String TEXT = "EARS: low set\nPalate intact, low set ears.";

    /** Low-set ears twice (present), cleft palate once (negated). */
    static final AnnotatedDocument NOTE = new AnnotatedDocument(new Document("note-1", TEXT), List.of(
            new DocumentFinding(LOW_SET_EARS, "Low-set ears", Span.parse("0-4,6-13"), Assertion.PRESENT, 0.93333, "lexical"),
            new DocumentFinding(CLEFT_PALATE, "Cleft palate", Span.parse("14-27"), Assertion.NEGATED, 1, "lexical"),
            new DocumentFinding(LOW_SET_EARS, "Low-set ears", Span.parse("29-41"), Assertion.PRESENT, 0.5, "grid")));
    static final AnnotatedDocument EMPTY = new AnnotatedDocument(new Document("note-2", "Normal exam."), List.of());

    private static String written(DocumentWriter writer, StringWriter out) throws IOException {
        writer.write(NOTE);
        writer.write(EMPTY);
        writer.close();
        return out.toString();
    }

    @Test
    void jsonLinesHoldEveryFindingWithSpansThatCoverItsText() throws IOException {
        StringWriter out = new StringWriter();
        List<String> lines = written(new JsonLinesDocumentWriter(out), out).lines().toList();

        assertEquals(2, lines.size());
        JsonNode note = new ObjectMapper().readTree(lines.get(0));
        assertEquals("note-1", note.get("id").asText());
        JsonNode lowSet = note.get("findings").get(0);
        assertEquals("{\"hpo\":\"HP:0000369\",\"label\":\"Low-set ears\",\"spans\":[[0,4],[6,13]],\"text\":\"EARS low set\","
                + "\"assertion\":\"present\",\"score\":0.9333,\"source\":\"lexical\"}", lowSet.toString());
        assertEquals("negated", note.get("findings").get(1).get("assertion").asText());
        for (JsonNode finding : note.get("findings")) {
            StringBuilder covered = new StringBuilder();
            for (JsonNode segment : finding.get("spans")) {
                covered.append(covered.length() > 0 ? " " : "").append(TEXT, segment.get(0).asInt(), segment.get(1).asInt());
            }
            assertEquals(finding.get("text").asText(), covered.toString());
        }
        assertEquals("{\"id\":\"note-2\",\"findings\":[]}", lines.get(1));
    }

    @Test
    void phenopacketsParseWithTheSchemasOwnParserAndExcludeNegatedFindings() throws IOException {
        StringWriter out = new StringWriter();
        Phenopackets phenopackets = new Phenopackets("2023-01-27", "hpolink 0.1.0", Instant.parse("2026-12-05T10:15:30Z"));
        List<String> lines = written(PhenopacketDocumentWriter.lines(phenopackets, out), out).lines().toList();

        Phenopacket.Builder parsed = Phenopacket.newBuilder();
        JsonFormat.parser().merge(lines.get(0), parsed);
        Phenopacket note = parsed.build();
        assertEquals("note-1", note.getId());
        assertEquals(List.of("HP:0000369 false", "HP:0000175 true"),
                note.getPhenotypicFeaturesList().stream().map(f -> f.getType().getId() + " " + f.getExcluded()).toList());
        PhenotypicFeature lowSet = note.getPhenotypicFeatures(0);
        assertEquals("Low-set ears", lowSet.getType().getLabel());
        assertEquals("\"EARS low set\" at 0-4,6-13; \"low set ears\" at 29-41", lowSet.getDescription());
        assertEquals("2023-01-27", note.getMetaData().getResources(0).getVersion());
        assertEquals("HP", note.getMetaData().getResources(0).getNamespacePrefix());
        assertEquals("hpolink 0.1.0", note.getMetaData().getCreatedBy());
        assertEquals("2.0", note.getMetaData().getPhenopacketSchemaVersion());
        assertEquals(Instant.parse("2026-12-05T10:15:30Z").getEpochSecond(), note.getMetaData().getCreated().getSeconds());
        Phenopacket.Builder empty = Phenopacket.newBuilder();
        JsonFormat.parser().merge(lines.get(1), empty);
        assertEquals(0, empty.getPhenotypicFeaturesCount());
    }

    @Test
    void phenopacketFilesAreNamedAfterTheirDocumentsAndNamesMustNotCollide(@TempDir Path folder) throws IOException {
        Phenopackets phenopackets = new Phenopackets("2023-01-27", "hpolink 0.1.0", Instant.EPOCH);
        PhenopacketDocumentWriter writer = PhenopacketDocumentWriter.files(phenopackets, folder);
        writer.write(NOTE);
        writer.write(new AnnotatedDocument(new Document("a/b c", "x"), List.of()));

        Phenopacket.Builder parsed = Phenopacket.newBuilder();
        JsonFormat.parser().merge(Files.readString(folder.resolve("note-1.json")), parsed);
        assertEquals(2, parsed.getPhenotypicFeaturesCount());
        assertTrue(Files.exists(folder.resolve("a_b_c.json")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.write(new AnnotatedDocument(new Document("a b/c", "x"), List.of())));
        assertEquals("documents a/b c and a b/c would both be written to a_b_c.json: expected ids that differ in letters, digits, '.', '_' or '-'",
                e.getMessage());
        assertEquals("_hidden.json", PhenopacketDocumentWriter.fileName(".hidden"));
    }

    @Test
    void biocIsWellFormedXmlWithALocationASegmentAndTheInfons() throws Exception {
        StringWriter out = new StringWriter();
        AnnotatedDocument withControl = new AnnotatedDocument(new Document("c", "a\u0001b"), List.of());
        BiocDocumentWriter writer = new BiocDocumentWriter(out, "2026-12-05");
        writer.write(NOTE);
        writer.write(withControl);
        writer.close();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        NodeList documents = xml.getElementsByTagName("document");
        assertEquals(2, documents.getLength());
        Element note = (Element) documents.item(0);
        assertEquals(TEXT, ((Element) note.getElementsByTagName("passage").item(0)).getElementsByTagName("text").item(0).getTextContent());
        NodeList annotations = note.getElementsByTagName("annotation");
        assertEquals(3, annotations.getLength());
        Element lowSet = (Element) annotations.item(0);
        NodeList locations = lowSet.getElementsByTagName("location");
        assertEquals(List.of("0+4", "6+7"), List.of(
                ((Element) locations.item(0)).getAttribute("offset") + "+" + ((Element) locations.item(0)).getAttribute("length"),
                ((Element) locations.item(1)).getAttribute("offset") + "+" + ((Element) locations.item(1)).getAttribute("length")));
        NodeList infons = lowSet.getElementsByTagName("infon");
        StringBuilder described = new StringBuilder();
        for (int i = 0; i < infons.getLength(); i++) {
            Element infon = (Element) infons.item(i);
            described.append(infon.getAttribute("key")).append('=').append(infon.getTextContent()).append(' ');
        }
        assertEquals("identifier=HP:0000369 type=Phenotype label=Low-set ears assertion=present score=0.9333 source=lexical ", described.toString());
        assertEquals("a\uFFFDb", ((Element) documents.item(1)).getElementsByTagName("text").item(0).getTextContent(),
                "a character XML cannot hold is replaced one for one");
    }

    @Test
    void theTableHasARowAFindingEveryAssertionIncluded() throws IOException {
        StringWriter out = new StringWriter();
        List<String> lines = written(new FindingTableWriter(out), out).lines().toList();

        assertEquals(List.of(
                "document\tspans\ttext\thpo\tlabel\tassertion\tscore\tsource",
                "note-1\t0-4,6-13\tEARS low set\tHP:0000369\tLow-set ears\tpresent\t0.9333\tlexical",
                "note-1\t14-27\tPalate intact\tHP:0000175\tCleft palate\tnegated\t1\tlexical",
                "note-1\t29-41\tlow set ears\tHP:0000369\tLow-set ears\tpresent\t0.5\tgrid"), lines);
    }

    @Test
    void bc8HasThePresentFindingsOfOneLineDocumentsAndRefusesOthers() throws IOException {
        StringWriter out = new StringWriter();
        Bc8DocumentWriter writer = new Bc8DocumentWriter(out);
        AnnotatedDocument observation = new AnnotatedDocument(new Document("o1", "EARS: low set, palate intact"), List.of(
                new DocumentFinding(LOW_SET_EARS, "Low-set ears", Span.parse("0-4,6-13"), Assertion.PRESENT, 1, "lexical"),
                new DocumentFinding(CLEFT_PALATE, "Cleft palate", Span.parse("15-28"), Assertion.NEGATED, 1, "lexical")));
        writer.write(observation);
        writer.write(EMPTY);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.write(NOTE));
        writer.close();

        assertEquals(List.of("ObservationID\tText\tHPO Term\tSpans", "o1\tEARS: low set, palate intact\tHP:0000369\t0-4,6-13",
                "note-2\tNormal exam.\tNA\tNA"), out.toString().lines().toList());
        assertTrue(e.getMessage().startsWith("document note-1 holds a tab or a line break, which a BC8 submission cannot hold"), e.getMessage());
        assertEquals(1, writer.findingsWritten());
        assertEquals(1, writer.documentsWithout());
        assertFalse(out.toString().contains("note-1"), "nothing of the refused document is written");
    }
}
