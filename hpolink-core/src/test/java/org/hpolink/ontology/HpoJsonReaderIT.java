package org.hpolink.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.hpolink.RealDataFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the real release named in {@code $HPOLINK_DATA/README.md} and checks the figures stated there. */
class HpoJsonReaderIT {

    private static Path file;
    private static Hpo hpo;

    @BeforeAll
    static void read() throws IOException {
        file = RealDataFolder.hpoFile();
        HpoJsonReader reader = new HpoJsonReader();
        // Warm up the JIT, then time one more load; printed for the record, not asserted.
        for (int i = 0; i < 3; i++) {
            reader.read(file);
        }
        long start = System.nanoTime();
        hpo = reader.read(file);
        System.out.printf("HpoJsonReaderIT: read %s in %d ms after warm-up%n", file, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void releaseAndHash() {
        assertEquals("2023-01-27", hpo.release());
        assertEquals(Optional.of("749fb5c6e0b2dfff811356a9f2b80f63867e96bb15bf366778ef4193bb196707"), hpo.sha256());
    }

    /**
     * The README counts 17,246 HP classes, 16,875 of them active: it counts every node with an HP_ IRI, including
     * HP:0034334 "allelic_requirement", whose type is PROPERTY, not CLASS. The reader keeps classes only, so one
     * fewer of each; the second assertion pins where the difference comes from.
     */
    @Test
    void termCounts() throws IOException {
        assertEquals(17_245, hpo.termCount());
        assertEquals(16_874, hpo.activeTermCount());
        assertEquals(371, hpo.obsoleteTermCount());
        assertEquals(17_246, countNodesWithHpIri(file), "the README's figure");
        assertEquals(Optional.empty(), hpo.term(HpoId.of("HP:0034334")));
    }

    @Test
    void edgeSynonymAndAlternativeIdCounts() {
        assertEquals(21_138, hpo.terms().stream().mapToInt(term -> term.parents().size()).sum());
        // Obsolete terms included: 6 of the synonyms belong to them.
        assertEquals(21_811, hpo.terms().stream().mapToInt(term -> term.synonyms().size()).sum());
        assertEquals(3_752, hpo.terms().stream().mapToInt(term -> term.alternativeIds().size()).sum());
    }

    /**
     * The README's 16,561 classes under HP:0000118 are its proper descendants: HP:0000118 itself not counted. All
     * are active, since obsolete terms have no is_a edges.
     */
    @Test
    void classesUnderPhenotypicAbnormality() {
        assertEquals(16_561, HpoGraph.descendants(hpo, HpoId.PHENOTYPIC_ABNORMALITY).size());
        long start = System.nanoTime();
        long under = hpo.activeTerms().stream()
                .filter(term -> HpoGraph.isDescendantOf(hpo, term.id(), HpoId.PHENOTYPIC_ABNORMALITY))
                .count();
        System.out.printf("HpoJsonReaderIT: %d isDescendantOf calls in %d ms, cold cache%n", hpo.activeTermCount(),
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(16_561, under);
        start = System.nanoTime();
        long warm = 0;
        for (int i = 0; i < 100_000; i++) {
            Term term = hpo.activeTerms().get(i % 1_000);
            warm += HpoGraph.isDescendantOf(hpo, term.id(), HpoId.PHENOTYPIC_ABNORMALITY) ? 1 : 0;
        }
        System.out.printf("HpoJsonReaderIT: 100000 isDescendantOf calls in %d ms, warm cache%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(100 * hpo.activeTerms().subList(0, 1_000).stream()
                .filter(term -> HpoGraph.isDescendantOf(hpo, term.id(), HpoId.PHENOTYPIC_ABNORMALITY)).count(), warm);
    }

    @Test
    void termsAndOldIds() {
        Term lowSet = hpo.term(HpoId.of("HP:0000369")).orElseThrow();
        assertEquals("Low-set ears", lowSet.label());
        assertTrue(lowSet.synonyms().contains(new Synonym("Low set ears", SynonymScope.EXACT)));
        assertEquals(HpoId.of("HP:0000001"), hpo.root());
        assertEquals(Optional.of(HpoId.of("HP:0000286")), hpo.primaryId(HpoId.of("HP:0000624")), "alternative id of Epicanthus");
        assertEquals(Optional.of(HpoId.of("HP:0000286")), hpo.primaryId(HpoId.of("HP:0007930")), "obsolete, replaced by Epicanthus");
        assertEquals(Optional.of(HpoId.of("HP:0010904")), hpo.primaryId(HpoId.of("HP:0010905")),
                "obsolete with a replacement and listed as alternative id of HP:0002927: the replacement wins");
        assertEquals(Optional.of(HpoId.of("HP:0045075")), hpo.term(HpoId.of("HP:0000535")).orElseThrow().replacedBy(),
                "two replacements listed; HP:0045075 also lists it as alternative id");
        assertEquals(Optional.of(HpoId.of("HP:0008209")), hpo.primaryId(HpoId.of("HP:0001587")),
                "obsolete without replacement, listed as alternative id of HP:0008209");
        assertEquals(Optional.empty(), hpo.primaryId(HpoId.of("HP:0007691")), "obsolete without replacement");
    }

    private static int countNodesWithHpIri(Path gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
            JsonNode nodes = new ObjectMapper().readTree(in).path("graphs").path(0).path("nodes");
            int count = 0;
            for (JsonNode node : nodes) {
                if (node.path("id").asText().startsWith("http://purl.obolibrary.org/obo/HP_")) {
                    count++;
                }
            }
            return count;
        }
    }
}
