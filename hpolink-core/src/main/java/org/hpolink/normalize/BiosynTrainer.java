package org.hpolink.normalize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.corpus.ObservableIds;
import org.hpolink.encode.EncoderModel;
import org.hpolink.encode.WordPieceTokenizer;
import org.hpolink.encode.train.DjlEncoder;
import org.hpolink.encode.train.Frozen;
import org.hpolink.encode.train.MarginalFineTuner;
import org.hpolink.encode.train.OnnxWeights;
import org.hpolink.encode.train.TunedEncoder;
import org.hpolink.extract.Mention;
import org.hpolink.model.Provenance;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SynonymScope;

/**
 * Trains a {@link BiosynNormalizer}: a linear projection of the encoder's vectors and lambda, the weight of the sparse
 * score, by BioSyn's synonym marginalization (see {@link BiosynConfig}), on a frozen encoder or, with
 * {@link #trainTuningEncoder}, on one first fine-tuned by the same loss. Each pass first refreshes every
 * query's k candidates with the current weights (the dense top k/2, then the sparse top names not taken yet; the
 * best name of the gold id is added where none carries it), then takes Adam steps over seeded batches.
 *
 * <p>A query never sees a name with its own text (ignoring case): pre-finetuning asks each HPO name for the other
 * names of its term, and fine-tuning asks each training mention for the names of its id other than itself, among
 * them the other training mentions (dictionary expansion). Queries whose id has no such name teach nothing and are
 * left out. Deterministic: queries are processed in parallel but their gradients are summed in a fixed order.
 */
public final class BiosynTrainer {

    /** Told the mean loss after each pass. */
    @FunctionalInterface
    public interface Listener {
        void passEnded(String phase, int pass, int queries, double meanLoss);
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    /** Queries whose candidates are refreshed together. */
    private static final int REFRESH_BATCH = 64;
    /** AdamW's decoupled weight decay when the encoder is tuned. */
    private static final double ENCODER_WEIGHT_DECAY = 0.01;
    private static final String PRETRAINING = "encoder pre-finetuning on HPO names";
    private static final String FINE_TUNING = "encoder fine-tuning on training mentions";

    private final BiosynConfig config;

    public BiosynTrainer(BiosynConfig config) {
        this.config = config;
    }

    public BiosynConfig config() {
        return config;
    }

    /** A query: its text, its gold id's position, and the names it may not see (ascending). */
    private record Query(String text, int gold, int[] hidden) {

        boolean hides(int name) {
            return Arrays.binarySearch(hidden, name) >= 0;
        }
    }

    /** A query with its encoder vector. */
    private record EmbeddedQuery(Query query, float[] vector) {
    }

    /** A training mention as a query: the query text, the text of its span, and its gold id. */
    private record MentionText(String query, String span, HpoId id) {
    }

    /** A query's candidates for one pass: name positions, their sparse scores, and which carry the gold id. */
    private record Candidates(int[] names, float[] sparse, boolean[] gold) {
    }

    /** The names queries rank: the dictionary, their texts, ids and n-gram index, and the lookups queries need. */
    private record Names(NameDictionary dictionary, List<String> texts, NameIds nameIds, CharNgramIndex index,
                         Map<String, List<Integer>> byText, int[][] ofId) {

        static Names of(Hpo hpo, Corpus training) {
            NameDictionary dictionary = NameDictionary.of(hpo, training, Set.of(SynonymScope.EXACT, SynonymScope.RELATED));
            List<String> texts = dictionary.names().stream().map(NameDictionary.Name::text).toList();
            NameIds nameIds = new NameIds(dictionary);
            CharNgramIndex index = new CharNgramIndex(texts, BiosynNormalizer.MIN_GRAM, BiosynNormalizer.MAX_GRAM);
            Map<String, List<Integer>> byText = new HashMap<>();
            for (int n = 0; n < texts.size(); n++) {
                byText.computeIfAbsent(texts.get(n).toLowerCase(Locale.ROOT), t -> new ArrayList<>()).add(n);
            }
            List<List<Integer>> byId = new ArrayList<>();
            for (int id = 0; id < nameIds.idCount(); id++) {
                byId.add(new ArrayList<>());
            }
            for (int n = 0; n < texts.size(); n++) {
                byId.get(nameIds.idOf(n)).add(n);
            }
            int[][] ofId = byId.stream().map(names -> names.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
            return new Names(dictionary, texts, nameIds, index, byText, ofId);
        }
    }

    /** The queries of both training phases: HPO names by name position (ascending), then the training mentions. */
    private record Queries(Map<Integer, Query> hpo, List<Query> mentions) {
    }

    /**
     * Trains on {@code training} (the part of the file described by {@code split}), with the names of the observable
     * HPO terms (labels, exact and related synonyms) and the training mentions, on the frozen encoder {@code embedder}.
     *
     * @throws IllegalArgumentException when the config tunes the encoder (see {@link #trainTuningEncoder})
     */
    public BiosynNormalizer train(Hpo hpo, Corpus training, String split, TextEmbedder embedder, Listener listener) {
        if (config.tunesEncoder()) {
            throw new IllegalArgumentException("this config tunes its encoder: train it with trainTuningEncoder");
        }
        Names names = Names.of(hpo, training);
        return fitProjection(names, queries(hpo, training, names), hpo, training, split, embedder, null, listener);
    }

    /**
     * Trains as {@link #train} does, but first fine-tunes a full-precision copy of the encoder by synonym
     * marginalization ({@link MarginalFineTuner}): one pass over {@link BiosynConfig#encoderPretrainQueries()} HPO names
     * (each asking for the other names of its term), then {@link BiosynConfig#encoderPasses()} passes over the training
     * mentions, their candidates chosen from the current encoder's vectors before every pass as for the projection
     * (dense scores {@code initialScale * cosine}, sparse ones weighted by {@code initialSparseWeight}). The projection
     * is then trained on the tuned encoder, which the normalizer carries as an ONNX model and encodes its queries with.
     *
     * @param embedders opens the tuned encoder
     * @throws IllegalArgumentException when the config keeps its encoder frozen
     * @throws IOException              when the encoder's files cannot be read from the classpath
     */
    public BiosynNormalizer trainTuningEncoder(Hpo hpo, Corpus training, String split, Embedders embedders, Listener listener)
            throws IOException {
        if (!config.tunesEncoder()) {
            throw new IllegalArgumentException("this config keeps its encoder frozen: train it with train");
        }
        Names names = Names.of(hpo, training);
        Queries queries = queries(hpo, training, names);
        SplittableRandom random = new SplittableRandom(config.seed());
        List<Query> hpoQueries = sample(new ArrayList<>(queries.hpo().values()), config.encoderPretrainQueries(), random);
        WordPieceTokenizer tokenizer = WordPieceTokenizer.forModel(config.encoder());
        OnnxWeights base = OnnxWeights.of(config.encoder());
        MarginalFineTuner tuner = new MarginalFineTuner(new MarginalFineTuner.Settings(config.seed(), config.batchSize(),
                config.encoderLearningRate(), ENCODER_WEIGHT_DECAY, config.initialScale(), Frozen.WORD_EMBEDDINGS));
        List<MarginalFineTuner.Phase> phases = List.of(phase(PRETRAINING, hpoQueries, 1, names, tokenizer),
                phase(FINE_TUNING, queries.mentions(), config.encoderPasses(), names, tokenizer));
        byte[] tunedOnnx;
        try (DjlEncoder encoder = DjlEncoder.of(base, EncoderModel.ATTENTION_HEADS);
             TunedEncoder tuned = tuner.train(encoder, config.encoder().pooling(), sequences(tokenizer, names.texts()), phases,
                     training.source(), listener::passEnded)) {
            tunedOnnx = base.toBytes(tuned.encoder().weights());
        }
        TextEmbedder embedder = embedders.tuned(config.encoder(), tunedOnnx, "encoder tuned by the normalizer's training on " + split);
        return fitProjection(names, queries, hpo, training, split, embedder, tunedOnnx, listener);
    }

    private MarginalFineTuner.Phase phase(String name, List<Query> queries, int passes, Names names, WordPieceTokenizer tokenizer) {
        MarginalFineTuner.CandidatePicker picker = (queryVectors, nameVectors) -> {
            NameVectors nameIndex = NameVectors.of(nameVectors);
            List<MarginalFineTuner.Candidates> picked = new ArrayList<>(queries.size());
            for (Candidates c : candidates(queries, queryVectors, nameIndex, (float) config.initialScale(), names, config.initialSparseWeight())) {
                float[] fixed = new float[c.sparse().length];
                for (int i = 0; i < fixed.length; i++) {
                    fixed[i] = (float) (config.initialSparseWeight() * c.sparse()[i]);
                }
                picked.add(new MarginalFineTuner.Candidates(c.names(), fixed, c.gold()));
            }
            return picked;
        };
        return new MarginalFineTuner.Phase(name, sequences(tokenizer, queries.stream().map(Query::text).toList()), picker, passes);
    }

    private static List<long[]> sequences(WordPieceTokenizer tokenizer, List<String> texts) {
        return texts.stream().map(text -> Arrays.stream(tokenizer.encode(text).ids()).asLongStream().toArray()).toList();
    }

    /** Trains the projection and lambda on {@code embedder}'s vectors; the normalizer carries {@code tunedOnnx} (null: none). */
    private BiosynNormalizer fitProjection(Names names, Queries queries, Hpo hpo, Corpus training, String split, TextEmbedder embedder,
            byte[] tunedOnnx, Listener listener) {
        float[][] nameVectors = embedDistinct(names.texts(), embedder);
        Model model = new Model(Projection.principal(nameVectors, config.dimension(), config.initialScale()).weights(),
                config.dimension(), config.initialSparseWeight());
        SplittableRandom random = new SplittableRandom(config.seed());

        List<EmbeddedQuery> embeddedHpoQueries = new ArrayList<>();
        queries.hpo().forEach((name, query) -> embeddedHpoQueries.add(new EmbeddedQuery(query, nameVectors[name])));
        List<Query> mentions = queries.mentions();
        float[][] mentionVectors = embedDistinct(mentions.stream().map(Query::text).toList(), embedder);
        List<EmbeddedQuery> mentionQueries = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            mentionQueries.add(new EmbeddedQuery(mentions.get(i), mentionVectors[i]));
        }

        for (int pass = 1; pass <= config.pretrainEpochs(); pass++) {
            List<EmbeddedQuery> sample = sample(embeddedHpoQueries, config.pretrainQueries(), random);
            double loss = pass(model, sample, nameVectors, names, random);
            listener.passEnded("pre-finetuning on HPO names", pass, sample.size(), loss);
        }
        for (int pass = 1; pass <= config.epochs(); pass++) {
            double loss = pass(model, mentionQueries, nameVectors, names, random);
            listener.passEnded("fine-tuning on training mentions", pass, mentionQueries.size(), loss);
        }

        Projection projection = new Projection(config.dimension(), nameVectors[0].length, model.weights);
        Provenance provenance = Provenance.of(BiosynNormalizer.COMPONENT, config.asMap(), config.seed(), training, split, hpo);
        return new BiosynNormalizer(provenance, config, names.dictionary(), projection, (float) model.sparseWeight,
                NameVectors.of(projection.applyAll(nameVectors)), embedder, tunedOnnx);
    }

    private Queries queries(Hpo hpo, Corpus training, Names names) {
        return new Queries(hpoQueries(names), mentionQueries(hpo, training, names));
    }

    /** Every HPO name that has a positive, asking for the other names of its term, by name position (ascending). */
    private static Map<Integer, Query> hpoQueries(Names names) {
        Map<Integer, Query> queries = new LinkedHashMap<>();
        for (int n = 0; n < names.texts().size(); n++) {
            if (names.dictionary().names().get(n).source() != NameDictionary.Source.MENTION) {
                String text = names.texts().get(n);
                int name = n;
                query(text, List.of(text), names.nameIds().idOf(n), names).ifPresent(query -> queries.put(name, query));
            }
        }
        return queries;
    }

    private List<Query> mentionQueries(Hpo hpo, Corpus training, Names names) {
        Map<HpoId, Integer> idPositions = new HashMap<>();
        for (int n = 0; n < names.dictionary().size(); n++) {
            idPositions.putIfAbsent(names.dictionary().names().get(n).id(), names.nameIds().idOf(n));
        }
        // One query per distinct (query text, id): a mention written a hundred times would otherwise weigh a hundredfold.
        Map<String, MentionText> distinct = new LinkedHashMap<>();
        for (AnnotatedObservation observation : training.observations()) {
            for (Finding finding : observation.keyFindings()) {
                HpoId id = ObservableIds.primary(hpo, finding.id());
                Mention mention = new Mention(finding.span(), Optional.of(finding.id()), FindingStatus.KEY, 1, "gold");
                String queryText = config.query().text(observation.observation(), mention);
                String spanText = finding.span().coveredText(observation.text());
                distinct.putIfAbsent(queryText.toLowerCase(Locale.ROOT) + "\t" + id, new MentionText(queryText, spanText, id));
            }
        }
        List<Query> queries = new ArrayList<>();
        for (MentionText mention : distinct.values()) {
            Integer gold = idPositions.get(mention.id());
            if (gold != null) {
                query(mention.query(), List.of(mention.query(), mention.span()), gold, names).ifPresent(queries::add);
            }
        }
        return queries;
    }

    /** The query, unless every name of its id has one of its own texts. */
    private static Optional<Query> query(String text, List<String> ownTexts, int gold, Names names) {
        int[] hidden = ownTexts.stream().flatMap(own -> names.byText().getOrDefault(own.toLowerCase(Locale.ROOT), List.of()).stream())
                .mapToInt(Integer::intValue).distinct().sorted().toArray();
        Query query = new Query(text, gold, hidden);
        boolean hasPositive = Arrays.stream(names.ofId()[gold]).anyMatch(n -> !query.hides(n));
        return hasPositive ? Optional.of(query) : Optional.empty();
    }

    private static <T> List<T> sample(List<T> all, int size, SplittableRandom random) {
        List<T> shuffled = new ArrayList<>(all);
        shuffle(shuffled, random);
        return size == 0 || size >= shuffled.size() ? shuffled : shuffled.subList(0, size);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swapped = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swapped);
        }
    }

    /** Encodes each distinct text once. */
    private static float[][] embedDistinct(List<String> texts, TextEmbedder embedder) {
        List<String> distinct = texts.stream().distinct().toList();
        float[][] vectors = embedder.embed(distinct);
        Map<String, float[]> byText = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byText.put(distinct.get(i), vectors[i]);
        }
        return texts.stream().map(byText::get).toArray(float[][]::new);
    }

    /** One pass: refreshes the candidates, then steps over seeded batches; the mean loss. */
    private double pass(Model model, List<EmbeddedQuery> queries, float[][] nameVectors, Names names, SplittableRandom random) {
        Projection projection = new Projection(model.outputs, nameVectors[0].length, model.weights);
        float[][] projectedQueries = queries.stream().map(q -> projection.apply(q.vector())).toArray(float[][]::new);
        Candidates[] candidates = candidates(queries.stream().map(EmbeddedQuery::query).toList(), projectedQueries,
                NameVectors.of(projection.applyAll(nameVectors)), 1f, names, model.sparseWeight);
        List<Integer> order = new ArrayList<>(IntStream.range(0, queries.size()).boxed().toList());
        shuffle(order, random);
        double lossSum = 0;
        for (int start = 0; start < order.size(); start += config.batchSize()) {
            List<Integer> batch = order.subList(start, Math.min(order.size(), start + config.batchSize()));
            lossSum += model.step(batch.stream().map(queries::get).toList(), batch.stream().map(q -> candidates[q]).toList(), nameVectors,
                    config.learningRate(), config.learningRate() * config.initialScale());
        }
        return queries.isEmpty() ? 0 : lossSum / queries.size();
    }

    /**
     * Each query's candidates, its dense scores being {@code denseScale} times the dot products of {@code queryVectors}
     * with {@code nameVectors}.
     */
    private Candidates[] candidates(List<Query> queries, float[][] queryVectors, NameVectors nameVectors, float denseScale, Names names,
            double sparseWeight) {
        Candidates[] candidates = new Candidates[queries.size()];
        // Queries are scored against the names in batches, which read the name vectors once per batch, not per query.
        IntStream.range(0, (queries.size() + REFRESH_BATCH - 1) / REFRESH_BATCH).parallel().forEach(b -> {
            int from = b * REFRESH_BATCH;
            int to = Math.min(queries.size(), from + REFRESH_BATCH);
            float[][] dense = nameVectors.scores(Arrays.copyOfRange(queryVectors, from, to));
            for (int i = 0; i < dense.length; i++) {
                if (denseScale != 1f) {
                    for (int n = 0; n < dense[i].length; n++) {
                        dense[i][n] *= denseScale;
                    }
                }
                candidates[from + i] = candidates(queries.get(from + i), dense[i], names, sparseWeight);
            }
        });
        return candidates;
    }

    private Candidates candidates(Query query, float[] dense, Names names, double sparseWeight) {
        float[] sparse = names.index().scores(query.text());
        float[] visibleDense = dense.clone();
        float[] visibleSparse = sparse.clone();
        for (int n : query.hidden()) {
            visibleDense[n] = Float.NEGATIVE_INFINITY;
            visibleSparse[n] = Float.NEGATIVE_INFINITY;
        }
        int k = config.candidates();
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int n : RankedSelection.top(visibleDense, k / 2, Float.NEGATIVE_INFINITY)) {
            chosen.add(n);
        }
        for (int[] ranked : List.of(RankedSelection.top(visibleSparse, k, 0f), RankedSelection.top(visibleDense, k, Float.NEGATIVE_INFINITY))) {
            for (int n : ranked) {
                if (chosen.size() < k) {
                    chosen.add(n);
                }
            }
        }
        boolean anyGold = chosen.stream().anyMatch(n -> names.nameIds().idOf(n) == query.gold());
        if (!anyGold) {
            int best = -1;
            for (int n : names.ofId()[query.gold()]) {
                if (!query.hides(n) && (best < 0 || dense[n] + sparseWeight * sparse[n] > dense[best] + sparseWeight * sparse[best])) {
                    best = n;
                }
            }
            chosen.add(best);
        }
        int[] chosenNames = chosen.stream().mapToInt(Integer::intValue).toArray();
        float[] sparseOfNames = new float[chosenNames.length];
        boolean[] gold = new boolean[chosenNames.length];
        for (int c = 0; c < chosenNames.length; c++) {
            sparseOfNames[c] = sparse[chosenNames[c]];
            gold[c] = names.nameIds().idOf(chosenNames[c]) == query.gold();
        }
        return new Candidates(chosenNames, sparseOfNames, gold);
    }

    /** The weights being learned and Adam's moment estimates. */
    private static final class Model {
        final float[] weights;
        final int outputs;
        double sparseWeight;
        final double[] firstMoment;
        final double[] secondMoment;
        double sparseFirstMoment;
        double sparseSecondMoment;
        int steps;

        Model(float[] weights, int outputs, double sparseWeight) {
            this.weights = weights;
            this.outputs = outputs;
            this.sparseWeight = sparseWeight;
            this.firstMoment = new double[weights.length];
            this.secondMoment = new double[weights.length];
        }

        /** One Adam step on the mean gradient of a batch; the batch's summed loss. */
        double step(List<EmbeddedQuery> queries, List<Candidates> candidates, float[][] nameVectors, double learningRate, double sparseLearningRate) {
            int inputs = weights.length / outputs;
            float[][] gradients = new float[queries.size()][];
            double[] sparseGradients = new double[queries.size()];
            double[] losses = new double[queries.size()];
            IntStream.range(0, queries.size()).parallel().forEach(q -> {
                EmbeddedQuery query = queries.get(q);
                Candidates c = candidates.get(q);
                float[] queryProjected = Projection.apply(weights, outputs, query.vector());
                float[][] candidateProjected = new float[c.names().length][];
                double[] scores = new double[c.names().length];
                for (int i = 0; i < scores.length; i++) {
                    candidateProjected[i] = Projection.apply(weights, outputs, nameVectors[c.names()[i]]);
                    scores[i] = dot(queryProjected, candidateProjected[i]) + sparseWeight * c.sparse()[i];
                }
                SynonymMarginalLoss.Value value = SynonymMarginalLoss.of(scores, c.gold());
                losses[q] = value.loss();
                // d loss / d W = sum_c g_c (W x_c x_q^T + W x_q x_c^T) = e_bar x_q^T + e_q x_bar^T
                float[] projectedMean = new float[outputs];
                float[] inputMean = new float[inputs];
                double sparseGradient = 0;
                for (int i = 0; i < scores.length; i++) {
                    float g = (float) value.gradient()[i];
                    axpy(g, candidateProjected[i], projectedMean);
                    axpy(g, nameVectors[c.names()[i]], inputMean);
                    sparseGradient += value.gradient()[i] * c.sparse()[i];
                }
                float[] gradient = new float[weights.length];
                for (int o = 0; o < outputs; o++) {
                    int base = o * inputs;
                    float a = projectedMean[o];
                    float b = queryProjected[o];
                    for (int j = 0; j < inputs; j++) {
                        gradient[base + j] = a * query.vector()[j] + b * inputMean[j];
                    }
                }
                gradients[q] = gradient;
                sparseGradients[q] = sparseGradient;
            });
            steps++;
            double correction1 = 1 - Math.pow(BETA1, steps);
            double correction2 = 1 - Math.pow(BETA2, steps);
            int batch = queries.size();
            for (int w = 0; w < weights.length; w++) {
                double g = 0;
                for (float[] gradient : gradients) {
                    g += gradient[w];
                }
                g /= batch;
                firstMoment[w] = BETA1 * firstMoment[w] + (1 - BETA1) * g;
                secondMoment[w] = BETA2 * secondMoment[w] + (1 - BETA2) * g * g;
                weights[w] -= (float) (learningRate * (firstMoment[w] / correction1) / (Math.sqrt(secondMoment[w] / correction2) + EPSILON));
            }
            // Lambda multiplies scores in units of the initial scale; its steps are taken in those units too.
            double g = Arrays.stream(sparseGradients).sum() / batch;
            sparseFirstMoment = BETA1 * sparseFirstMoment + (1 - BETA1) * g;
            sparseSecondMoment = BETA2 * sparseSecondMoment + (1 - BETA2) * g * g;
            sparseWeight -= sparseLearningRate * (sparseFirstMoment / correction1) / (Math.sqrt(sparseSecondMoment / correction2) + EPSILON);
            return Arrays.stream(losses).sum();
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(float a, float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
