package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hpolink.RealDataFolder;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalTrainer;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoGraph;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.HpoJsonReader;
import org.hpolink.ontology.Term;
import org.hpolink.text.Document;
import org.hpolink.text.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reviewed abbreviation table against the real HPO release and the notes profile's own lexicon: every id an active
 * phenotypic abnormality with the label the table gives, and every abbreviation, written out, read as that id.
 */
class ClinicalAbbreviationsIT {

    private static Hpo hpo;

    @BeforeAll
    static void readHpo() throws IOException {
        hpo = new HpoJsonReader().read(RealDataFolder.hpoFile());
    }

    @Test
    void everyIdIsAnActivePhenotypicAbnormalityWithTheLabelGiven() {
        Set<HpoId> abnormalities = HpoGraph.subtree(hpo, HpoId.PHENOTYPIC_ABNORMALITY);
        for (ClinicalAbbreviations.Row row : ClinicalAbbreviations.standard()) {
            Optional<Term> term = hpo.term(row.id()).filter(t -> !t.obsolete());
            assertTrue(term.isPresent(), row.abbreviation() + ": " + row.id() + " is not an active term");
            assertTrue(abnormalities.contains(row.id()), row.abbreviation() + ": " + row.id() + " is not a phenotypic abnormality");
            assertEquals(term.get().label(), row.label(), row.abbreviation() + ": the label of " + row.id());
        }
    }

    @Test
    void theNotesProfileReadsEveryAbbreviationAsItsTerm() throws IOException {
        LexicalModel model = new LexicalTrainer(Profile.NOTES.lexicalConfig())
                .train(new Bc8CorpusReader(hpo::isKnown).read(RealDataFolder.trainFile()), hpo, "all");
        DocumentAnnotator annotator = new DocumentAnnotator(ExtractionPipeline.lexical(Profile.NOTES.lexicalModel(model), hpo), hpo,
                Profile.NOTES);
        String before = "Problems: ";
        List<Document> documents = new ArrayList<>();
        for (ClinicalAbbreviations.Row row : ClinicalAbbreviations.standard()) {
            documents.add(new Document(row.abbreviation(), before + row.abbreviation() + "."));
        }

        List<AnnotatedDocument> annotated = annotator.annotate(documents);

        List<String> misread = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            ClinicalAbbreviations.Row row = ClinicalAbbreviations.standard().get(d);
            Span abbreviation = Span.of(before.length(), before.length() + row.abbreviation().length());
            List<String> found = annotated.get(d).findings().stream().map(f -> f.id() + " at " + f.span()).toList();
            if (!found.equals(List.of(row.id() + " at " + abbreviation))) {
                misread.add(row.abbreviation() + ": " + found);
            }
        }
        assertEquals(List.of(), misread);
    }
}
