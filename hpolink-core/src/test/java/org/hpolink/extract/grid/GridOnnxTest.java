package org.hpolink.extract.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpolink.text.Token;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exported graph computes what the DJL block computes, every parameter random, with and without hint grids. */
class GridOnnxTest {

    private static final int FEATURES = 12;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void onnxRuntimeGivesTheNetworksProbabilities(boolean hints) throws OrtException {
        GridConfig config = new GridConfig(3, GridConfig.DEFAULTS.encoder(), GridConfig.DEFAULTS.encoderLayers(), 6, 4, 5, 7, 8, 0.2, 1, 2, 8_192, 1e-3, 0, hints);
        SplittableRandom random = new SplittableRandom(11);
        // Observations of different lengths, so that padding, the reversal and the mask all matter.
        List<float[][]> features = List.of(randomRows(random, 5), randomRows(random, 2), randomRows(random, 7));
        List<WordGrid> hintGrids = hints ? features.stream().map(rows -> randomGrid(random, rows.length)).toList() : null;
        GridBatch batch = GridBatch.ofFeatures(features, hintGrids);
        try (Model model = Model.newInstance("grid-onnx-test", Device.cpu(), GridTrainer.ENGINE)) {
            GridNetwork network = new GridNetwork(config, FEATURES);
            model.setBlock(network);
            Shape cells = new Shape(1, 1, 1);
            List<Shape> shapes = new ArrayList<>(List.of(new Shape(1, 1, FEATURES), new Shape(1, 1), cells, cells));
            if (hints) {
                shapes.add(cells);
            }
            shapes.add(cells);
            network.initialize(model.getNDManager(), DataType.FLOAT32, shapes.toArray(Shape[]::new));
            // Random values everywhere: the initial zeros and ones (conditional layer norm, biases) would hide mistakes.
            for (Pair<String, Parameter> parameter : network.getParameters()) {
                float[] values = new float[Math.toIntExact(parameter.getValue().getArray().size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (random.nextDouble() - 0.5);
                }
                parameter.getValue().getArray().set(FloatBuffer.wrap(values));
            }
            float[] expected;
            try (NDManager manager = model.getNDManager().newSubManager()) {
                expected = network.forward(new ParameterStore(manager, false), batch.inputs(manager), false).singletonOrThrow()
                        .softmax(3).toFloatArray();
            }
            float[] actual = run(GridOnnx.export(network), batch);
            assertEquals(expected.length, actual.length);
            int length = batch.length();
            double largest = 0;
            for (int b = 0; b < features.size(); b++) {
                int n = features.get(b).length;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        for (int r = 0; r < GridNetwork.RELATIONS; r++) {
                            int cell = ((b * length + i) * length + j) * GridNetwork.RELATIONS + r;
                            largest = Math.max(largest, Math.abs(expected[cell] - actual[cell]));
                        }
                    }
                }
            }
            assertTrue(largest < 1e-5, "largest difference of a real cell's probability: " + largest);
        }
    }

    private static float[] run(byte[] onnx, GridBatch batch) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(onnx, new OrtSession.SessionOptions())) {
            Map<String, OnnxTensor> inputs = batch.onnxInputs(environment);
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] values = new float[output.remaining()];
                output.get(values);
                return values;
            } finally {
                inputs.values().forEach(OnnxTensor::close);
            }
        }
    }

    private static float[][] randomRows(SplittableRandom random, int words) {
        float[][] rows = new float[words][FEATURES];
        for (float[] row : rows) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        return rows;
    }

    /** A grid over {@code words} words with a few random relations where cells allow them. */
    private static WordGrid randomGrid(SplittableRandom random, int words) {
        List<Token> tokens = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            tokens.add(new Token(3 * w, 3 * w + 2, "w" + w, "w" + w, Token.Kind.WORD));
        }
        GridRelation[][] labels = new GridRelation[words][words];
        GridRelation[] relations = GridRelation.values();
        for (int i = 0; i < words; i++) {
            for (int j = 0; j < words; j++) {
                GridRelation relation = relations[random.nextInt(relations.length)];
                labels[i][j] = WordGrid.allowed(relation, i, j) ? relation : GridRelation.NONE;
            }
        }
        return WordGrid.of(tokens, labels);
    }
}
