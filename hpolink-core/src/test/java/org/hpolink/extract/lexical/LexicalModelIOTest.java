package org.hpolink.extract.lexical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.extract.Mention;
import org.hpolink.text.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexicalModelIOTest {

    private static final LexicalModel MODEL = LexicalFixtures.model();

    @TempDir
    Path folder;

    @Test
    void aModelReadBackExtractsTheSameMentions() throws IOException {
        Path bundle = folder.resolve("model");
        LexicalModelIO.write(MODEL, bundle);
        LexicalModel read = LexicalModelIO.read(bundle);

        List<Observation> observations = texts();
        LexicalMentionExtractor original = new LexicalMentionExtractor(MODEL);
        LexicalMentionExtractor reloaded = new LexicalMentionExtractor(read);
        int mentions = 0;
        for (Observation observation : observations) {
            List<Mention> expected = original.extract(observation);
            assertEquals(expected, reloaded.extract(observation), observation.text());
            mentions += expected.size();
        }
        assertTrue(mentions > observations.size() / 2, "the texts have mentions to compare: " + mentions);
        assertEquals(MODEL.provenance(), read.provenance());
        assertEquals(MODEL.config(), read.config());
    }

    @Test
    void aModelReadBackWritesTheSameFiles() throws IOException {
        LexicalModelIO.write(MODEL, folder.resolve("first"));
        LexicalModelIO.write(LexicalModelIO.read(folder.resolve("first")), folder.resolve("second"));

        for (String file : List.of(LexicalModelIO.MANIFEST, LexicalModelIO.LEXICON)) {
            assertArrayEquals(Files.readAllBytes(folder.resolve("first").resolve(file)), Files.readAllBytes(folder.resolve("second").resolve(file)), file);
        }
    }

    @Test
    void theLexiconSpellsKeysAsStems() throws IOException {
        LexicalModelIO.write(MODEL, folder);
        String lexicon = Files.readString(folder.resolve(LexicalModelIO.LEXICON));

        assertTrue(lexicon.contains("\"key\" : [ \"ear\", \"low\", \"set\" ]"), lexicon);
        assertTrue(lexicon.contains("\"modifiers\" : [ \"mild\" ]"), lexicon);
    }

    @Test
    void aMissingFolderNamesTheManifest() {
        Path absent = folder.resolve("absent");

        IOException e = assertThrows(IOException.class, () -> LexicalModelIO.read(absent));
        assertTrue(e.getMessage().startsWith(absent.resolve(LexicalModelIO.MANIFEST) + ": no such file"), e.getMessage());
    }

    @Test
    void aMissingLexiconIsNamed() throws IOException {
        LexicalModelIO.write(MODEL, folder);
        Files.delete(folder.resolve(LexicalModelIO.LEXICON));

        IOException e = assertThrows(IOException.class, () -> LexicalModelIO.read(folder));
        assertTrue(e.getMessage().startsWith(folder.resolve(LexicalModelIO.LEXICON) + ": no such file"), e.getMessage());
    }

    @Test
    void corruptJsonIsNamed() throws IOException {
        LexicalModelIO.write(MODEL, folder);
        Path lexicon = folder.resolve(LexicalModelIO.LEXICON);
        Files.writeString(lexicon, "{ \"vocabulary\" : [ \"ear\", ");

        IOException e = assertThrows(IOException.class, () -> LexicalModelIO.read(folder));
        assertTrue(e.getMessage().startsWith(lexicon + ": not a valid lexicon file"), e.getMessage());

        Path manifest = folder.resolve(LexicalModelIO.MANIFEST);
        Files.writeString(manifest, "not json");
        e = assertThrows(IOException.class, () -> LexicalModelIO.read(folder));
        assertTrue(e.getMessage().startsWith(manifest + ": not a valid manifest file"), e.getMessage());
    }

    @Test
    void anotherFormatVersionIsNamed() throws IOException {
        LexicalModelIO.write(MODEL, folder);
        Path manifest = folder.resolve(LexicalModelIO.MANIFEST);
        int other = LexicalModelIO.FORMAT_VERSION + 1;
        replace(manifest, "\"formatVersion\" : " + LexicalModelIO.FORMAT_VERSION, "\"formatVersion\" : " + other);

        IOException e = assertThrows(IOException.class, () -> LexicalModelIO.read(folder));
        assertTrue(e.getMessage().startsWith(manifest + ": format hpolink-lexical version " + other + ", expected hpolink-lexical version "
                + LexicalModelIO.FORMAT_VERSION), e.getMessage());
    }

    @Test
    void anotherFormatIsNamed() throws IOException {
        LexicalModelIO.write(MODEL, folder);
        Path manifest = folder.resolve(LexicalModelIO.MANIFEST);
        replace(manifest, "\"hpolink-lexical\"", "\"hpolink-grid\"");

        IOException e = assertThrows(IOException.class, () -> LexicalModelIO.read(folder));
        assertTrue(e.getMessage().startsWith(manifest + ": format hpolink-grid version " + LexicalModelIO.FORMAT_VERSION), e.getMessage());
    }

    @Test
    void aStemOutsideTheVocabularyIsNamed() throws IOException {
        LexicalModelIO.write(MODEL, folder);
        Path lexicon = folder.resolve(LexicalModelIO.LEXICON);
        String text = Files.readString(lexicon);
        String changed = text.replaceFirst("\"fillers\" : \\[[^\\]]*\\]", "\"fillers\" : [ \"earlobe\" ]");
        assertNotEquals(text, changed, "the lexicon has a fillers list");
        Files.writeString(lexicon, changed);

        IOException e = assertThrows(IOException.class, () -> LexicalModelIO.read(folder));
        assertTrue(e.getMessage().startsWith(lexicon + ": malformed lexical model: the stem 'earlobe' is not in the model's vocabulary"),
                e.getMessage());
    }

    @Test
    void aMissingTableIsNamed() throws IOException {
        LexicalModelIO.write(MODEL, folder);
        Path lexicon = folder.resolve(LexicalModelIO.LEXICON);
        replace(lexicon, "\"entries\" :", "\"entrees\" :");

        IOException e = assertThrows(IOException.class, () -> LexicalModelIO.read(folder));
        assertTrue(e.getMessage().startsWith(lexicon + ": malformed lexical model"), e.getMessage());
    }

    /** The fixture's texts and some new ones. */
    private static List<Observation> texts() {
        List<Observation> observations = new ArrayList<>();
        LexicalFixtures.corpus().observations().stream().map(AnnotatedObservation::observation).forEach(observations::add);
        List<String> more = List.of("EARS: low set", "low-set ears", "ears mildly low set", "HANDS: no clinodactyly", "FINGERS: clinodactyly absent",
                "EARS: prominent antitragus", "EYES: thick eye brows", "psteriorly rotated ears", "HANDS: short 5th finger, clinodactyly");
        for (int i = 0; i < more.size(); i++) {
            observations.add(Observation.of("new" + i, more.get(i)));
        }
        return observations;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), () -> file + " has no " + from + ":\n" + text);
        Files.writeString(file, text.replace(from, to));
    }
}
