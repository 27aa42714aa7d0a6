package org.hpolink.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private static final String CORPUS_SHA256 = "0123456789abcdef".repeat(4);
    private static final String HPO_SHA256 = "fedcba9876543210".repeat(4);

    private static final Corpus TRAINING = new Corpus("train.tsv", CORPUS_SHA256, List.of(
            new AnnotatedObservation(Observation.of("o1", "NECK: supple"), List.of(), 2),
            new AnnotatedObservation(Observation.of("o2", "HEAD: normocephalic"), List.of(), 3)));
    private static final Hpo HPO = Hpo.of("2023-01-27", HPO_SHA256, TinyHpo.terms());

    @Test
    void fillsEveryField() {
        Instant before = Instant.now().minusSeconds(1);
        Provenance provenance = Provenance.of("lexical", Map.of("maxWindowTokens", 12, "seed", 17L), 17, TRAINING, "fold 3 of 5, seed 17", HPO);

        assertEquals("lexical", provenance.component());
        assertEquals(Provenance.currentVersion(), provenance.hpolinkVersion());
        Instant created = Instant.parse(provenance.createdAt());
        assertFalse(created.isBefore(before.minusSeconds(1)) || created.isAfter(Instant.now()), provenance.createdAt());
        assertEquals(17, provenance.seed());
        assertEquals(Map.of("maxWindowTokens", 12, "seed", 17), provenance.config());
        assertEquals("train.tsv", provenance.trainingSource());
        assertEquals(CORPUS_SHA256, provenance.trainingSha256());
        assertEquals("fold 3 of 5, seed 17", provenance.split());
        assertEquals(2, provenance.trainingObservations());
        assertEquals("2023-01-27", provenance.hpoRelease());
        assertEquals(HPO_SHA256, provenance.hpoSha256());
        assertEquals(System.getProperty("java.version"), provenance.javaVersion());
        assertTrue(provenance.platform().contains(System.getProperty("os.arch")), provenance.platform());
    }

    @Test
    void theConfigDifferenceNamesTheFirstChangedFieldAndIgnoresWhatOnlyTrainingRecorded() {
        Provenance provenance = Provenance.of("grid", Map.of("seed", 17L, "epochs", 20, "dropout", 0.2, "skippedObservations", 11), 17,
                TRAINING, "all", HPO);

        assertEquals(Optional.empty(), provenance.configDifference(Map.of("seed", 17L, "epochs", 20, "dropout", 0.2)));
        assertEquals(Optional.of("epochs 20 (now 10)"), provenance.configDifference(Map.of("seed", 17L, "epochs", 10, "dropout", 0.2)));
        assertEquals(Optional.of("lexiconHints null (now false)"), provenance.configDifference(Map.of("lexiconHints", false)),
                "a field added since is a difference");
    }

    @Test
    void theVersionIsTheBuildsNotThePlaceholder() {
        String version = Provenance.currentVersion();

        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version);
    }

    @Test
    void anHpoBuiltInCodeHasNoHash() {
        assertEquals("none", Provenance.of("lexical", Map.of(), 0, TRAINING, "all", TinyHpo.build()).hpoSha256());
    }

    @Test
    void theConfigIsACopyThatCannotChange() {
        Map<String, Object> config = new HashMap<>(Map.of("maxWindowTokens", 12));
        Provenance provenance = Provenance.of("lexical", config, 17, TRAINING, "all", HPO);
        config.put("maxWindowTokens", 3);

        assertEquals(Map.of("maxWindowTokens", 12), provenance.config());
        assertThrows(UnsupportedOperationException.class, () -> provenance.config().put("seed", 1));
    }

    @Test
    void wholeNumbersAreKeptAsJsonReadsThemBack() {
        Provenance provenance = Provenance.of("lexical", Map.of("seed", 17L, "big", 1L << 40, "ratio", 0.5), 17, TRAINING, "all", HPO);

        assertEquals(Map.of("seed", 17, "big", 1L << 40, "ratio", 0.5), provenance.config());
    }

    @Test
    void needsAComponent() {
        assertDoesNotThrow(() -> Provenance.of("lexical", Map.of(), 0, TRAINING, "all", HPO));
        assertThrows(NullPointerException.class, () -> Provenance.of(null, Map.of(), 0, TRAINING, "all", HPO));
    }

    @Test
    void describesItselfInAFewLines() {
        Provenance provenance = new Provenance("lexical", "0.1.0", "2024-05-01T10:00:00Z", 17, new TreeMap<>(Map.of("seed", 17, "maxWindowTokens", 12)),
                "train.tsv", CORPUS_SHA256, "all", 2, "2023-01-27", HPO_SHA256, "17.0.15", "Linux amd64");

        assertEquals("lexical model, hpolink 0.1.0, created 2024-05-01T10:00:00Z\n"
                + "  trained on train.tsv (all, 2 observations, sha256 " + CORPUS_SHA256 + ")\n"
                + "  HPO release 2023-01-27 (sha256 " + HPO_SHA256 + "), seed 17\n"
                + "  config {maxWindowTokens=12, seed=17}", provenance.describe());
    }
}
