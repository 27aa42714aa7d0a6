package org.hpolink.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hpolink.assertion.AssertionAnnotator;
import org.hpolink.extract.lexical.LexicalConfig;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.SeverityTerms;
import org.hpolink.text.AbbreviationExpander;
import org.hpolink.text.DocumentSegmenter;

/**
 * How documents are annotated: as BC8 exam observations, or as clinical notes and literature. The exam profile keeps
 * BC8's conventions: the lexicon of HPO labels, exact synonyms and training mentions, findings composed into their
 * common child as BC8's annotators write them, and the pipeline's own key and normal findings. The notes profile reads
 * HPO's related synonyms too ({@code hearing loss}) and names as prose writes them ({@code neurologic involvement},
 * {@code FTT}), keeps each finding apart, names a finding's severity where HPO has a term for it ({@code moderate
 * intellectual disability}), reads growth centiles ({@code OFC <3rd %ile}), reads an abbreviation as the document
 * defines it, and asks of each finding found present what the text asserts of it ({@link AssertionAnnotator}:
 * present, negated, family, hypothetical, historical). Chosen on the genereviews development documents
 * (docs/RESULTS.md).
 */
public enum Profile {
    EXAM,
    NOTES;

    /** The assertion stage of this profile, if it has one. */
    public Optional<AssertionAnnotator> assertions() {
        return this == NOTES ? Optional.of(AssertionAnnotator.standard()) : Optional.empty();
    }

    /**
     * What this profile does to a pipeline's findings in a document before their assertions are asked: the notes
     * profile drops a finding read across two others ({@link BridgingFindingFilter}), reads an abbreviation of
     * several terms by its context ({@link AbbreviationSenseFilter}) and words that name two terms by their order
     * ({@link WordOrderFilter}), names a finding's severity where HPO has a term for it ({@link SeverityFilter}) and
     * adds the findings growth measurements state by their centile ({@link GrowthCentileFilter}).
     */
    public List<FindingFilter> documentFilters(Hpo hpo) {
        return this == NOTES
                ? List.of(new BridgingFindingFilter(), new AbbreviationSenseFilter(hpo), new WordOrderFilter(hpo),
                        new SeverityFilter(SeverityTerms.of(hpo)), new GrowthCentileFilter(hpo))
                : List.of();
    }

    /**
     * Whether an abbreviation the document defines is read as its definition says ({@link DefinedAbbreviations}): in
     * notes and literature, which define them ({@code atrial septal defect (ASD)}); BC8's observations define none.
     */
    public boolean readsDefinedAbbreviations() {
        return this == NOTES;
    }

    /**
     * How this profile cuts documents into windows. The notes profile writes out the abbreviations of clinical notes
     * in them, of words ({@code upslanting PF}, {@link AbbreviationExpander#standard()}) and of findings
     * ({@code recurrent OM}, {@link ClinicalAbbreviations}); BC8's exam observations are read as written.
     */
    public DocumentSegmenter segmenter() {
        return this == NOTES ? new DocumentSegmenter(DocumentSegmenter.DEFAULT_MAX_WINDOW_CHARS, NotesAbbreviations.EXPANDER)
                : new DocumentSegmenter();
    }

    private static final class NotesAbbreviations {
        static final AbbreviationExpander EXPANDER = AbbreviationExpander.standard().with(ClinicalAbbreviations.writtenOut());
    }

    /** How this profile's default lexical model is trained. */
    public LexicalConfig lexicalConfig() {
        return this == NOTES ? LexicalConfig.defaults().withRelatedSynonyms(true).withProseNames(true) : LexicalConfig.defaults();
    }

    /** A trained lexical model as this profile uses it. */
    public LexicalModel lexicalModel(LexicalModel trained) {
        return this == NOTES ? trained.withoutCompositions() : trained;
    }

    /** The name on the command line: {@code exam}, {@code notes}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
