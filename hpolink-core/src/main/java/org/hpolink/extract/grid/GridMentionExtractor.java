package org.hpolink.extract.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hpolink.extract.Mention;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.extract.grid.WordGrid.TypedSpan;
import org.hpolink.text.Observation;
import org.hpolink.text.Token;

/**
 * The W2NER-style extractor: a {@link GridModel} labels the grid of the observation's words (section header
 * included, so a mention can borrow it), and every path it closes is a mention, which may be discontinuous and may
 * overlap others. Mentions carry no id (a normalizer gives them one) and, as score, the probability the model gave
 * the tail-head relation closing them. Observations without words give no mention. A model that reads hints
 * ({@link GridConfig#lexiconHints()}) gets the grid of the hint extractor's mentions of the same observations.
 */
public final class GridMentionExtractor implements MentionExtractor {

    public static final String SOURCE = "grid";

    /** The probability a relation needs, chosen on fold 1 of the cross-validation (docs/RESULTS.md). */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final GridModel model;
    private final GridFeatures features;
    private final MentionExtractor hints;
    private final double threshold;

    /** @param hints the extractor whose mentions a model with {@link GridConfig#lexiconHints()} reads; else null */
    public GridMentionExtractor(GridModel model, GridFeatures features, MentionExtractor hints) {
        this(model, features, hints, DEFAULT_THRESHOLD);
    }

    /** @param threshold the probability a relation needs ({@link GridModel#predict}) */
    public GridMentionExtractor(GridModel model, GridFeatures features, MentionExtractor hints, double threshold) {
        if ((hints != null) != model.config().lexiconHints()) {
            throw new IllegalArgumentException(model.config().lexiconHints() ? "the grid model reads the lexical extractor's mentions: give it"
                    : "the grid model reads no hints: give no hint extractor");
        }
        if (!model.reads(features)) {
            throw new IllegalArgumentException("the grid model reads the features of " + (model.config().tunesEncoder() ? "its own tuned "
                    : "the frozen ") + model.config().encoder().fileName() + ", not those of " + features.encoder() + " (see GridModel.features)");
        }
        this.model = model;
        this.features = features;
        this.hints = hints;
        this.threshold = threshold;
    }

    @Override
    public List<Mention> extract(Observation observation) {
        return extractAll(List.of(observation)).get(0);
    }

    /** The mentions of each observation, predicted in one batch. */
    @Override
    public List<List<Mention>> extractAll(List<Observation> observations) {
        // Observations without words have no grid: they keep the empty list they start with.
        List<List<Mention>> results = new ArrayList<>(Collections.nCopies(observations.size(), List.of()));
        List<Integer> withWords = new ArrayList<>();
        List<List<Token>> words = new ArrayList<>();
        for (int o = 0; o < observations.size(); o++) {
            List<Token> tokens = GridWords.of(observations.get(o).text());
            if (!tokens.isEmpty()) {
                withWords.add(o);
                words.add(tokens);
            }
        }
        List<String> texts = withWords.stream().map(o -> observations.get(o).text()).toList();
        List<WordGrid> hintGrids = null;
        if (hints != null) {
            List<List<Mention>> hinted = hints.extractAll(withWords.stream().map(observations::get).toList());
            hintGrids = new ArrayList<>(withWords.size());
            for (int i = 0; i < withWords.size(); i++) {
                hintGrids.add(GridTrainer.hintGrid(words.get(i), hinted.get(i)));
            }
        }
        List<GridModel.Prediction> predictions = model.predict(words, features.of(texts, words), hintGrids, threshold);
        for (int i = 0; i < withWords.size(); i++) {
            results.set(withWords.get(i), mentions(predictions.get(i)));
        }
        return results;
    }

    private static List<Mention> mentions(GridModel.Prediction prediction) {
        WordGrid grid = prediction.grid();
        List<Mention> mentions = new ArrayList<>();
        for (WordGrid.Path path : grid.paths()) {
            TypedSpan mention = path.mention();
            float confidence = prediction.confidence()[path.tail()][path.head()];
            mentions.add(new Mention(mention.span(), Optional.empty(), mention.status(), confidence, SOURCE));
        }
        return mentions;
    }
}
