package org.hpolink.encode;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An encoder's ONNX graph cut after its first layers: its {@code last_hidden_state} becomes the output of layer
 * {@code n} (0: of the embeddings), and the nodes and weights only later layers use are dropped, so they cost
 * nothing to run. The four models of {@link EncoderModel} were exported alike: each layer ends in the node
 * {@code /encoder/layer.<i>/output/LayerNorm/Add_1}, the embeddings in {@code /embeddings/LayerNorm/Add_1}.
 */
public final class EncoderLayers {

    private static final String OUTPUT = "last_hidden_state";

    private EncoderLayers() {
    }

    /** The name of the node whose output is the states after the first {@code layers} layers. */
    static String lastNode(int layers) {
        return layers == 0 ? "/embeddings/LayerNorm/Add_1" : "/encoder/layer." + (layers - 1) + "/output/LayerNorm/Add_1";
    }

    /**
     * The graph {@code onnx} (of {@code model}, named {@code source} in messages) that stops after its first
     * {@code layers} layers; the graph itself when that is all of them.
     *
     * @throws ModelFormatException if the bytes are not an ONNX model, or one without the node that ends that layer
     */
    public static byte[] first(byte[] onnx, EncoderModel model, int layers, String source) throws ModelFormatException {
        if (layers < 0 || layers > model.layers()) {
            throw new IllegalArgumentException("layers is " + layers + ": " + model + " has " + model.layers());
        }
        if (layers == model.layers()) {
            return onnx;
        }
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(onnx);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelFormatException(source + " is not an ONNX model: " + e.getMessage(), e);
        }
        GraphProto graph = proto.getGraph();
        String lastNode = lastNode(layers);
        NodeProto end = graph.getNodeList().stream().filter(n -> n.getName().equals(lastNode)).findFirst()
                .orElseThrow(() -> new ModelFormatException(source + ": no node " + lastNode + " ends layer " + layers
                        + ": the graph cannot be cut there"));
        ValueInfoProto output = graph.getOutputList().stream().filter(o -> o.getName().equals(OUTPUT)).findFirst()
                .orElseThrow(() -> new ModelFormatException(source + ": output " + OUTPUT + " is missing"));

        // The nodes the cut output depends on, found backwards from it; every other node only serves later layers.
        Map<String, Integer> producer = new HashMap<>();
        for (int n = 0; n < graph.getNodeCount(); n++) {
            for (String produced : graph.getNode(n).getOutputList()) {
                producer.put(produced, n);
            }
        }
        BitSet needed = new BitSet(graph.getNodeCount());
        Set<String> read = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(end.getOutput(0)));
        while (!pending.isEmpty()) {
            String tensor = pending.pop();
            Integer node = producer.get(tensor);
            if (read.add(tensor) && node != null && !needed.get(node)) {
                needed.set(node);
                pending.addAll(graph.getNode(node).getInputList());
            }
        }
        GraphProto.Builder cut = graph.toBuilder().clearNode().clearInitializer().clearValueInfo().clearOutput();
        for (int n = 0; n < graph.getNodeCount(); n++) {
            if (needed.get(n)) {
                cut.addNode(graph.getNode(n));
            }
        }
        cut.addNode(NodeProto.newBuilder().setName("first_" + layers + "_layers").setOpType("Identity")
                .addInput(end.getOutput(0)).addOutput(OUTPUT));
        for (TensorProto weight : graph.getInitializerList()) {
            if (read.contains(weight.getName())) {
                cut.addInitializer(weight);
            }
        }
        cut.addOutput(output);
        return proto.toBuilder().setGraph(cut).build().toByteArray();
    }
}
