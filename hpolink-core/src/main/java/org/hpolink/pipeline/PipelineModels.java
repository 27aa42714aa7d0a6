package org.hpolink.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hpolink.encode.EncoderOptions;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.extract.grid.GridMentionExtractor;
import org.hpolink.extract.grid.GridModel;
import org.hpolink.extract.grid.GridModelIO;
import org.hpolink.extract.lexical.LexicalMentionExtractor;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalModelIO;
import org.hpolink.model.Provenance;
import org.hpolink.normalize.BiosynModelIO;
import org.hpolink.normalize.BiosynNormalizer;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoJsonReader;

/**
 * A pipeline named by the files of its models, which any machine that can read them opens the same way: what a job
 * on many machines sends each of them instead of the models. Nothing is trained here; each folder must hold a model
 * written by {@code hpolink train}, trained with the HPO release of {@code hpoFile}.
 *
 * @param pipeline        {@link #LEXICAL}, {@link #GRID} or {@link #ENSEMBLE}
 * @param hpoFile         the HPO release (obographs JSON, plain or gzipped)
 * @param lexicalModel    the lexical model's folder; the grid pipeline needs it only for a grid model that reads its
 *                        mentions
 * @param normalizerModel the BioSyn normalizer's folder (grid and ensemble), else null
 * @param gridModel       the grid model's folder (grid and ensemble), else null
 * @param profile         the profile the lexical model is used in
 */
public record PipelineModels(String pipeline, String hpoFile, String lexicalModel, String normalizerModel, String gridModel,
        Profile profile) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String LEXICAL = "lexical";
    public static final String GRID = "grid";
    public static final String ENSEMBLE = "ensemble";

    /** The pipelines a folder of models can name. */
    public static final Set<String> PIPELINES = Set.of(LEXICAL, GRID, ENSEMBLE);

    public PipelineModels {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(hpoFile, "hpoFile");
        Objects.requireNonNull(profile, "profile");
        if (!PIPELINES.contains(pipeline)) {
            throw new IllegalArgumentException("pipeline '" + pipeline + "': expected lexical, grid or ensemble");
        }
        boolean learned = !pipeline.equals(LEXICAL);
        if (!learned && lexicalModel == null) {
            throw new IllegalArgumentException("the lexical pipeline needs the lexical model's folder");
        }
        if (learned && (normalizerModel == null || gridModel == null)) {
            throw new IllegalArgumentException("the " + pipeline + " pipeline needs the folders of the normalizer and of the grid model");
        }
        if (pipeline.equals(ENSEMBLE) && lexicalModel == null) {
            throw new IllegalArgumentException("the ensemble pipeline needs the lexical model's folder");
        }
    }

    /** The HPO release the models were trained with. */
    public Hpo readHpo() throws IOException {
        return new HpoJsonReader().read(Path.of(hpoFile));
    }

    /**
     * Reads the models and puts the pipeline together, for {@code workers} threads annotating at once.
     *
     * @throws IllegalArgumentException naming both releases when a model was trained with another HPO release than
     *                                  {@code hpo}
     */
    public OpenPipeline open(Hpo hpo, int workers) throws IOException {
        if (pipeline.equals(LEXICAL)) {
            return lexical(profile.lexicalModel(LexicalModelIO.read(Path.of(lexicalModel), hpo)), hpo);
        }
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Encoders encoders = new Encoders(EncoderOptions.sharedBy(workers));
            resources.add(encoders);
            BiosynNormalizer ids = BiosynModelIO.read(Path.of(normalizerModel), encoders, hpo);
            GridModel grid = GridModelIO.read(Path.of(gridModel), hpo);
            resources.add(grid);
            boolean needsLexical = pipeline.equals(ENSEMBLE) || grid.config().lexiconHints();
            if (needsLexical && lexicalModel == null) {
                throw new IllegalArgumentException("the grid model in " + gridModel + " reads the lexical model's mentions: name its folder");
            }
            LexicalModel lexical = needsLexical ? profile.lexicalModel(LexicalModelIO.read(Path.of(lexicalModel), hpo)) : null;
            return learned(pipeline, lexical, ids, grid, encoders, hpo, resources);
        } catch (IOException | RuntimeException e) {
            new OpenPipeline(null, "", List.of(), resources).close();
            throw e;
        }
    }

    /** The lexical pipeline of {@code lexical}, the model as its profile uses it. */
    public static OpenPipeline lexical(LexicalModel lexical, Hpo hpo) {
        return new OpenPipeline(ExtractionPipeline.lexical(lexical, hpo), "lexical model", List.of(lexical.provenance()), List.of());
    }

    /**
     * The grid or ensemble pipeline of models already read, as every front end puts it together: the grid model's
     * mentions get ids from the normalizer; the ensemble adds them where the lexical model found nothing
     * ({@link ExtractorEnsemble#DEFAULT}). {@code resources}, which the pipeline closes, must hold the grid model and
     * the encoders.
     *
     * @param lexical the lexical model, as its profile uses it; null for a grid pipeline whose model reads no hints
     */
    public static OpenPipeline learned(String pipeline, LexicalModel lexical, BiosynNormalizer ids, GridModel grid, Encoders encoders,
            Hpo hpo, List<AutoCloseable> resources) throws IOException {
        LexicalMentionExtractor lexicalExtractor = lexical == null ? null : new LexicalMentionExtractor(lexical);
        List<Provenance> provenance = new ArrayList<>(List.of(ids.provenance(), grid.provenance()));
        if (lexical != null) {
            provenance.add(0, lexical.provenance());
        }
        GridMentionExtractor gridExtractor = gridExtractor(grid, encoders, lexicalExtractor);
        if (pipeline.equals(GRID)) {
            return new OpenPipeline(ExtractionPipeline.of(new NormalizedExtractor(gridExtractor, ids, 0), hpo),
                    "grid model, ids from the BioSyn normalizer", provenance, resources);
        }
        ExtractorEnsemble setting = ExtractorEnsemble.DEFAULT;
        return new OpenPipeline(ExtractionPipeline.of(setting.extractor(lexicalExtractor, gridExtractor, ids), hpo),
                "ensemble of the lexical and grid models (" + setting + ")", provenance, resources);
    }

    /** The extractor of {@code grid}, reading the features of its encoder and, if it reads hints, {@code lexical}'s mentions. */
    public static GridMentionExtractor gridExtractor(GridModel grid, Encoders encoders, MentionExtractor lexical) throws IOException {
        return new GridMentionExtractor(grid, grid.features(encoders, encoders.options()), grid.config().lexiconHints() ? lexical : null);
    }
}
