package org.hpolink.encode.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxWeightsTest {

    private static final String QUERY_0 = "encoder.layer.0.attention.self.query.weight";

    @TempDir
    Path dir;

    @Test
    void namesEveryWeightOfMiniLm() {
        OnnxWeights weights = MiniLm.weights();
        Set<String> expected = new TreeSet<>(new BertShape(30522, 384, 6, 12, 1536, 512, 2).parameterShapes().keySet());
        assertEquals(101, expected.size());
        assertEquals(expected, weights.tensors().keySet(), "65 named weights and 36 named by their MatMul; no position_ids");
        assertArrayEquals(new int[] {1536, 384}, weights.tensors().get("encoder.layer.5.intermediate.dense.weight").shape());
        assertArrayEquals(new int[] {384, 1536}, weights.tensors().get("encoder.layer.5.output.dense.weight").shape());
        assertEquals(64, weights.sha256().length());
    }

    /** The anonymous initializer of layer 0's query, read straight from the protobuf, is the transpose of the weight. */
    @Test
    void denseWeightsAreTheTransposeOfTheirInitializer() throws IOException {
        GraphProto graph = ModelProto.parseFrom(MiniLm.bytes()).getGraph();
        NodeProto query = graph.getNodeList().stream()
                .filter(n -> n.getName().equals("/encoder/layer.0/attention/self/query/MatMul")).findFirst().orElseThrow();
        assertTrue(query.getInput(1).startsWith("onnx::MatMul_"), query.getInput(1));
        TensorProto initializer = graph.getInitializerList().stream()
                .filter(t -> t.getName().equals(query.getInput(1))).findFirst().orElseThrow();
        FloatBuffer stored = initializer.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        FloatBuffer weight = MiniLm.weights().tensors().get(QUERY_0).values();
        // stored is [in, out]; weight is [out, in].
        for (int[] at : new int[][] {{0, 0}, {0, 1}, {1, 0}, {17, 300}, {383, 2}, {383, 383}}) {
            assertEquals(stored.get(at[0] * 384 + at[1]), weight.get(at[1] * 384 + at[0]), "in " + at[0] + ", out " + at[1]);
        }
        assertNotEquals(stored.get(1), weight.get(1), "not symmetric, so the check above means something");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nowhere.onnx");
        IOException e = assertThrows(IOException.class, () -> OnnxWeights.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("no such"), e.getMessage());
    }

    @Test
    void corruptFileIsNamed() throws IOException {
        Path truncated = dir.resolve("truncated.onnx");
        Files.write(truncated, Arrays.copyOf(MiniLm.bytes(), 1_000_000));
        IOException e = assertThrows(IOException.class, () -> OnnxWeights.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());

        Path text = dir.resolve("text.onnx");
        Files.writeString(text, "not a model at all\n");
        IOException e2 = assertThrows(IOException.class, () -> OnnxWeights.read(text));
        assertTrue(e2.getMessage().startsWith(text.toString()), e2.getMessage());
    }

    /** A model without one weight reads, but gives no encoder: the error names the model and the weight. */
    @Test
    void missingWeightIsNamed() throws IOException {
        ModelProto model = ModelProto.parseFrom(MiniLm.bytes());
        GraphProto.Builder graph = model.getGraph().toBuilder();
        int norm = indexOf(graph.build(), "encoder.layer.3.output.LayerNorm.weight");
        graph.removeInitializer(norm);
        Path file = dir.resolve("no-norm.onnx");
        Files.write(file, model.toBuilder().setGraph(graph).build().toByteArray());
        OnnxWeights weights = OnnxWeights.read(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DjlEncoder.of(weights, MiniLm.HEADS));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("encoder.layer.3.output.LayerNorm.weight"),
                e.getMessage());
    }

    @Test
    void unnamedMatMulIsRejected() throws IOException {
        ModelProto model = ModelProto.parseFrom(MiniLm.bytes());
        GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            if (graph.getNode(i).getName().equals("/encoder/layer.2/attention/self/key/MatMul")) {
                graph.setNode(i, graph.getNode(i).toBuilder().setName("/encoder/layer.2/attention/self/value/MatMul"));
            }
        }
        IOException e = assertThrows(IOException.class, () -> OnnxWeights.read(
                new ByteArrayInputStream(model.toBuilder().setGraph(graph).build().toByteArray()), "renamed.onnx"));
        assertTrue(e.getMessage().startsWith("renamed.onnx") && e.getMessage().contains("encoder.layer.2.attention.self.key"), e.getMessage());
    }

    /** Writing weights back replaces exactly those initializers, transposing dense weights back to [in, out]. */
    @Test
    void writesReplacementsBack() throws IOException {
        OnnxWeights base = MiniLm.weights();
        WeightTensor query = base.tensors().get(QUERY_0);
        float[] changed = new float[384 * 384];
        query.values().get(changed);
        changed[5] += 1f; // out 0, in 5
        String bias = "encoder.layer.1.output.dense.bias";
        float[] zeros = new float[384];
        Path file = dir.resolve("changed.onnx");
        base.write(Map.of(QUERY_0, WeightTensor.of(new int[] {384, 384}, changed), bias, WeightTensor.of(new int[] {384}, zeros)), file);

        OnnxWeights read = OnnxWeights.read(file);
        assertEquals(base.tensors().keySet(), read.tensors().keySet());
        for (String name : base.tensors().keySet()) {
            float[] expected = name.equals(QUERY_0) ? changed : name.equals(bias) ? zeros : values(base.tensors().get(name));
            assertArrayEquals(expected, values(read.tensors().get(name)), name);
        }
        ModelProto written = ModelProto.parseFrom(Files.readAllBytes(file));
        ModelProto original = ModelProto.parseFrom(MiniLm.bytes());
        assertEquals(original.getGraph().getNodeList(), written.getGraph().getNodeList(), "the graph is unchanged");
        assertEquals(original.getGraph().getInitializer(0), written.getGraph().getInitializer(0), "position_ids are kept");
    }

    @Test
    void rejectsAReplacementOfAnotherShapeOrName() {
        OnnxWeights base = MiniLm.weights();
        Path file = dir.resolve("never.onnx");
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> base.write(Map.of(QUERY_0, WeightTensor.of(new int[] {2, 2}, new float[4])), file));
        assertTrue(shape.getMessage().contains(QUERY_0), shape.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> base.write(Map.of("pooler.dense.weight", WeightTensor.of(new int[] {1}, new float[1])), file));
        assertTrue(name.getMessage().contains("pooler.dense.weight"), name.getMessage());
        assertFalse(Files.exists(file));
    }

    private static int indexOf(GraphProto graph, String initializer) {
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().equals(initializer)) {
                return i;
            }
        }
        throw new AssertionError(initializer + " not in the model");
    }

    private static float[] values(WeightTensor tensor) {
        FloatBuffer buffer = tensor.values();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }
}
