package org.hpolink.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HpoJsonReaderTest {

    /**
     * Shaped like hp.json: edges before nodes, non-HP nodes, an HP property, edges that are not is_a or leave HP, a
     * repeated edge, replacements as IRI and CURIE, and a second graph that is not read.
     */
    private static final String TINY = """
            {
              "graphs": [ {
                "edges": [
                  { "sub": "http://purl.obolibrary.org/obo/HP_0000118", "pred": "is_a", "obj": "http://purl.obolibrary.org/obo/HP_0000001" },
                  { "sub": "http://purl.obolibrary.org/obo/HP_0000598", "pred": "is_a", "obj": "http://purl.obolibrary.org/obo/HP_0000118" },
                  { "sub": "http://purl.obolibrary.org/obo/HP_0000369", "pred": "is_a", "obj": "http://purl.obolibrary.org/obo/HP_0000598" },
                  { "sub": "http://purl.obolibrary.org/obo/HP_0000369", "pred": "is_a", "obj": "http://purl.obolibrary.org/obo/HP_0000598" },
                  { "sub": "http://purl.obolibrary.org/obo/HP_0000369", "pred": "http://purl.obolibrary.org/obo/BFO_0000050", "obj": "http://purl.obolibrary.org/obo/HP_0000118" },
                  { "sub": "http://purl.obolibrary.org/obo/HP_0000598", "pred": "is_a", "obj": "http://purl.obolibrary.org/obo/GO_0000016" }
                ],
                "id": "http://purl.obolibrary.org/obo/hp.json",
                "meta": {
                  "basicPropertyValues": [ { "pred": "http://purl.org/dc/elements/1.1/creator", "val": "Someone" } ],
                  "version": "http://purl.obolibrary.org/obo/hp/releases/2023-01-27/hp.json"
                },
                "nodes": [
                  { "id": "http://purl.obolibrary.org/obo/GO_0000016", "lbl": "lactase activity" },
                  { "id": "http://purl.obolibrary.org/obo/HP_0000001", "lbl": "All", "type": "CLASS" },
                  { "id": "http://purl.obolibrary.org/obo/HP_0000118", "lbl": "Phenotypic abnormality", "type": "CLASS",
                    "meta": { "synonyms": [ { "pred": "hasExactSynonym", "val": "Organ abnormality" } ] } },
                  { "id": "http://purl.obolibrary.org/obo/HP_0000598", "lbl": "Abnormality of the ear", "type": "CLASS" },
                  { "id": "http://purl.obolibrary.org/obo/HP_0000369", "lbl": "Low-set ears", "type": "CLASS",
                    "meta": {
                      "definition": { "val": "Upper insertion of the ear below a line.", "xrefs": [ "HPO:probinson" ] },
                      "synonyms": [
                        { "pred": "hasExactSynonym", "synonymType": "http://purl.obolibrary.org/obo/hp#layperson", "val": "Low set ears" },
                        { "pred": "hasRelatedSynonym", "val": "Ears low set" },
                        { "pred": "hasBroadSynonym", "val": "Ear position" },
                        { "pred": "hasNarrowSynonym", "val": "Very low-set ears" }
                      ],
                      "basicPropertyValues": [
                        { "pred": "http://www.geneontology.org/formats/oboInOwl#hasAlternativeId", "val": "HP:0000370" },
                        { "pred": "http://www.geneontology.org/formats/oboInOwl#created_by", "val": "someone" }
                      ],
                      "xrefs": [ { "val": "UMLS:C0239234" } ]
                    } },
                  { "id": "http://purl.obolibrary.org/obo/HP_0000371", "lbl": "obsolete Low ears", "type": "CLASS",
                    "meta": { "deprecated": true, "basicPropertyValues": [
                      { "pred": "http://purl.obolibrary.org/obo/IAO_0100001", "val": "http://purl.obolibrary.org/obo/HP_0000369" } ] } },
                  { "id": "http://purl.obolibrary.org/obo/HP_0000372", "lbl": "obsolete Ear thing", "type": "CLASS",
                    "meta": { "deprecated": true, "basicPropertyValues": [
                      { "pred": "http://purl.obolibrary.org/obo/IAO_0100001", "val": "HP:0000598" },
                      { "pred": "http://www.geneontology.org/formats/oboInOwl#consider", "val": "HP:0000118" } ] } },
                  { "id": "http://purl.obolibrary.org/obo/HP_0034334", "lbl": "allelic_requirement", "type": "PROPERTY" },
                  { "id": "http://www.geneontology.org/formats/oboInOwl#hasAlternativeId", "lbl": "has_alternative_id", "type": "PROPERTY" }
                ],
                "propertyChainAxioms": [ ]
              }, {
                "id": "http://example.org/other.json",
                "nodes": [ { "id": "http://purl.obolibrary.org/obo/HP_0000002", "lbl": "Other graph", "type": "CLASS" } ]
              } ]
            }
            """;

    private static final HpoId ALL = HpoId.of("HP:0000001");
    private static final HpoId PHENOTYPIC_ABNORMALITY = HpoId.of("HP:0000118");
    private static final HpoId EAR = HpoId.of("HP:0000598");
    private static final HpoId LOW_SET_EARS = HpoId.of("HP:0000369");

    private final HpoJsonReader reader = new HpoJsonReader();

    @TempDir
    Path folder;

    @Test
    void readsClassesSynonymsIdsAndIsAEdgesOfTheFirstGraph() throws IOException {
        Hpo hpo = read(TINY);

        assertEquals("2023-01-27", hpo.release());
        assertEquals(List.of(ALL, PHENOTYPIC_ABNORMALITY, LOW_SET_EARS, HpoId.of("HP:0000371"), HpoId.of("HP:0000372"), EAR),
                hpo.terms().stream().map(Term::id).toList());
        Term lowSet = hpo.term(LOW_SET_EARS).orElseThrow();
        assertEquals(new Term(LOW_SET_EARS, "Low-set ears",
                List.of(new Synonym("Low set ears", SynonymScope.EXACT), new Synonym("Ears low set", SynonymScope.RELATED),
                        new Synonym("Ear position", SynonymScope.BROAD), new Synonym("Very low-set ears", SynonymScope.NARROW)),
                List.of(EAR), List.of(HpoId.of("HP:0000370")), false, Optional.empty(),
                Optional.of("Upper insertion of the ear below a line.")), lowSet);
        assertEquals(List.of(PHENOTYPIC_ABNORMALITY), hpo.parents(EAR), "no edge to GO, no part_of");
        assertEquals(List.of(ALL), hpo.parents(PHENOTYPIC_ABNORMALITY));
        assertEquals(Optional.of(LOW_SET_EARS), hpo.primaryId(HpoId.of("HP:0000370")));
        assertEquals(Optional.of(LOW_SET_EARS), hpo.term(HpoId.of("HP:0000371")).orElseThrow().replacedBy(), "an IRI");
        assertEquals(Optional.of(EAR), hpo.term(HpoId.of("HP:0000372")).orElseThrow().replacedBy(), "a CURIE");
        assertTrue(hpo.term(HpoId.of("HP:0000372")).orElseThrow().obsolete());
        assertEquals(Optional.empty(), hpo.term(HpoId.of("HP:0034334")), "a property, not a class");
        assertEquals(Optional.empty(), hpo.term(HpoId.of("HP:0000002")), "from the second graph");
    }

    @Test
    void roundTripsTinyHpo() throws IOException {
        Hpo tiny = TinyHpo.build();

        Hpo read = read(Obographs.json(tiny));

        assertEquals(tiny.terms(), read.terms());
    }

    @Test
    void detectsGzipByItsBytesNotItsName() throws IOException {
        byte[] plain = TINY.getBytes(StandardCharsets.UTF_8);
        byte[] gzipped = gzip(plain);
        Path gzipNamedJson = Files.write(folder.resolve("hp.json"), gzipped);
        Path plainNamedGz = Files.write(folder.resolve("hp.json.gz"), plain);

        Hpo fromGzip = reader.read(gzipNamedJson);
        Hpo fromPlain = reader.read(plainNamedGz);

        assertEquals(fromPlain.terms(), fromGzip.terms());
        assertEquals(Optional.of(sha256(gzipped)), fromGzip.sha256(), "the hash of the compressed bytes");
        assertEquals(Optional.of(sha256(plain)), fromPlain.sha256());
        assertNotEquals(fromGzip.sha256(), fromPlain.sha256());
    }

    @Test
    void hashesEveryByteAndReadsTheStreamToItsEnd() throws IOException {
        byte[] bytes = (TINY + "\n\n   \n").getBytes(StandardCharsets.UTF_8);
        InputStream in = new ByteArrayInputStream(bytes);

        Hpo hpo = reader.read(in, "memory");

        assertEquals(Optional.of(sha256(bytes)), hpo.sha256());
        assertEquals(-1, in.read());
    }

    @Test
    void rejectsMalformedJsonNamingSourceAndLine() {
        String broken = TINY.replace("\"lbl\": \"Abnormality of the ear\",", "\"lbl\": \"Abnormality of the ear\" ");
        assertFails(broken, "tiny.json, line 21, column ");
        assertFails(broken, ": not valid JSON: ");
    }

    @Test
    void rejectsDocumentsWithoutAGraph() {
        assertFails("{\"something\": 1}", "tiny.json: no graphs[0]: expected an obographs document");
        assertFails("{\"graphs\": []}", "tiny.json: no graphs[0]");
        assertFails("{\"graphs\": {}}", "tiny.json, line 1: graphs: expected an array");
        assertFails("{\"graphs\": [5]}", "tiny.json, line 1: graphs[0]: expected an object");
        assertFails("[1, 2]", "tiny.json: expected a JSON object at the top level");
        assertFails("", "tiny.json: expected a JSON object at the top level");
        assertFails(TINY + "{}", "content after the top-level object");
    }

    @Test
    void rejectsAGraphWithoutRelease() {
        assertFails(TINY.replace("\"meta\": {\n      \"basicPropertyValues\"", "\"other\": {\n      \"basicPropertyValues\""),
                "tiny.json: graphs[0] has no meta: expected meta.version naming the release");
        assertFails(TINY.replace("releases/2023-01-27/", "latest/"),
                "tiny.json, line 12: graphs[0].meta: version 'http://purl.obolibrary.org/obo/hp/latest/hp.json' names no release");
    }

    @Test
    void rejectsBadNodesNamingLineAndField() {
        assertFails(TINY.replace("\"hasRelatedSynonym\"", "\"hasOddSynonym\""),
                "tiny.json, line 22: graphs[0].nodes[4].meta.synonyms[1]: HP:0000369: pred 'hasOddSynonym': expected one of "
                        + "[hasBroadSynonym, hasExactSynonym, hasNarrowSynonym, hasRelatedSynonym]");
        assertFails(TINY.replace("\"lbl\": \"All\", ", ""), "tiny.json, line 18: graphs[0].nodes[1]: no lbl: expected a string");
        assertFails(TINY.replace("\"val\": \"HP:0000370\"", "\"val\": \"HP:370\""),
                "graphs[0].nodes[4].meta.basicPropertyValues[0]: val 'HP:370': expected an HPO id");
        assertFails(TINY.replace("\"deprecated\": true, \"basicPropertyValues\": [\n          { \"pred\": \"http://purl.obolibrary.org/obo/IAO_0100001\", \"val\": \"HP:0000598\" }",
                        "\"deprecated\": \"yes\", \"basicPropertyValues\": [\n          { \"pred\": \"http://purl.obolibrary.org/obo/IAO_0100001\", \"val\": \"HP:0000598\" }"),
                "graphs[0].nodes[6]: meta.deprecated is \"yes\": expected true or false");
        assertFails(TINY.replace("{ \"id\": \"http://purl.obolibrary.org/obo/HP_0000598\"", "{ \"id\": 598, \"x\": \"http://purl.obolibrary.org/obo/HP_0000598\""),
                "graphs[0].nodes[3]: id is 598: expected a string");
        assertFails(TINY.replace("\"nodes\": [\n", "\"nodes\": [ 7,\n"), "graphs[0].nodes[0]: expected an object");
    }

    @Test
    void rejectsATermThatBreaksItsInvariantsNamingTheNode() {
        String edgeFromObsolete = TINY.replace("\"edges\": [\n",
                "\"edges\": [\n { \"sub\": \"http://purl.obolibrary.org/obo/HP_0000371\", \"pred\": \"is_a\", \"obj\": \"http://purl.obolibrary.org/obo/HP_0000598\" },\n");
        assertFails(edgeFromObsolete, "graphs[0].nodes[5]: HP:0000371 is obsolete but has parents [HP:0000598]: expected none");
    }

    @Test
    void rejectsAnInconsistentOntology() {
        String secondRoot = TINY.replace(
                "{ \"sub\": \"http://purl.obolibrary.org/obo/HP_0000118\", \"pred\": \"is_a\", \"obj\": \"http://purl.obolibrary.org/obo/HP_0000001\" },", "");
        assertFails(secondRoot, "tiny.json: not a consistent ontology: expected exactly one root (an active term without parents), "
                + "found [HP:0000001, HP:0000118]");
    }

    @Test
    void rejectsCorruptGzip() throws IOException {
        byte[] gzipped = gzip(TINY.getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(gzipped, gzipped.length / 2);

        HpoFormatException e = assertThrows(HpoFormatException.class, () -> reader.read(new ByteArrayInputStream(truncated), "tiny.json.gz"));

        assertTrue(e.getMessage().startsWith("tiny.json.gz: corrupt or truncated gzip data"), e.getMessage());
    }

    @Test
    void picksTheReplacementThatAlsoListsTheObsoleteIdAsAlternative() throws IOException {
        String twoReplacements = TINY
                .replace("\"val\": \"HP:0000598\" },", "\"val\": \"HP:0000598\" },\n { \"pred\": \"http://purl.obolibrary.org/obo/IAO_0100001\", \"val\": \"HP:0000369\" },")
                .replace("\"val\": \"HP:0000370\" }", "\"val\": \"HP:0000370\" },\n { \"pred\": \"http://www.geneontology.org/formats/oboInOwl#hasAlternativeId\", \"val\": \"HP:0000372\" }");

        Hpo hpo = read(twoReplacements);

        assertEquals(Optional.of(LOW_SET_EARS), hpo.term(HpoId.of("HP:0000372")).orElseThrow().replacedBy());
    }

    @Test
    void rejectsSeveralReplacementsWhenNoneListsTheObsoleteId() {
        String twoReplacements = TINY.replace("\"val\": \"HP:0000598\" },",
                "\"val\": \"HP:0000598\" },\n { \"pred\": \"http://purl.obolibrary.org/obo/IAO_0100001\", \"val\": \"HP:0000369\" },");

        assertFails(twoReplacements, "graphs[0].nodes[6]: HP:0000372 has replacements [HP:0000598, HP:0000369] (IAO_0100001), "
                + "none of which lists it as alternative id: expected one replacement");
    }

    private Hpo read(String json) throws IOException {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "tiny.json");
    }

    private void assertFails(String json, String expectedMessagePart) {
        HpoFormatException e = assertThrows(HpoFormatException.class, () -> read(json));
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
