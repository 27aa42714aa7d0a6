package org.hpolink.extract.grid;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.LSTM;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link GridNetwork}'s inference graph in ONNX, so that a trained grid model is served by ONNX Runtime, like the
 * encoders, and LibTorch is needed only to train. The graph takes the network's inputs under the names below and
 * gives {@value #OUTPUT}, the softmax of the relation scores, float32 [batch, words, words, relations]. Written op by
 * op (opset {@value #OPSET}) from the trained parameters; {@code GridOnnxTest} checks that it computes what the DJL
 * block computes.
 */
final class GridOnnx {

    static final String WORDS = "words";
    static final String REVERSAL = "reversal";
    static final String DISTANCES = "distances";
    static final String REGIONS = "regions";
    static final String HINTS = "hints";
    static final String MASK = "mask";
    static final String OUTPUT = "probabilities";
    static final int OPSET = 17;

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("hpolink-grid");
    private int names;

    private GridOnnx() {
    }

    /** The ONNX model of {@code network}'s trained weights. */
    static byte[] export(GridNetwork network) {
        GridOnnx onnx = new GridOnnx();
        onnx.build(network);
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("hpolink")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(onnx.graph)
                .build()
                .toByteArray();
    }

    private void build(GridNetwork network) {
        GridConfig config = network.config();
        input(WORDS, TensorProto.DataType.FLOAT, "batch", "length", String.valueOf(network.features()));
        input(REVERSAL, TensorProto.DataType.INT64, "batch", "length");
        input(DISTANCES, TensorProto.DataType.INT64, "batch", "length", "length");
        input(REGIONS, TensorProto.DataType.INT64, "batch", "length", "length");
        if (config.lexiconHints()) {
            input(HINTS, TensorProto.DataType.INT64, "batch", "length", "length");
        }
        input(MASK, TensorProto.DataType.FLOAT, "batch", "length", "length");

        String forward = lstm(network.lstm(true), WORDS, config.lstmHidden());
        String backward = reorder(lstm(network.lstm(false), reorder(WORDS), config.lstmHidden()));
        String states = node("Concat", List.of(forward, backward), axis(2));

        String cellMask = node("Unsqueeze", List.of(MASK, ints("axes", 1)));
        String x = node("Transpose", List.of(gridIn(network, states)), perm(0, 3, 1, 2));
        List<String> dilated = new ArrayList<>();
        for (int dilation : GridNetwork.DILATIONS) {
            x = node("Mul", List.of(gelu(node("Conv", List.of(x, floats(network.parameter("dilated" + dilation + ".weight")),
                    floats(network.parameter("dilated" + dilation + ".bias"))),
                    intsAttribute("dilations", dilation, dilation), intsAttribute("pads", dilation, dilation, dilation, dilation),
                    intAttribute("group", config.convolutionHidden()))), cellMask));
            dilated.add(x);
        }
        String pairs = node("Transpose", List.of(node("Concat", dilated, axis(1))), perm(0, 2, 3, 1));
        String relationScores = dense(network, gelu(dense(network, pairs, "relationHidden")), "relationOut");
        String head = gelu(dense(network, states, "head"));
        String tail = gelu(dense(network, states, "tail"));
        String scores = node("Add", List.of(biaffine(head, tail, network.parameter("biaffine")), relationScores));
        graph.addNode(NodeProto.newBuilder().setOpType("Softmax").addInput(scores).addOutput(OUTPUT).addAttribute(intAttribute("axis", 3)));
        graph.addOutput(valueInfo(OUTPUT, TensorProto.DataType.FLOAT, "batch", "length", "length", String.valueOf(GridNetwork.RELATIONS)));
    }

    /**
     * One LSTM over [batch, words, features], giving [batch, words, hidden]. DJL's LSTM (PyTorch's) stacks its gates
     * input, forget, cell, output; ONNX's input, output, forget, cell.
     */
    private String lstm(LSTM lstm, String input, int hidden) {
        float[] inputWeights = gatesInOnnxOrder(lstmParameter(lstm, "l_0_i2h_WEIGHT"), hidden);
        float[] hiddenWeights = gatesInOnnxOrder(lstmParameter(lstm, "l_0_h2h_WEIGHT"), hidden);
        float[] inputBias = gatesInOnnxOrder(lstmParameter(lstm, "l_0_i2h_BIAS"), hidden);
        float[] hiddenBias = gatesInOnnxOrder(lstmParameter(lstm, "l_0_h2h_BIAS"), hidden);
        float[] bias = new float[inputBias.length + hiddenBias.length];
        System.arraycopy(inputBias, 0, bias, 0, inputBias.length);
        System.arraycopy(hiddenBias, 0, bias, inputBias.length, hiddenBias.length);
        int features = inputWeights.length / (4 * hidden);
        String timeFirst = node("Transpose", List.of(input), perm(1, 0, 2));
        String all = node("LSTM", List.of(timeFirst, initializer(inputWeights, 1, 4 * hidden, features),
                initializer(hiddenWeights, 1, 4 * hidden, hidden), initializer(bias, 1, 8 * hidden)), intAttribute("hidden_size", hidden));
        // Y: [words, directions, batch, hidden]
        return node("Transpose", List.of(node("Squeeze", List.of(all, ints("axes", 1)))), perm(1, 0, 2));
    }

    private static NDArray lstmParameter(LSTM lstm, String name) {
        Parameter parameter = lstm.getParameters().get(name);
        if (parameter == null) {
            throw new IllegalStateException("the LSTM has no parameter " + name + ": " + lstm.getParameters().keys());
        }
        return parameter.getArray();
    }

    /** Rows [i; f; g; o] of {@code hidden} each reordered [i; o; f; g]. */
    private static float[] gatesInOnnxOrder(NDArray array, int hidden) {
        float[] values = array.toFloatArray();
        int row = values.length / (4 * hidden) * hidden;
        float[] reordered = new float[values.length];
        int[] from = {0, 3, 1, 2};
        for (int gate = 0; gate < 4; gate++) {
            System.arraycopy(values, from[gate] * row, reordered, gate * row, row);
        }
        return reordered;
    }

    /** Each observation's words in its own reversed order, as {@code GridNetwork.reorder}: x[b, reversal[b, i], :]. */
    private String reorder(String x) {
        String index = node("Expand", List.of(node("Unsqueeze", List.of(REVERSAL, ints("axes", 2))), node("Shape", List.of(x))));
        return node("GatherElements", List.of(x, index), axis(1));
    }

    /**
     * The word-pair grid through the first (1x1) convolution, its GELU and the mask, channels last: [batch, words,
     * words, channels]. The network concatenates each cell's distance, region (and hint) embeddings with its
     * conditional layer norm and convolves that; the convolution being linear, this graph takes each part through its
     * own slice of the weights instead, so that no tensor as wide as the concatenation is made: the embeddings become
     * tables of the convolution's channels, and the layer norm's shift, which depends on the column word only, is
     * multiplied once per word. On the training file this halved the grid network's time.
     */
    private String gridIn(GridNetwork network, String states) {
        GridConfig config = network.config();
        int width = config.distanceWidth();
        NDArray weight = network.parameter("gridIn.weight");
        NDArray weights = weight.reshape(weight.getShape().get(0), weight.getShape().get(1));
        // Each embedding table with the input of its ids, in the network's order of the grid's channels.
        Map<String, String> embeddings = new LinkedHashMap<>();
        embeddings.put("distance", DISTANCES);
        embeddings.put("region", REGIONS);
        if (config.lexiconHints()) {
            embeddings.put("hint", HINTS);
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (Map.Entry<String, String> embedding : embeddings.entrySet()) {
            NDArray slice = weights.get(":, " + from + ":" + (from + width));
            parts.add(node("Gather", List.of(floats(network.parameter(embedding.getKey()).matMul(slice.transpose())), embedding.getValue())));
            from += width;
        }
        String cellWeights = transposed(weights.get(":, " + from + ":"));
        // Cell (i, j) of the conditional layer norm is normalized_i * scale_j + shift_j.
        String centred = node("Sub", List.of(states, node("ReduceMean", List.of(states), intsAttribute("axes", 2))));
        String variance = node("ReduceMean", List.of(node("Mul", List.of(centred, centred))), intsAttribute("axes", 2));
        String deviation = node("Sqrt", List.of(node("Add", List.of(variance, scalar(GridNetwork.LAYER_NORM_EPSILON)))));
        String normalized = node("Unsqueeze", List.of(node("Div", List.of(centred, deviation)), ints("axes", 2)));
        String scale = node("Unsqueeze", List.of(node("Add", List.of(node("MatMul", List.of(states,
                transposed(network.parameter("cln.conditionGamma")))), floats(network.parameter("cln.gamma")))), ints("axes", 1)));
        String shift = node("Add", List.of(node("MatMul", List.of(states, transposed(network.parameter("cln.conditionBeta")))),
                floats(network.parameter("cln.beta"))));
        parts.add(node("MatMul", List.of(node("Mul", List.of(normalized, scale)), cellWeights)));
        parts.add(node("Unsqueeze", List.of(node("MatMul", List.of(shift, cellWeights)), ints("axes", 1))));
        String sum = parts.get(0);
        for (String part : parts.subList(1, parts.size())) {
            sum = node("Add", List.of(sum, part));
        }
        // The network masks the grid before the convolution (its bias reaches every cell) and its output after.
        String cellMask = node("Unsqueeze", List.of(MASK, ints("axes", 3)));
        String convolved = node("Add", List.of(node("Mul", List.of(sum, cellMask)), floats(network.parameter("gridIn.bias"))));
        return node("Mul", List.of(gelu(convolved), cellMask));
    }

    /** s[b, i, j, r] = [head_i; 1]^T U_r [tail_j; 1], as {@code GridNetwork.biaffine}. */
    private String biaffine(String head, String tail, NDArray u) {
        long width = u.getShape().get(0);
        String ones = node("ConstantOfShape", List.of(node("Concat", List.of(
                node("Slice", List.of(node("Shape", List.of(head)), ints("starts", 0), ints("ends", 2))), ints("one", 1)), axis(0))),
                AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                        .setT(tensor("one", new float[] {1}, 1)).build());
        String x = node("Concat", List.of(head, ones), axis(2));
        String y = node("Concat", List.of(tail, ones), axis(2));
        String xu = node("Transpose", List.of(node("Reshape", List.of(node("MatMul", List.of(x, floats(u))),
                ints("shape", 0, 0, GridNetwork.RELATIONS, width)))), perm(0, 2, 1, 3));
        String yt = node("Unsqueeze", List.of(node("Transpose", List.of(y), perm(0, 2, 1)), ints("axes", 1)));
        return node("Transpose", List.of(node("MatMul", List.of(xu, yt))), perm(0, 2, 3, 1));
    }

    /** x W^T + b, as DJL's {@code Linear.linear} with weight [out, in]. */
    private String dense(GridNetwork network, String x, String layer) {
        return node("Add", List.of(node("MatMul", List.of(x, transposed(network.parameter(layer + ".weight")))),
                floats(network.parameter(layer + ".bias"))));
    }

    /** The exact GELU PyTorch computes: x / 2 (1 + erf(x / sqrt 2)). */
    private String gelu(String x) {
        String erf = node("Erf", List.of(node("Div", List.of(x, scalar((float) Math.sqrt(2))))));
        return node("Mul", List.of(node("Mul", List.of(x, scalar(0.5f))), node("Add", List.of(erf, scalar(1)))));
    }

    private String node(String op, List<String> inputs, AttributeProto... attributes) {
        String output = op.toLowerCase(Locale.ROOT) + "_" + names++;
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(output).addAllInput(inputs).addOutput(output);
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return output;
    }

    private String floats(NDArray array) {
        return initializer(array.toFloatArray(), array.getShape().getShape());
    }

    /** The transpose of a matrix [rows, columns], as [columns, rows]. */
    private String transposed(NDArray matrix) {
        return floats(matrix.transpose());
    }

    private String scalar(float value) {
        return initializer(new float[] {value});
    }

    private String initializer(float[] values, long... shape) {
        String name = "weight_" + names++;
        graph.addInitializer(tensor(name, values, shape));
        return name;
    }

    private static TensorProto tensor(String name, float[] values, long... shape) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long dimension : shape) {
            tensor.addDims(dimension);
        }
        return tensor.build();
    }

    /** A constant int64 vector, for the ops that take their axes or shapes as inputs. */
    private String ints(String what, long... values) {
        String name = what + "_" + names++;
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).setRawData(ByteString.copyFrom(bytes.array())));
        return name;
    }

    private static AttributeProto axis(long axis) {
        return intAttribute("axis", axis);
    }

    private static AttributeProto perm(long... axes) {
        return intsAttribute("perm", axes);
    }

    private static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static AttributeProto intsAttribute(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    private void input(String name, TensorProto.DataType type, String... dimensions) {
        graph.addInput(valueInfo(name, type, dimensions));
    }

    /** A tensor's type and shape; a dimension that is a number is fixed, any other is named (batch, length). */
    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, String... dimensions) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (String dimension : dimensions) {
            shape.addDim(dimension.chars().allMatch(Character::isDigit)
                    ? TensorShapeProto.Dimension.newBuilder().setDimValue(Long.parseLong(dimension))
                    : TensorShapeProto.Dimension.newBuilder().setDimParam(dimension));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
                .build();
    }
}
