package org.hpolink.encode.train;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpolink.encode.EncoderModel;
import org.hpolink.model.Sha256;

/**
 * The weights of a BERT encoder exported to ONNX (fp32, as in LangChain4j's model jars), under their Hugging Face
 * names, dense weights [out, in]; and the way back: a copy of the ONNX file with other weights put in.
 *
 * <p>The exporter keeps the names of embeddings, biases and layer norms, but stores the 36 dense weights as
 * anonymous {@code onnx::MatMul_NNN} initializers laid out [in, out]. Each is the second input of a {@code MatMul}
 * whose output feeds an {@code Add} with a named {@code ....bias}: the weight is named after that bias, and the
 * MatMul node's own name ({@code /encoder/layer.0/attention/self/query/MatMul}) must agree.
 */
public final class OnnxWeights {

    /** Integer position ids the exporter keeps as a constant; not a weight. */
    private static final String POSITION_IDS = "embeddings.position_ids";

    private final String source;
    private final String sha256;
    private final ModelProto model;
    private final SortedMap<String, WeightTensor> tensors;
    /** Hugging Face name -> ONNX initializer name, for the weights stored under another name (and transposed). */
    private final Map<String, String> transposedInitializers;

    private OnnxWeights(String source, String sha256, ModelProto model, SortedMap<String, WeightTensor> tensors,
            Map<String, String> transposedInitializers) {
        this.source = source;
        this.sha256 = sha256;
        this.model = model;
        this.tensors = Collections.unmodifiableSortedMap(tensors);
        this.transposedInitializers = Map.copyOf(transposedInitializers);
    }

    /** @throws IOException naming the file when it is missing, not an ONNX model, or not a BERT encoder */
    public static OnnxWeights read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such ONNX model file", e);
        }
    }

    /** The weights of one of the models shipped on the classpath; it must be a full-precision one. */
    public static OnnxWeights of(EncoderModel model) throws IOException {
        if (model.isQuantized()) {
            throw new IllegalArgumentException(model.fileName() + " has 8-bit weights: only full-precision encoders can be read as weights");
        }
        return read(new ByteArrayInputStream(model.readOnnx()), model.fileName() + ".onnx");
    }

    /**
     * Reads a model from a stream (a classpath resource, say) named {@code source} in errors and provenance.
     *
     * @throws IOException naming {@code source} when it is not an ONNX model or not a BERT encoder
     */
    public static OnnxWeights read(InputStream in, String source) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        ModelProto model;
        try {
            model = ModelProto.parseFrom(new DigestInputStream(in, digest));
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(source + ": not an ONNX model (unreadable protobuf: " + e.getMessage() + ")", e);
        }
        GraphProto graph = model.getGraph();
        Map<String, String> denseNames = nameDenseWeights(graph, source);
        SortedMap<String, WeightTensor> tensors = new TreeMap<>();
        for (TensorProto initializer : graph.getInitializerList()) {
            String name = initializer.getName();
            if (name.equals(POSITION_IDS)) {
                continue;
            }
            WeightTensor tensor = floats(initializer, source);
            String hfName = denseNames.get(name);
            if (hfName != null) {
                tensor = tensor.transposed();
                name = hfName;
            }
            if (tensors.put(name, tensor) != null) {
                throw new IOException(source + ": the weight " + name + " is stored twice");
            }
        }
        if (tensors.isEmpty()) {
            throw new IOException(source + ": no weights found: not an ONNX model of an encoder");
        }
        Map<String, String> transposed = new HashMap<>();
        denseNames.forEach((onnxName, hfName) -> transposed.put(hfName, onnxName));
        return new OnnxWeights(source, Sha256.hex(digest), model, tensors, transposed);
    }

    /** Maps each anonymous dense-weight initializer to its Hugging Face name (see the class comment). */
    private static Map<String, String> nameDenseWeights(GraphProto graph, String source) throws IOException {
        Set<String> initializers = new HashSet<>();
        graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
        Map<String, NodeProto> consumers = new HashMap<>();
        for (NodeProto node : graph.getNodeList()) {
            node.getInputList().forEach(input -> consumers.putIfAbsent(input, node));
        }
        Map<String, String> names = new TreeMap<>();
        for (NodeProto node : graph.getNodeList()) {
            if (!node.getOpType().equals("MatMul") || node.getInputCount() != 2 || !initializers.contains(node.getInput(1))) {
                continue;
            }
            String weight = node.getInput(1);
            NodeProto add = consumers.get(node.getOutput(0));
            String bias = add == null || !add.getOpType().equals("Add") ? null
                    : add.getInputList().stream().filter(i -> initializers.contains(i) && i.endsWith(".bias")).findFirst().orElse(null);
            if (bias == null) {
                throw new IOException(source + ": the MatMul " + node.getName() + " over weight " + weight
                        + " is not followed by an Add of a named bias: cannot name the weight");
            }
            String layer = bias.substring(0, bias.length() - ".bias".length());
            // Node names separate modules by slashes, module names hold dots (layer.0): compare with dots only.
            if (!node.getName().replace('/', '.').equals("." + layer + ".MatMul")) {
                throw new IOException(source + ": the MatMul node " + node.getName() + " adds the bias " + bias
                        + ": expected the node's name to spell " + layer);
            }
            if (names.put(weight, layer + ".weight") != null) {
                throw new IOException(source + ": the weight " + weight + " is used by two MatMul nodes");
            }
        }
        return names;
    }

    private static WeightTensor floats(TensorProto tensor, String source) throws IOException {
        if (tensor.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new IOException(source + ": the weight " + tensor.getName() + " has ONNX data type " + tensor.getDataType()
                    + ", expected 1 (float32): quantized models cannot be trained");
        }
        int[] shape = tensor.getDimsList().stream().mapToInt(Math::toIntExact).toArray();
        float[] values;
        if (!tensor.getRawData().isEmpty()) {
            FloatBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            values = new float[raw.remaining()];
            raw.get(values);
        } else {
            values = new float[tensor.getFloatDataCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = tensor.getFloatData(i);
            }
        }
        try {
            return WeightTensor.owning(shape, values);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": the weight " + tensor.getName() + ": " + e.getMessage(), e);
        }
    }

    /** The file or resource read, as given. */
    public String source() {
        return source;
    }

    /** The SHA-256 of the bytes read, in hex. */
    public String sha256() {
        return sha256;
    }

    /** Every float weight under its Hugging Face name, dense weights [out, in]. */
    public SortedMap<String, WeightTensor> tensors() {
        return tensors;
    }

    /**
     * Writes a copy of this model with {@code replacements} in place of the weights of the same names (dense
     * weights given [out, in], stored back [in, out]); the graph and every other initializer are unchanged.
     *
     * @throws IllegalArgumentException when a replacement names no weight of this model or has another shape
     */
    public void write(Map<String, WeightTensor> replacements, Path target) throws IOException {
        // Checked and built before the file is opened: a refused replacement leaves no file behind.
        ModelProto copy = withWeights(replacements);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            copy.writeTo(out);
        }
    }

    /** {@link #write} into memory: the bytes of the ONNX file. */
    public byte[] toBytes(Map<String, WeightTensor> replacements) {
        return withWeights(replacements).toByteArray();
    }

    private ModelProto withWeights(Map<String, WeightTensor> replacements) {
        Map<String, String> initializerFor = new HashMap<>();
        tensors.keySet().forEach(name -> initializerFor.put(transposedInitializers.getOrDefault(name, name), name));
        replacements.forEach((name, tensor) -> {
            WeightTensor current = tensors.get(name);
            if (current == null) {
                throw new IllegalArgumentException(source + " has no weight " + name + " to replace");
            }
            if (!tensor.hasShape(current.shape())) {
                throw new IllegalArgumentException("the replacement of " + name + " has shape " + Arrays.toString(tensor.shape())
                        + ", " + source + " holds " + Arrays.toString(current.shape()));
            }
        });
        GraphProto.Builder graph = model.getGraph().toBuilder();
        List<TensorProto> initializers = graph.getInitializerList();
        for (int i = 0; i < initializers.size(); i++) {
            TensorProto initializer = initializers.get(i);
            String name = initializerFor.get(initializer.getName());
            WeightTensor replacement = name == null ? null : replacements.get(name);
            if (replacement != null) {
                WeightTensor stored = transposedInitializers.containsKey(name) ? replacement.transposed() : replacement;
                graph.setInitializer(i, initializer.toBuilder().clearFloatData().setRawData(littleEndian(stored)).build());
            }
        }
        return model.toBuilder().setGraph(graph).build();
    }

    private static ByteString littleEndian(WeightTensor tensor) {
        FloatBuffer values = tensor.values();
        ByteBuffer bytes = ByteBuffer.allocate(values.remaining() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return ByteString.copyFrom(bytes);
    }

    @Override
    public String toString() {
        return "OnnxWeights[" + source + ", " + tensors.size() + " weights]";
    }
}
