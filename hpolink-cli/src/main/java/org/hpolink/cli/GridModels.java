package org.hpolink.cli;

import org.hpolink.extract.grid.GridConfig;
import org.hpolink.extract.grid.GridTrainer;
import org.hpolink.extract.lexical.LexicalConfig;
import org.hpolink.extract.lexical.LexicalMentionExtractor;
import org.hpolink.extract.lexical.LexicalTrainer;
import org.hpolink.ontology.Hpo;

/** How the commands train a grid model with the lexical extractor whose mentions it may read as hints. */
final class GridModels {

    private GridModels() {
    }

    /** A trainer of {@code config}; a config reading hints gets them from lexical models of {@code lexical}. */
    static GridTrainer trainer(GridConfig config, LexicalConfig lexical, Hpo hpo) {
        if (!config.lexiconHints()) {
            return new GridTrainer(config);
        }
        return new GridTrainer(config, part -> new LexicalMentionExtractor(new LexicalTrainer(lexical).train(part, hpo, "hint cross-fitting")));
    }
}
