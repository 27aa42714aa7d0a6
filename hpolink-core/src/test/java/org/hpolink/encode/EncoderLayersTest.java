package org.hpolink.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpolink.encode.train.OnnxWeights;
import org.hpolink.encode.train.WeightTensor;
import org.junit.jupiter.api.Test;

/**
 * A cut encoder gives the states the whole network computes after the same layers: checked against the full-precision
 * MiniLM's own intermediate tensor (made an output of the whole graph) and, for the embeddings, against the sum of the
 * three embedding tables, layer-normalized by hand.
 */
class EncoderLayersTest {

    private static final EncoderModel MODEL = EncoderModel.ALL_MINILM_L6_V2;
    private static final String TEXT = "EYES: mild hooding and epicanthus";
    private static final String SOURCE = "test graph";

    private static float[][] cutStates(int layers) throws IOException {
        try (TextEncoder encoder = TextEncoder.open(MODEL, layers, new EncoderOptions(1, 1))) {
            assertEquals(layers, encoder.layers());
            return encoder.encode(List.of(TEXT)).get(0).states();
        }
    }

    /** The whole network's tensor {@code name}, made an output of the graph, for {@link #TEXT}. */
    private static float[][] intermediate(String name) throws IOException, OrtException {
        ModelProto model = ModelProto.parseFrom(MODEL.readOnnx());
        GraphProto graph = model.getGraph().toBuilder().addOutput(ValueInfoProto.newBuilder().setName(name)).build();
        Encoding encoding = WordPieceTokenizer.forModel(MODEL).encode(TEXT);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(model.toBuilder().setGraph(graph).build().toByteArray());
             OnnxTensor ids = tensor(environment, encoding.ids());
             OnnxTensor mask = tensor(environment, encoding.attentionMask());
             OnnxTensor types = tensor(environment, encoding.typeIds());
             OrtSession.Result result = session.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            return ((float[][][]) result.get(name).orElseThrow().getValue())[0];
        }
    }

    private static OnnxTensor tensor(OrtEnvironment environment, int[] values) throws OrtException {
        return OnnxTensor.createTensor(environment, new long[][] {Arrays.stream(values).asLongStream().toArray()});
    }

    private static void assertClose(float[][] expected, float[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "pieces");
        for (int p = 0; p < expected.length; p++) {
            for (int d = 0; d < expected[p].length; d++) {
                assertEquals(expected[p][d], actual[p][d], tolerance, "piece " + p + ", dimension " + d);
            }
        }
    }

    @Test
    void aCutEncoderGivesTheStatesOfThatLayerOfTheWholeNetwork() throws Exception {
        float[][] third = cutStates(3);
        assertClose(intermediate("/encoder/layer.2/output/LayerNorm/Add_1_output_0"), third, 1e-4);
        float[][] all = cutStates(MODEL.layers());
        assertTrue(Math.abs(all[1][0] - third[1][0]) + Math.abs(all[2][5] - third[2][5]) > 1e-3, "the last layers still change the states");
    }

    @Test
    void noLayerLeavesTheNormalizedSumOfTheEmbeddings() throws Exception {
        Map<String, WeightTensor> weights = OnnxWeights.of(MODEL).tensors();
        Encoding encoding = WordPieceTokenizer.forModel(MODEL).encode(TEXT);
        float[][] expected = new float[encoding.length()][];
        for (int p = 0; p < encoding.length(); p++) {
            float[] sum = new float[EncoderModel.HIDDEN_SIZE];
            for (Map.Entry<String, Integer> table : Map.of("embeddings.word_embeddings.weight", encoding.id(p),
                    "embeddings.position_embeddings.weight", p, "embeddings.token_type_embeddings.weight", encoding.typeIds()[p]).entrySet()) {
                float[] values = values(weights.get(table.getKey()));
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += values[table.getValue() * sum.length + d];
                }
            }
            expected[p] = layerNorm(sum, values(weights.get("embeddings.LayerNorm.weight")), values(weights.get("embeddings.LayerNorm.bias")));
        }
        assertClose(expected, cutStates(0), 1e-4);
    }

    private static float[] values(WeightTensor tensor) {
        FloatBuffer buffer = tensor.values();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    private static float[] layerNorm(float[] x, float[] gain, float[] bias) {
        double mean = 0;
        for (float v : x) {
            mean += v / (double) x.length;
        }
        double variance = 0;
        for (float v : x) {
            variance += (v - mean) * (v - mean) / x.length;
        }
        float[] normalized = new float[x.length];
        for (int d = 0; d < x.length; d++) {
            normalized[d] = (float) ((x[d] - mean) / Math.sqrt(variance + 1e-12) * gain[d] + bias[d]);
        }
        return normalized;
    }

    @Test
    void theCutGraphHoldsNoNodeOrWeightOfALaterLayer() throws Exception {
        byte[] onnx = EncoderModel.ALL_MINILM_L6_V2_Q.readOnnx();
        assertSame(onnx, EncoderLayers.first(onnx, EncoderModel.ALL_MINILM_L6_V2_Q, 6, SOURCE), "all layers: the graph itself");
        GraphProto cut = ModelProto.parseFrom(EncoderLayers.first(onnx, EncoderModel.ALL_MINILM_L6_V2_Q, 2, SOURCE)).getGraph();
        assertTrue(cut.getNodeList().stream().map(NodeProto::getName).anyMatch(n -> n.startsWith("/encoder/layer.1/")));
        assertTrue(cut.getNodeList().stream().map(NodeProto::getName).noneMatch(n -> n.startsWith("/encoder/layer.2/")),
                "layers 3 to 6 are gone");
        assertTrue(cut.getInitializerCount() < ModelProto.parseFrom(onnx).getGraph().getInitializerCount());
        assertEquals(List.of("last_hidden_state"), cut.getOutputList().stream().map(ValueInfoProto::getName).toList());
    }

    @Test
    void refusesWhatCannotBeCut() throws Exception {
        byte[] onnx = MODEL.readOnnx();
        assertThrows(IllegalArgumentException.class, () -> EncoderLayers.first(onnx, MODEL, 7, SOURCE));
        assertThrows(IllegalArgumentException.class, () -> EncoderLayers.first(onnx, MODEL, -1, SOURCE));
        ModelFormatException notOnnx = assertThrows(ModelFormatException.class,
                () -> EncoderLayers.first(new byte[] {1, 2, 3}, MODEL, 2, SOURCE));
        assertTrue(notOnnx.getMessage().startsWith(SOURCE), notOnnx.getMessage());

        ModelProto model = ModelProto.parseFrom(onnx);
        GraphProto.Builder renamed = model.getGraph().toBuilder();
        Map<Integer, NodeProto> nodes = new HashMap<>();
        for (int n = 0; n < renamed.getNodeCount(); n++) {
            if (renamed.getNode(n).getName().equals("/encoder/layer.1/output/LayerNorm/Add_1")) {
                nodes.put(n, renamed.getNode(n).toBuilder().setName("renamed").build());
            }
        }
        nodes.forEach(renamed::setNode);
        byte[] otherExport = model.toBuilder().setGraph(renamed).build().toByteArray();
        ModelFormatException noNode = assertThrows(ModelFormatException.class, () -> EncoderLayers.first(otherExport, MODEL, 2, SOURCE));
        assertTrue(noNode.getMessage().contains("/encoder/layer.1/output/LayerNorm/Add_1"), noNode.getMessage());
        assertArrayEquals(onnx, MODEL.readOnnx(), "the model's own bytes are left as they were");
    }
}
