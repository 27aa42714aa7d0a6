package org.hpolink.extract.grid;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.Fold;
import org.hpolink.encode.EncoderModel;
import org.hpolink.encode.Encoding;
import org.hpolink.encode.FrozenEncoders;
import org.hpolink.encode.LengthBatches;
import org.hpolink.encode.WordPieceTokenizer;
import org.hpolink.encode.train.BertEncoderBlock;
import org.hpolink.encode.train.BertShape;
import org.hpolink.encode.train.OnnxWeights;
import org.hpolink.extract.Mention;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.extract.grid.WordGrid.TypedSpan;
import org.hpolink.model.Provenance;
import org.hpolink.ontology.Hpo;
import org.hpolink.text.Token;

/**
 * Trains a {@link GridNetwork} on annotated observations, key and normal findings alike (the normal ones teach the
 * model what not to output), with AdamW on the CPU through DJL's PyTorch engine. Deterministic: the same data,
 * features and config give the same weights (weights drawn from the engine's seed, batches in an order drawn from
 * the config's seed).
 *
 * <p>The config says what the network reads: the word features of a frozen encoder, or the word pieces of an
 * encoder it trains too ({@link GridConfig#tunesEncoder()}); and, with {@link GridConfig#lexiconHints()}, the hint
 * grid of another extractor's mentions, cross-fitted on the training data.
 *
 * <p>Batches hold observations of similar length, so little of a grid is padding. Observations a grid of words
 * cannot express (see {@link #grid}) are left out of training and counted in the model's provenance
 * ({@code skippedObservations}).
 */
public final class GridTrainer {

    static final String ENGINE = "PyTorch";

    /** Parts of the training data for cross-fitting the hints: each observation's come from the other four fifths. */
    static final int HINT_FOLDS = 5;

    private final GridConfig config;
    private final Function<Corpus, MentionExtractor> hintExtractors;

    /** A trainer for a config without {@link GridConfig#lexiconHints()}. */
    public GridTrainer(GridConfig config) {
        this(config, null);
    }

    /**
     * @param hintExtractors trains the extractor whose mentions are the hints (the lexical one) on a part of the
     *                       training data; required with {@link GridConfig#lexiconHints()}, else null
     */
    public GridTrainer(GridConfig config, Function<Corpus, MentionExtractor> hintExtractors) {
        if (config.lexiconHints() != (hintExtractors != null)) {
            throw new IllegalArgumentException(config.lexiconHints() ? "this config reads hints: give the trainer of the hint extractor"
                    : "this config reads no hints: give no hint extractor");
        }
        this.config = config;
        this.hintExtractors = hintExtractors;
    }

    /** Told the mean loss of each pass. */
    public interface Listener {
        void onEpoch(int epoch, double meanLoss);
    }

    /**
     * Trains as the config says: tuning its encoder ({@link #trainTuningEncoder}), or on the word features of the
     * frozen encoder it names, which {@code frozenEncoders} opens ({@link #trainOnFeatures}).
     *
     * @param split which part of the corpus this is, for the provenance
     * @throws IOException when the encoder's files cannot be read from the classpath
     */
    public GridModel train(Corpus corpus, Hpo hpo, String split, FrozenEncoders frozenEncoders, Listener listener)
            throws IOException {
        if (config.tunesEncoder()) {
            return trainTuningEncoder(corpus, hpo, split, listener);
        }
        GridFeatures features = new GridFeatures(frozenEncoders.encoder(config.encoder(), config.encoderLayers()));
        return trainOnFeatures(corpus, hpo, split, features::of, listener);
    }

    /**
     * Trains on word features of a frozen encoder; the config must not tune its encoder.
     *
     * @param features the word features of texts, one row per word of {@link GridWords#of} (such as {@link GridFeatures#of})
     * @param split    which part of the corpus this is, for the provenance
     */
    public GridModel trainOnFeatures(Corpus corpus, Hpo hpo, String split, Function<List<String>, List<float[][]>> features,
            Listener listener) {
        if (config.tunesEncoder()) {
            throw new IllegalArgumentException("this config tunes its encoder: train it from word pieces, without features");
        }
        Usable usable = usable(corpus);
        List<float[][]> featureRows = features.apply(usable.texts());
        List<GridInput> inputs = featureRows.stream().<GridInput>map(GridInput.WordFeatures::new).toList();
        GridNetwork network = new GridNetwork(config, featureRows.get(0)[0].length);
        return fit(network, usable.examples(inputs, hints(corpus, usable)), provenance(corpus, hpo, split, usable, Map.of()), listener);
    }

    /**
     * Trains the encoder the config names inside the network ({@link TunedGridNetwork}), starting from its pretrained
     * weights; the config must tune its encoder. The model serves the tuned encoder with ONNX Runtime.
     *
     * @param split which part of the corpus this is, for the provenance
     * @throws IOException when the encoder's files cannot be read from the classpath
     */
    public GridModel trainTuningEncoder(Corpus corpus, Hpo hpo, String split, Listener listener) throws IOException {
        if (!config.tunesEncoder()) {
            throw new IllegalArgumentException("this config keeps its encoder frozen: train it on word features");
        }
        Usable usable = usable(corpus);
        WordPieceTokenizer tokenizer = WordPieceTokenizer.forModel(config.encoder());
        List<GridInput> inputs = new ArrayList<>();
        for (int i = 0; i < usable.texts().size(); i++) {
            Encoding encoding = tokenizer.encode(usable.texts().get(i));
            inputs.add(new GridInput.WordPieces(encoding, WordStates.pieces(usable.grids().get(i).words(), encoding)));
        }
        OnnxWeights base = OnnxWeights.of(config.encoder());
        TunedGridNetwork network = new TunedGridNetwork(BertShape.of(base.tensors(), EncoderModel.ATTENTION_HEADS, base.source()), config);
        Provenance provenance = provenance(corpus, hpo, split, usable, Map.of("encoderSha256", base.sha256()));
        return fit(network, usable.examples(inputs, hints(corpus, usable)), provenance, listener, base);
    }

    /** The observations a grid can hold, their texts and gold grids, and how many were left out. */
    private record Usable(List<AnnotatedObservation> observations, List<WordGrid> grids, int skipped) {
        List<String> texts() {
            return observations.stream().map(AnnotatedObservation::text).toList();
        }

        List<GridExample> examples(List<GridInput> inputs, List<WordGrid> hints) {
            List<GridExample> examples = new ArrayList<>(observations.size());
            for (int i = 0; i < observations.size(); i++) {
                examples.add(new GridExample(observations.get(i).id(), inputs.get(i), hints == null ? null : hints.get(i), grids.get(i)));
            }
            return examples;
        }
    }

    /**
     * Each usable observation's hint grid, from an extractor trained without it (cross-fitting over
     * {@link #HINT_FOLDS} parts of the corpus), so that the hints err as they will on new text; null without hints.
     */
    private List<WordGrid> hints(Corpus corpus, Usable usable) {
        if (!config.lexiconHints()) {
            return null;
        }
        if (corpus.size() < 2) {
            throw new IllegalArgumentException(corpus.source() + ": cross-fitting the hints takes at least 2 observations");
        }
        Map<AnnotatedObservation, List<Mention>> mentions = new IdentityHashMap<>();
        for (Fold fold : Fold.split(corpus, Math.min(HINT_FOLDS, corpus.size()), config.seed())) {
            List<AnnotatedObservation> held = fold.test().observations();
            List<List<Mention>> found = hintExtractors.apply(fold.train()).extractAll(held.stream().map(AnnotatedObservation::observation).toList());
            for (int i = 0; i < held.size(); i++) {
                mentions.put(held.get(i), found.get(i));
            }
        }
        List<WordGrid> hints = new ArrayList<>(usable.observations().size());
        for (int i = 0; i < usable.observations().size(); i++) {
            hints.add(hintGrid(usable.grids().get(i).words(), mentions.get(usable.observations().get(i))));
        }
        return hints;
    }

    /** The grid of the mentions of a hint extractor, those a grid can hold ({@link WordGrid#encodeWhatFits}). */
    static WordGrid hintGrid(List<Token> words, List<Mention> mentions) {
        return WordGrid.encodeWhatFits(words, mentions.stream().map(m -> new TypedSpan(m.span(), m.status())).toList());
    }

    private static Usable usable(Corpus corpus) {
        List<AnnotatedObservation> observations = new ArrayList<>();
        List<WordGrid> grids = new ArrayList<>();
        for (AnnotatedObservation observation : corpus.observations()) {
            grid(observation).ifPresent(grid -> {
                observations.add(observation);
                grids.add(grid);
            });
        }
        if (observations.isEmpty()) {
            throw new IllegalArgumentException(corpus.source() + ": no observation to train the grid model on");
        }
        return new Usable(observations, grids, corpus.size() - observations.size());
    }

    private Provenance provenance(Corpus corpus, Hpo hpo, String split, Usable usable, Map<String, Object> more) {
        Map<String, Object> described = new TreeMap<>(config.asMap());
        described.put("skippedObservations", usable.skipped());
        described.putAll(more);
        return Provenance.of(GridModel.COMPONENT, described, config.seed(), corpus, split, hpo);
    }

    /**
     * The gold grid of an observation, or none where a gold segment starts or ends inside a word or two findings of
     * different status run from the same head to the same tail word (a grid cell holds one relation).
     */
    static Optional<WordGrid> grid(AnnotatedObservation observation) {
        List<Token> words = GridWords.of(observation.text());
        List<TypedSpan> mentions = new ArrayList<>();
        for (Finding finding : observation.findings()) {
            mentions.add(new TypedSpan(finding.span().canonical(observation.text()), finding.status()));
        }
        // encode refuses both: a segment that does not start and end at word boundaries, and a cell of two statuses.
        try {
            return Optional.of(WordGrid.encode(words, mentions));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private GridModel fit(GridNetwork network, List<GridExample> examples, Provenance provenance, Listener listener) {
        Shape cells = new Shape(1, 1, 1);
        return fit(network, network, (parameter, update) -> (float) config.learningRate(), examples, provenance, listener,
                new Shape[] {new Shape(1, 1, network.features()), new Shape(1, 1), cells, cells, cells}, null, null);
    }

    private GridModel fit(TunedGridNetwork network, List<GridExample> examples, Provenance provenance, Listener listener, OnnxWeights base) {
        Set<String> encoderParameters = new HashSet<>();
        network.encoder().getParameters().values().forEach(parameter -> encoderParameters.add(parameter.getId()));
        ParameterTracker rates = (parameter, update) -> (float) (encoderParameters.contains(parameter) ? config.encoderLearningRate()
                : config.learningRate());
        Shape pieces = new Shape(1, 1);
        Shape cells = new Shape(1, 1, 1);
        return fit(network, network.grid(), rates, examples, provenance, listener,
                new Shape[] {pieces, pieces, pieces, cells, new Shape(1, 1), cells, cells, cells}, network.encoder(), base);
    }

    /**
     * Trains {@code network}, whose grid part is {@code grid}. A network with an encoder inside ({@code encoder}, null
     * for none) starts it from {@code base}'s weights (word embeddings frozen), and the model carries the tuned encoder
     * as an ONNX model.
     */
    private GridModel fit(Block network, GridNetwork grid, ParameterTracker rates, List<GridExample> examples, Provenance provenance,
            Listener listener, Shape[] inputShapes, BertEncoderBlock encoder, OnnxWeights base) {
        Engine.getEngine(ENGINE).setRandomSeed(Long.hashCode(config.seed()));
        Model model = Model.newInstance(GridModel.COMPONENT, Device.cpu(), ENGINE);
        try {
            model.setBlock(network);
            DefaultTrainingConfig training = new DefaultTrainingConfig(new GridLoss())
                    .optDevices(new Device[] {Device.cpu()})
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(rates).optWeightDecays(0.01f).build());
            try (Trainer trainer = model.newTrainer(training)) {
                trainer.initialize(inputShapes);
                if (encoder != null) {
                    encoder.load(base.tensors(), base.source());
                    encoder.freezeWordEmbeddings();
                }
                SplittableRandom random = new SplittableRandom(config.seed());
                for (int epoch = 0; epoch < config.epochs(); epoch++) {
                    double lossSum = 0;
                    List<List<GridExample>> batches = batches(examples, random);
                    for (List<GridExample> batch : batches) {
                        float loss = step(trainer, batch);
                        if (!Float.isFinite(loss)) {
                            throw new IllegalStateException("the grid model's training diverged in pass " + (epoch + 1)
                                    + " (loss " + loss + "): lower the learning rates " + config.learningRate() + " and "
                                    + config.encoderLearningRate());
                        }
                        lossSum += loss;
                    }
                    listener.onEpoch(epoch, lossSum / batches.size());
                }
            }
            byte[] tunedEncoder = encoder == null ? null : base.toBytes(encoder.weights());
            return new GridModel(config, grid.features(), GridOnnx.export(grid), provenance, tunedEncoder);
        } finally {
            // The trained weights now live in the exported graph: LibTorch's copy is no longer needed.
            model.close();
        }
    }

    /** One forward, backward and AdamW update; returns the loss before the update. */
    private static float step(Trainer trainer, List<GridExample> examples) {
        GridBatch batch = new GridBatch(examples.stream().map(GridExample::input).toList(),
                examples.get(0).hints() == null ? null : examples.stream().map(GridExample::hints).toList());
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDList inputs = batch.inputs(manager);
            NDArray labels = batch.labels(manager, examples.stream().map(GridExample::grid).toList());
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray value = trainer.getLoss().evaluate(new NDList(labels, GridBatch.mask(inputs)), trainer.forward(inputs));
                collector.backward(value);
                loss = value.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    /**
     * The pass's batches: observations ordered by word count (ties broken at random), cut into batches of at most
     * {@link GridConfig#batchSize()} observations and {@link GridConfig#batchWordPairs()} word pairs, and the batches
     * shuffled.
     */
    private List<List<GridExample>> batches(List<GridExample> examples, SplittableRandom random) {
        int[] words = examples.stream().mapToInt(example -> example.grid().size()).toArray();
        return batchesOf(words, config.batchSize(), config.batchWordPairs(), random).stream()
                .map(batch -> batch.stream().map(examples::get).toList())
                .toList();
    }

    /**
     * Positions of observations of these word counts, in batches: sorted by word count (ties broken at random), cut
     * where a batch would exceed {@code batchSize} observations or {@code batchWordPairs} word pairs (its
     * observations times the square of its longest one's words; an observation over the bound is a batch alone), and
     * the batches shuffled. Every position is in exactly one batch.
     */
    static List<List<Integer>> batchesOf(int[] words, int batchSize, int batchWordPairs, SplittableRandom random) {
        double[] tieBreak = new double[words.length];
        Arrays.setAll(tieBreak, i -> random.nextDouble());
        Integer[] order = new Integer[words.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> words[i]).thenComparingDouble(i -> tieBreak[i]));
        List<List<Integer>> batches = new ArrayList<>(LengthBatches.cut(Arrays.asList(order), i -> words[i], batchSize, batchWordPairs, 2));
        for (int i = batches.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            List<Integer> swap = batches.get(i);
            batches.set(i, batches.get(j));
            batches.set(j, swap);
        }
        return batches;
    }
}
