package org.hpolink.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hpolink.extract.Mention;
import org.hpolink.model.Provenance;
import org.hpolink.text.Observation;

/**
 * BioSyn's ranking: every name of the dictionary is scored {@code dense + lambda * sparse}, where dense is the dot
 * product of the projected encoder vectors of query and name ({@link Projection}) and sparse the character n-gram
 * TF-IDF cosine ({@link CharNgramIndex}); an id scores as its best name. Names are searched exhaustively.
 *
 * <p>A query whose text is a name of the dictionary takes that name's stored vector instead of being encoded: the
 * same text gives the same vector, so only the time differs (with a quantized encoder, up to the small dependence of
 * a vector on its batch mates). Immutable and thread-safe if its embedder is.
 */
public final class BiosynNormalizer implements Normalizer {

    /** The component named in the provenance of a trained normalizer. */
    public static final String COMPONENT = "biosyn-normalizer";
    static final int MIN_GRAM = 2;
    static final int MAX_GRAM = 3;

    private final Provenance provenance;
    private final BiosynConfig config;
    private final NameDictionary dictionary;
    private final Projection projection;
    private final float sparseWeight;
    private final NameVectors names;
    private final TextEmbedder embedder;
    /** The ONNX model of the encoder its training tuned, which {@code embedder} runs; null when it stayed frozen. */
    private final byte[] tunedEncoder;
    private final CharNgramIndex index;
    private final NameIds nameIds;
    private final Map<String, Integer> nameByText = new HashMap<>();

    /**
     * @param names        the projected vectors of the dictionary's names, in its order
     * @param tunedEncoder the ONNX model of the tuned encoder {@code embedder} runs, or null when the config keeps it frozen
     */
    BiosynNormalizer(Provenance provenance, BiosynConfig config, NameDictionary dictionary, Projection projection, float sparseWeight,
            NameVectors names, TextEmbedder embedder, byte[] tunedEncoder) {
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.config = Objects.requireNonNull(config, "config");
        this.dictionary = dictionary;
        this.projection = projection;
        this.sparseWeight = sparseWeight;
        this.names = names;
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if ((tunedEncoder != null) != config.tunesEncoder()) {
            throw new IllegalArgumentException(config.tunesEncoder() ? "this config tunes its encoder: the tuned encoder is missing"
                    : "this config keeps its encoder frozen: it has no tuned encoder");
        }
        this.tunedEncoder = tunedEncoder;
        if (names.size() != dictionary.size() || names.dimension() != projection.outputs()) {
            throw new IllegalArgumentException(names.size() + " name vectors of " + names.dimension() + " dimensions for "
                    + dictionary.size() + " names and a projection to " + projection.outputs());
        }
        this.index = new CharNgramIndex(dictionary.names().stream().map(NameDictionary.Name::text).toList(), MIN_GRAM, MAX_GRAM);
        this.nameIds = new NameIds(dictionary);
        for (int n = 0; n < dictionary.size(); n++) {
            nameByText.putIfAbsent(dictionary.names().get(n).text(), n);
        }
    }

    public Provenance provenance() {
        return provenance;
    }

    public BiosynConfig config() {
        return config;
    }

    public NameDictionary dictionary() {
        return dictionary;
    }

    /** Lambda, the learned weight of the sparse score. */
    public float sparseWeight() {
        return sparseWeight;
    }

    /** The ONNX model of the encoder its training tuned; empty when the encoder stayed frozen. */
    Optional<byte[]> tunedEncoder() {
        return Optional.ofNullable(tunedEncoder);
    }

    Projection projection() {
        return projection;
    }

    NameVectors names() {
        return names;
    }

    /** The bytes the projected name vectors take. */
    public long denseIndexBytes() {
        return names.bytes();
    }

    /**
     * @throws IllegalArgumentException if the mention lies outside the text or covers no letter or digit, or
     *                                  {@code k} is below 1
     */
    @Override
    public List<Candidate> rank(Observation observation, Mention mention, int k) {
        return rank(config.query().text(observation, mention), k);
    }

    /** The query texts are encoded together. */
    @Override
    public List<List<Candidate>> rankMentions(List<Query> queries, int k) {
        return rankAll(queries.stream().map(q -> config.query().text(q.observation(), q.mention())).toList(), k);
    }

    /**
     * At most {@code k} ids for a free text, best first; ties go to the smaller id.
     *
     * @throws IllegalArgumentException if the text has no letter or digit, or {@code k} is below 1
     */
    public List<Candidate> rank(String text, int k) {
        return rankAll(List.of(text), k).get(0);
    }

    /** {@link #rank(String, int)} for each text; the texts that need the encoder are encoded together. */
    public List<List<Candidate>> rankAll(List<String> texts, int k) {
        NameIds.requireCandidates(k);
        texts.forEach(NameIds::requireRankable);
        float[][] scores = names.scores(project(texts));
        List<List<Candidate>> ranked = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] sparse = index.scores(texts.get(i));
            float[] combined = scores[i];
            for (int n = 0; n < combined.length; n++) {
                combined[n] += sparseWeight * sparse[n];
            }
            ranked.add(nameIds.rank(combined, k, Float.NEGATIVE_INFINITY));
        }
        return ranked;
    }

    /** The projected vectors of the texts: a name's stored one, or the encoder's, projected. */
    private float[][] project(List<String> texts) {
        float[][] projected = new float[texts.size()][];
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Integer name = nameByText.get(texts.get(i));
            if (name != null) {
                projected[i] = names.row(name);
            } else {
                unknown.add(texts.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            float[][] embedded = embedder.embed(unknown);
            int next = 0;
            for (int i = 0; i < projected.length; i++) {
                if (projected[i] == null) {
                    projected[i] = projection.apply(embedded[next++]);
                }
            }
        }
        return projected;
    }
}
