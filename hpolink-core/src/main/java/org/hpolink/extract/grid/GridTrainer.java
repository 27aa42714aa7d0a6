package org.hpolink.extract.grid;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
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
 * <p>Batches hold observations of similar length, so little of a grid is padding. Observations a grid of words
 * cannot express (see {@link #grid}) are left out of training and counted in the model's provenance
 * ({@code skippedObservations}).
 */
public final class GridTrainer {

    static final String ENGINE = "PyTorch";

    private final GridConfig config;

    public GridTrainer(GridConfig config) {
        this.config = config;
    }

    /** Told the mean loss of each pass. */
    public interface Listener {
        void onEpoch(int epoch, double meanLoss);
    }

    /**
     * @param features the word features of texts, one row per word of {@link GridWords#of} (such as {@link GridFeatures#of})
     * @param split    which part of the corpus this is, for the provenance
     */
    public GridModel train(Corpus corpus, Hpo hpo, String split, Function<List<String>, List<float[][]>> features, Listener listener) {
        List<AnnotatedObservation> usable = new ArrayList<>();
        List<WordGrid> grids = new ArrayList<>();
        for (AnnotatedObservation observation : corpus.observations()) {
            grid(observation).ifPresent(grid -> {
                usable.add(observation);
                grids.add(grid);
            });
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException(corpus.source() + ": no observation to train the grid model on");
        }
        List<float[][]> featureRows = features.apply(usable.stream().map(AnnotatedObservation::text).toList());
        List<GridExample> examples = new ArrayList<>(usable.size());
        for (int i = 0; i < usable.size(); i++) {
            examples.add(new GridExample(usable.get(i).id(), featureRows.get(i), grids.get(i)));
        }
        Map<String, Object> described = new TreeMap<>(config.asMap());
        described.put("skippedObservations", corpus.size() - usable.size());
        Provenance provenance = Provenance.of(GridModel.COMPONENT, described, config.seed(), corpus, split, hpo);
        return train(examples, provenance, listener);
    }

    /**
     * The gold grid of an observation, or none where a gold segment starts or ends inside a word or two findings of
     * different status run from the same head to the same tail word (a grid cell holds one relation).
     */
    static Optional<WordGrid> grid(AnnotatedObservation observation) {
        List<Token> words = GridWords.of(observation.text());
        List<TypedSpan> mentions = new ArrayList<>();
        for (Finding finding : observation.findings()) {
            mentions.add(new TypedSpan(WordGrid.canonical(finding.span(), observation.text()), finding.status()));
        }
        // encode refuses both: a segment that does not start and end at word boundaries, and a cell of two statuses.
        try {
            return Optional.of(WordGrid.encode(words, mentions));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    GridModel train(List<GridExample> examples, Provenance provenance, Listener listener) {
        int features = examples.get(0).features()[0].length;
        Engine.getEngine(ENGINE).setRandomSeed(Long.hashCode(config.seed()));
        Model model = Model.newInstance(GridModel.COMPONENT, Device.cpu(), ENGINE);
        try {
            GridNetwork network = new GridNetwork(config, features);
            model.setBlock(network);
            DefaultTrainingConfig training = new DefaultTrainingConfig(new GridLoss())
                    .optDevices(new Device[] {Device.cpu()})
                    .optOptimizer(Optimizer.adamW()
                            .optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                            .optWeightDecays(0.01f)
                            .build());
            try (Trainer trainer = model.newTrainer(training)) {
                trainer.initialize(new Shape(1, 1, features), new Shape(1, 1), new Shape(1, 1, 1), new Shape(1, 1, 1), new Shape(1, 1, 1));
                SplittableRandom random = new SplittableRandom(config.seed());
                for (int epoch = 0; epoch < config.epochs(); epoch++) {
                    double lossSum = 0;
                    List<List<GridExample>> batches = batches(examples, random);
                    for (List<GridExample> batch : batches) {
                        lossSum += step(trainer, batch);
                    }
                    listener.onEpoch(epoch, lossSum / batches.size());
                }
            }
            return new GridModel(model, network, provenance);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** One forward, backward and AdamW update; returns the loss before the update. */
    private static float step(Trainer trainer, List<GridExample> examples) {
        GridBatch batch = new GridBatch(examples.stream().map(GridExample::features).toList());
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDList inputs = batch.inputs(manager);
            NDArray labels = batch.labels(manager, examples.stream().map(GridExample::grid).toList());
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray value = trainer.getLoss().evaluate(new NDList(labels, inputs.get(4)), trainer.forward(inputs));
                collector.backward(value);
                loss = value.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    /**
     * The pass's batches: observations ordered by word count (ties broken at random), cut into batches, and the
     * batches shuffled.
     */
    private List<List<GridExample>> batches(List<GridExample> examples, SplittableRandom random) {
        double[] tieBreak = new double[examples.size()];
        Arrays.setAll(tieBreak, i -> random.nextDouble());
        Integer[] order = new Integer[examples.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> examples.get(i).grid().size()).thenComparingDouble(i -> tieBreak[i]));
        List<List<GridExample>> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += config.batchSize()) {
            List<GridExample> batch = new ArrayList<>();
            for (int i = start; i < Math.min(order.length, start + config.batchSize()); i++) {
                batch.add(examples.get(order[i]));
            }
            batches.add(batch);
        }
        for (int i = batches.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            List<GridExample> swap = batches.get(i);
            batches.set(i, batches.get(j));
            batches.set(j, swap);
        }
        return batches;
    }
}
