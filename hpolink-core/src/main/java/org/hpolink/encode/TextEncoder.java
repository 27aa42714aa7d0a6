package org.hpolink.encode;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.ObjIntConsumer;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A BERT encoder run by ONNX Runtime on the CPU: texts in, the last hidden state of every word piece out
 * ({@link #encode}), or one pooled vector per text ({@link #embed}).
 *
 * <p>Texts are tokenized with the model's own {@link WordPieceTokenizer}, sorted by length, and run in batches of
 * similar lengths padded to their longest, since padding costs time ({@link EncoderOptions#batchSize()} texts and
 * {@link EncoderOptions#batchPieces()} pieces at most); results come back in the order of the texts.
 * A full-precision model gives a text the same states whatever it is batched with; a quantized one does not quite
 * (see {@link EncoderModel}). A text longer than {@link EncoderModel#MAX_LENGTH} pieces is
 * cut there. The network reads {@code input_ids}, {@code attention_mask} and, where it declares it,
 * {@code token_type_ids}, and must give {@code last_hidden_state} [batch, pieces, 384].
 *
 * <p>Nothing is downloaded: the model comes from the classpath (the LangChain4j model jars) or from files. ONNX
 * Runtime uses a fixed number of threads within a batch ({@link EncoderOptions#intraOpThreads()}), so results do
 * not depend on the machine's core count. Thread-safe: concurrent calls share the session. {@link #close()} frees
 * the native session; calls after it fail.
 *
 * <p>ONNX Runtime 1.29.0 crashes the JVM (SIGSEGV, no error file) when it starts in a process whose command line is
 * longer than about 4 KB, as a long {@code -cp} makes it: pass long classpaths in {@code CLASSPATH} or a jar's
 * manifest (as the {@code hpolink} launcher and Maven Surefire do).
 */
public final class TextEncoder implements AutoCloseable {

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String OUTPUT = "last_hidden_state";

    private final EncoderModel model;
    private final int layers;
    private final String source;
    private final WordPieceTokenizer tokenizer;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean takesTokenTypes;
    private final EncoderOptions options;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private TextEncoder(EncoderModel model, int layers, String source, WordPieceTokenizer tokenizer, OrtEnvironment environment,
            OrtSession session, boolean takesTokenTypes, EncoderOptions options) {
        this.model = model;
        this.layers = layers;
        this.source = source;
        this.tokenizer = tokenizer;
        this.environment = environment;
        this.session = session;
        this.takesTokenTypes = takesTokenTypes;
        this.options = options;
    }

    /**
     * Loads a model from the classpath ({@link EncoderModel#onnxResource()}, {@link EncoderModel#tokenizerResource()}).
     *
     * @throws FileNotFoundException if a resource is missing; the message names it and the artifact that ships it
     * @throws ModelFormatException  if a resource is there but not a loadable model of the expected shape
     */
    public static TextEncoder open(EncoderModel model, EncoderOptions options) throws IOException {
        return open(model, model.layers(), options);
    }

    /**
     * Loads a model from the classpath, as {@link #open(EncoderModel, EncoderOptions)}, cut after its first
     * {@code layers} layers ({@link EncoderLayers}): its states are those of layer {@code layers}, 0 for the embeddings.
     */
    public static TextEncoder open(EncoderModel model, int layers, EncoderOptions options) throws IOException {
        return open(model, layers, TextEncoder.class.getClassLoader(), options);
    }

    /** Loads a model from the resources of a given class loader; the tests point it at broken files. */
    static TextEncoder open(EncoderModel model, int layers, ClassLoader loader, EncoderOptions options) throws IOException {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.forModel(model, loader);
        String source = ModelResources.describe(model, model.onnxResource())
                + (layers == model.layers() ? "" : ", its first " + layers + " of " + model.layers() + " layers");
        byte[] onnx = EncoderLayers.first(ModelResources.read(loader, model, model.onnxResource()), model, layers, source);
        return start(model, layers, source, tokenizer, options,
                (environment, sessionOptions) -> environment.createSession(onnx, sessionOptions));
    }

    /**
     * Loads a copy of a model's network from a file, e.g. one with fine-tuned weights; the tokenizer is the model's
     * own, from the classpath, since tuning keeps the vocabulary. {@code model} says which network it is (its
     * pooling) and names it in messages.
     *
     * @throws NoSuchFileException  if the file is missing
     * @throws ModelFormatException if the file is not a loadable model of the expected shape
     */
    public static TextEncoder open(EncoderModel model, Path onnxFile, EncoderOptions options) throws IOException {
        if (!Files.isRegularFile(onnxFile)) {
            throw new NoSuchFileException(onnxFile.toString(), null, "encoder model " + model.fileName() + ": file is missing");
        }
        WordPieceTokenizer tokenizer = WordPieceTokenizer.forModel(model);
        return start(model, model.layers(), "encoder model " + model.fileName() + ": file " + onnxFile, tokenizer, options,
                (environment, sessionOptions) -> environment.createSession(onnxFile.toString(), sessionOptions));
    }

    /**
     * Loads a copy of a model's network held in memory (see {@link #open(EncoderModel, Path, EncoderOptions)}), named
     * {@code source} in messages.
     *
     * @throws ModelFormatException if the bytes are not a loadable model of the expected shape
     */
    public static TextEncoder open(EncoderModel model, byte[] onnx, String source, EncoderOptions options) throws IOException {
        return start(model, model.layers(), "encoder model " + model.fileName() + ": " + source, WordPieceTokenizer.forModel(model), options,
                (environment, sessionOptions) -> environment.createSession(onnx, sessionOptions));
    }

    @FunctionalInterface
    private interface SessionFactory {
        OrtSession create(OrtEnvironment environment, OrtSession.SessionOptions options) throws OrtException;
    }

    private static TextEncoder start(EncoderModel model, int layers, String source, WordPieceTokenizer tokenizer, EncoderOptions options,
            SessionFactory factory) throws IOException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions sessionOptions = options.sessionOptions()) {
            session = factory.create(environment, sessionOptions);
        } catch (OrtException e) {
            throw new ModelFormatException(source + " is not a loadable ONNX model: " + e.getMessage(), e);
        }
        try {
            boolean takesTokenTypes = checkSignature(session, source);
            return new TextEncoder(model, layers, source, tokenizer, environment, session, takesTokenTypes, options);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session, e);
            throw e;
        }
    }

    /** Checks the inputs and output the encoder relies on; returns whether the network takes token type ids. */
    private static boolean checkSignature(OrtSession session, String source) throws ModelFormatException {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            for (String required : List.of(INPUT_IDS, ATTENTION_MASK)) {
                if (!inputs.containsKey(required)) {
                    throw new ModelFormatException(source + ": input " + required + " is missing: the inputs are " + inputs.keySet());
                }
            }
            for (Map.Entry<String, NodeInfo> input : inputs.entrySet()) {
                String name = input.getKey();
                if (!Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS).contains(name)) {
                    throw new ModelFormatException(source + ": input " + name + " is unexpected: expected " + INPUT_IDS + ", "
                            + ATTENTION_MASK + " and optionally " + TOKEN_TYPE_IDS);
                }
                if (!(input.getValue().getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.INT64 || info.getShape().length != 2) {
                    throw new ModelFormatException(source + ": input " + name + " is " + input.getValue().getInfo()
                            + ": expected an int64 tensor [batch, pieces]");
                }
            }
            NodeInfo output = session.getOutputInfo().get(OUTPUT);
            if (output == null) {
                throw new ModelFormatException(source + ": output " + OUTPUT + " is missing: the outputs are " + session.getOutputNames());
            }
            if (!(output.getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.FLOAT || info.getShape().length != 3
                    || info.getShape()[2] != EncoderModel.HIDDEN_SIZE) {
                throw new ModelFormatException(source + ": output " + OUTPUT + " is " + output.getInfo()
                        + ": expected a float tensor [batch, pieces, " + EncoderModel.HIDDEN_SIZE + "]");
            }
            return inputs.containsKey(TOKEN_TYPE_IDS);
        } catch (OrtException e) {
            throw new ModelFormatException(source + ": cannot read the inputs and outputs: " + e.getMessage(), e);
        }
    }

    public EncoderModel model() {
        return model;
    }

    /** The layers whose states this encoder gives: all of {@link #model()}'s, or the first of them. */
    public int layers() {
        return layers;
    }

    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    public EncoderOptions options() {
        return options;
    }

    /** The token states of each text, in the order of the texts. */
    public List<TokenStates> encode(List<String> texts) {
        TokenStates[] results = new TokenStates[texts.size()];
        forEachText(texts, (states, index) -> results[index] = states);
        return List.of(results);
    }

    /**
     * One pooled vector per text (the model's {@link EncoderModel#pooling()}), in the order of the texts. Token
     * states are pooled batch by batch and not kept, so long lists need little memory.
     */
    public float[][] embed(List<String> texts, VectorNorm norm) {
        float[][] vectors = new float[texts.size()][];
        forEachText(texts, (states, index) -> vectors[index] = states.pooled(model.pooling(), norm));
        return vectors;
    }

    /** Runs the texts in batches of similar lengths and hands each text's states to {@code sink} with its index. */
    private void forEachText(List<String> texts, ObjIntConsumer<TokenStates> sink) {
        List<Encoding> encodings = texts.stream().map(tokenizer::encode).toList();
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(source + ": the encoder is closed");
            }
            // By length, then by position: the batches, and so the results, are the same for the same texts.
            for (List<Integer> batch : LengthBatches.of(encodings.size(), i -> encodings.get(i).length(), options.batchSize(),
                    options.batchPieces(), 1)) {
                List<TokenStates> states = run(batch.stream().map(encodings::get).toList());
                for (int b = 0; b < batch.size(); b++) {
                    sink.accept(states.get(b), batch.get(b));
                }
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Runs one batch: the states of each text, padding left out. */
    private List<TokenStates> run(List<Encoding> encodings) {
        int batch = encodings.size();
        int length = encodings.stream().mapToInt(Encoding::length).max().orElseThrow();
        LongBuffer ids = LongBuffer.allocate(batch * length);
        LongBuffer mask = LongBuffer.allocate(batch * length);
        LongBuffer types = LongBuffer.allocate(batch * length);
        for (Encoding unpadded : encodings) {
            Encoding e = unpadded.padTo(length, tokenizer.padId());
            for (int i = 0; i < length; i++) {
                ids.put(e.id(i));
            }
            for (int m : e.attentionMask()) {
                mask.put(m);
            }
            for (int t : e.typeIds()) {
                types.put(t);
            }
        }
        long[] shape = {batch, length};
        Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
        float[] output;
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(environment, ids.flip(), shape));
            inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(environment, mask.flip(), shape));
            if (takesTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(environment, types.flip(), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(OUTPUT))) {
                OnnxValue value = result.get(OUTPUT).orElseThrow();
                FloatBuffer states = ((OnnxTensor) value).getFloatBuffer();
                output = new float[states.remaining()];
                states.get(output);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(source + ": ONNX Runtime failed on a batch of " + batch + " texts of " + length
                    + " pieces: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
        int width = EncoderModel.HIDDEN_SIZE;
        if (output.length != batch * length * width) {
            throw new IllegalStateException(source + ": " + OUTPUT + " has " + output.length + " values: expected " + batch + " x "
                    + length + " x " + width);
        }
        List<TokenStates> states = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            Encoding e = encodings.get(b);
            int offset = b * length * width;
            states.add(new TokenStates(e, width, Arrays.copyOfRange(output, offset, offset + e.length() * width)));
        }
        return states;
    }

    /** Frees the native session; idempotent. Waits for calls in progress. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
            }
        } catch (OrtException e) {
            throw new IllegalStateException(source + ": closing the ONNX Runtime session failed: " + e.getMessage(), e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private static void closeQuietly(OrtSession session, Exception cause) {
        try {
            session.close();
        } catch (OrtException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "TextEncoder[" + source + ", " + options + "]";
    }
}
