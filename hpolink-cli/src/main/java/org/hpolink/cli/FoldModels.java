package org.hpolink.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Fold;
import org.hpolink.extract.grid.GridConfig;
import org.hpolink.extract.grid.GridMentionExtractor;
import org.hpolink.extract.grid.GridModel;
import org.hpolink.extract.lexical.LexicalConfig;
import org.hpolink.extract.lexical.LexicalMentionExtractor;
import org.hpolink.extract.lexical.LexicalTrainer;
import org.hpolink.normalize.BiosynNormalizer;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.PipelineModels;

/**
 * The models of each fold of a cross-validation (lexical model, BioSyn normalizer, grid model), each trained once on
 * the fold's training part when first asked for, so that several pipelines are compared on the same folds and the
 * same models. Closing it closes the grid models and the encoders.
 */
final class FoldModels implements AutoCloseable {

    /** The trained models of one fold. */
    record Trained(LexicalMentionExtractor lexical, BiosynNormalizer normalizer, GridMentionExtractor grid) {
    }

    private final Hpo hpo;
    private final LexicalConfig lexicalConfig;
    private final GridConfig gridConfig;
    private final FoldNormalizers normalizers;
    private final Map<Integer, Trained> byFold = new HashMap<>();
    private final List<GridModel> gridModels = new ArrayList<>();

    FoldModels(Hpo hpo, LexicalConfig lexicalConfig, GridConfig gridConfig) {
        this.hpo = hpo;
        this.lexicalConfig = lexicalConfig;
        this.gridConfig = gridConfig;
        this.normalizers = new FoldNormalizers(hpo);
    }

    /** The models of {@code fold}, trained on {@code part}, its training part, the first time. */
    Trained of(Corpus part, Fold fold) {
        return byFold.computeIfAbsent(fold.index(), index -> {
            LexicalMentionExtractor lexical = new LexicalMentionExtractor(new LexicalTrainer(lexicalConfig).train(part, hpo, fold.describe()));
            BiosynNormalizer normalizer = normalizers.train(part, fold);
            try {
                GridModel grid = GridModels.trainer(gridConfig, lexicalConfig, hpo).train(part, hpo, fold.describe(), normalizers.encoders(),
                        (epoch, loss) -> { });
                gridModels.add(grid);
                return new Trained(lexical, normalizer, PipelineModels.gridExtractor(grid, normalizers.encoders(), lexical));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        gridModels.forEach(GridModel::close);
        normalizers.close();
    }
}
