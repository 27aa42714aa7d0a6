package org.hpolink.normalize;

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
import org.hpolink.extract.Mention;
import org.hpolink.model.Provenance;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SynonymScope;

/**
 * Trains a {@link BiosynNormalizer} on a frozen encoder: a linear projection of its vectors and lambda, the weight of
 * the sparse score, by BioSyn's synonym marginalization (see {@link BiosynConfig}). Each pass first refreshes every
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

    private final BiosynConfig config;

    public BiosynTrainer(BiosynConfig config) {
        this.config = config;
    }

    public BiosynConfig config() {
        return config;
    }

    /** A query: its text, its encoder vector, its gold id's position, and the names it may not see (ascending). */
    private record Query(String text, float[] vector, int gold, int[] hidden) {

        boolean hides(int name) {
            return Arrays.binarySearch(hidden, name) >= 0;
        }
    }

    /** A training mention as a query: the query text, the text of its span, and its gold id. */
    private record MentionText(String query, String span, HpoId id) {
    }

    /** A query's candidates for one pass: name positions, their sparse scores, and which carry the gold id. */
    private record Candidates(int[] names, float[] sparse, boolean[] gold) {
    }

    /**
     * Trains on {@code training} (the part of the file described by {@code split}), with the names of the observable
     * HPO terms (labels, exact and related synonyms) and the training mentions.
     */
    public BiosynNormalizer train(Hpo hpo, Corpus training, String split, TextEmbedder embedder, Listener listener) {
        NameDictionary dictionary = NameDictionary.of(hpo, training, Set.of(SynonymScope.EXACT, SynonymScope.RELATED));
        List<String> nameTexts = dictionary.names().stream().map(NameDictionary.Name::text).toList();
        float[][] nameVectors = embedDistinct(nameTexts, embedder);
        NameIds nameIds = new NameIds(dictionary);
        CharNgramIndex index = new CharNgramIndex(nameTexts, BiosynNormalizer.MIN_GRAM, BiosynNormalizer.MAX_GRAM);
        Map<String, List<Integer>> namesByText = new HashMap<>();
        for (int n = 0; n < nameTexts.size(); n++) {
            namesByText.computeIfAbsent(nameTexts.get(n).toLowerCase(Locale.ROOT), t -> new ArrayList<>()).add(n);
        }
        List<List<Integer>> namesById = new ArrayList<>();
        for (int id = 0; id < nameIds.idCount(); id++) {
            namesById.add(new ArrayList<>());
        }
        for (int n = 0; n < nameTexts.size(); n++) {
            namesById.get(nameIds.idOf(n)).add(n);
        }
        int[][] namesOfId = namesById.stream().map(names -> names.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        Model model = new Model(Projection.principal(nameVectors, config.dimension(), config.initialScale()).weights(),
                config.dimension(), config.initialSparseWeight());
        SplittableRandom random = new SplittableRandom(config.seed());

        List<Query> hpoQueries = new ArrayList<>();
        for (int n = 0; n < nameTexts.size(); n++) {
            if (dictionary.names().get(n).source() != NameDictionary.Source.MENTION) {
                String text = nameTexts.get(n);
                query(text, List.of(text), nameVectors[n], nameIds.idOf(n), namesByText, namesOfId).ifPresent(hpoQueries::add);
            }
        }
        List<Query> mentionQueries = mentionQueries(hpo, training, embedder, nameIds, dictionary, namesByText, namesOfId);

        for (int pass = 1; pass <= config.pretrainEpochs(); pass++) {
            List<Query> sample = sample(hpoQueries, config.pretrainQueries(), random);
            double loss = pass(model, sample, nameVectors, index, nameIds, namesOfId, random);
            listener.passEnded("pre-finetuning on HPO names", pass, sample.size(), loss);
        }
        for (int pass = 1; pass <= config.epochs(); pass++) {
            double loss = pass(model, mentionQueries, nameVectors, index, nameIds, namesOfId, random);
            listener.passEnded("fine-tuning on training mentions", pass, mentionQueries.size(), loss);
        }

        Projection projection = new Projection(config.dimension(), nameVectors[0].length, model.weights);
        Provenance provenance = Provenance.of(BiosynNormalizer.COMPONENT, config.asMap(), config.seed(), training, split, hpo);
        return new BiosynNormalizer(provenance, config, dictionary, projection, (float) model.sparseWeight,
                NameVectors.of(projection.applyAll(nameVectors)), embedder);
    }

    private List<Query> mentionQueries(Hpo hpo, Corpus training, TextEmbedder embedder, NameIds nameIds, NameDictionary dictionary,
            Map<String, List<Integer>> namesByText, int[][] namesOfId) {
        Map<HpoId, Integer> idPositions = new HashMap<>();
        for (int n = 0; n < dictionary.size(); n++) {
            idPositions.putIfAbsent(dictionary.names().get(n).id(), nameIds.idOf(n));
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
        List<String> texts = distinct.values().stream().map(MentionText::query).toList();
        float[][] vectors = embedDistinct(texts, embedder);
        List<Query> queries = new ArrayList<>();
        int i = 0;
        for (MentionText mention : distinct.values()) {
            Integer gold = idPositions.get(mention.id());
            if (gold != null) {
                query(mention.query(), List.of(mention.query(), mention.span()), vectors[i], gold, namesByText, namesOfId).ifPresent(queries::add);
            }
            i++;
        }
        return queries;
    }

    /** The query, unless every name of its id has one of its own texts. */
    private static Optional<Query> query(String text, List<String> ownTexts, float[] vector, int gold, Map<String, List<Integer>> namesByText,
            int[][] namesOfId) {
        int[] hidden = ownTexts.stream().flatMap(own -> namesByText.getOrDefault(own.toLowerCase(Locale.ROOT), List.of()).stream())
                .mapToInt(Integer::intValue).distinct().sorted().toArray();
        Query query = new Query(text, vector, gold, hidden);
        boolean hasPositive = Arrays.stream(namesOfId[gold]).anyMatch(n -> !query.hides(n));
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
    private double pass(Model model, List<Query> queries, float[][] nameVectors, CharNgramIndex index, NameIds nameIds,
            int[][] namesOfId, SplittableRandom random) {
        Projection projection = new Projection(model.outputs, nameVectors[0].length, model.weights);
        NameVectors projected = NameVectors.of(projection.applyAll(nameVectors));
        Candidates[] candidates = new Candidates[queries.size()];
        // Queries are scored against the names in batches, which read the name vectors once per batch, not per query.
        IntStream.range(0, (queries.size() + REFRESH_BATCH - 1) / REFRESH_BATCH).parallel().forEach(b -> {
            int from = b * REFRESH_BATCH;
            List<Query> batch = queries.subList(from, Math.min(queries.size(), from + REFRESH_BATCH));
            float[][] dense = projected.scores(batch.stream().map(q -> projection.apply(q.vector())).toArray(float[][]::new));
            for (int i = 0; i < batch.size(); i++) {
                candidates[from + i] = candidates(batch.get(i), dense[i], index, nameIds, namesOfId, model.sparseWeight);
            }
        });
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

    private Candidates candidates(Query query, float[] dense, CharNgramIndex index, NameIds nameIds, int[][] namesOfId,
            double sparseWeight) {
        float[] sparse = index.scores(query.text());
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
        boolean anyGold = chosen.stream().anyMatch(n -> nameIds.idOf(n) == query.gold());
        if (!anyGold) {
            int best = -1;
            for (int n : namesOfId[query.gold()]) {
                if (!query.hides(n) && (best < 0 || dense[n] + sparseWeight * sparse[n] > dense[best] + sparseWeight * sparse[best])) {
                    best = n;
                }
            }
            chosen.add(best);
        }
        int[] names = chosen.stream().mapToInt(Integer::intValue).toArray();
        float[] sparseOfNames = new float[names.length];
        boolean[] gold = new boolean[names.length];
        for (int c = 0; c < names.length; c++) {
            sparseOfNames[c] = sparse[names[c]];
            gold[c] = nameIds.idOf(names[c]) == query.gold();
        }
        return new Candidates(names, sparseOfNames, gold);
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
        double step(List<Query> queries, List<Candidates> candidates, float[][] nameVectors, double learningRate, double sparseLearningRate) {
            int inputs = weights.length / outputs;
            float[][] gradients = new float[queries.size()][];
            double[] sparseGradients = new double[queries.size()];
            double[] losses = new double[queries.size()];
            IntStream.range(0, queries.size()).parallel().forEach(q -> {
                Query query = queries.get(q);
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
