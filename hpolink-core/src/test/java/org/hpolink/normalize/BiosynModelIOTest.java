package org.hpolink.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BiosynModelIOTest {

    private static final List<String> QUERIES = List.of("low set ears", "ears set low", "epicanthic folds", "thin helix", "eye");

    @Test
    void roundTripGivesIdenticalScores(@TempDir Path folder) throws IOException {
        BiosynNormalizer trained = BiosynTrainerTest.train(BiosynTrainerTest.TINY, new ArrayList<>());
        BiosynModelIO.write(trained, folder);
        BiosynNormalizer read = BiosynModelIO.read(folder, TrigramEmbedder.embedders());

        assertEquals(trained.provenance(), read.provenance());
        assertEquals(trained.config(), read.config());
        assertEquals(trained.dictionary(), read.dictionary());
        assertEquals(trained.projection(), read.projection());
        assertEquals(trained.sparseWeight(), read.sparseWeight());
        assertEquals(trained.rankAll(QUERIES, 10), read.rankAll(QUERIES, 10));
    }

    @Test
    void aMissingOrTruncatedFileIsNamed(@TempDir Path folder) throws IOException {
        IOException missing = assertThrows(IOException.class, () -> BiosynModelIO.read(folder, TrigramEmbedder.embedders()));
        assertTrue(missing.getMessage().contains(BiosynModelIO.MANIFEST), missing.getMessage());

        BiosynModelIO.write(BiosynTrainerTest.train(BiosynTrainerTest.TINY, new ArrayList<>()), folder);
        Path vectors = folder.resolve(BiosynModelIO.NAME_VECTORS);
        byte[] bytes = Files.readAllBytes(vectors);
        Files.write(vectors, Arrays.copyOf(bytes, bytes.length - 4));
        IOException truncated = assertThrows(IOException.class, () -> BiosynModelIO.read(folder, TrigramEmbedder.embedders()));
        assertTrue(truncated.getMessage().contains(vectors.toString()) && truncated.getMessage().contains("expected"), truncated.getMessage());
    }
}
