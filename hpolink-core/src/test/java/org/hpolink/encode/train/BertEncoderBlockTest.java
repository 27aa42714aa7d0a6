package org.hpolink.encode.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BertEncoderBlockTest {

    @Test
    void parametersCarryTheHuggingFaceNames() {
        BertShape shape = new BertShape(50, 8, 2, 2, 16, 10, 2);
        List<String> names = new BertEncoderBlock(shape).getParameters().keys();
        assertEquals(List.copyOf(shape.parameterShapes().keySet()), names);
        assertEquals(5 + 2 * 16, names.size());
        assertEquals("encoder.layer.1.attention.self.query.weight", names.get(5 + 16));
    }

    /** The whole encoder frozen under a trained head: DJL's trainer updates the head alone. */
    @Test
    void aFrozenEncoderUnderATrainedHead() {
        DjlEncoder base = MiniLm.encoder();
        try (DjlEncoder encoder = DjlEncoder.of(base.shape(), base.weights(), base.source());
             Model model = Model.newInstance("encoder-with-head", Device.cpu(), DjlEncoder.ENGINE)) {
            encoder.block().freezeParameters(true);
            SequentialBlock network = new SequentialBlock().add(encoder.block()).add(Linear.builder().setUnits(2).build());
            model.setBlock(network);
            Shape input = new Shape(1, 1);
            network.initialize(model.getNDManager(), DataType.FLOAT32, input, input, input);
            Parameter head = network.getChildren().get(1).getValue().getParameters().get("weight");
            float[] headBefore = head.getArray().toFloatArray();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optDevices(new Device[] {Device.cpu()})
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(config); NDManager step = trainer.getManager().newSubManager()) {
                TokenBatch batch = TokenBatch.padded(List.of(new long[] {101, 2000, 102}, new long[] {101, 2001, 2002, 102}));
                NDList inputs = batch.toNDList(step);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray output = trainer.forward(inputs).singletonOrThrow();
                    collector.backward(trainer.getLoss().evaluate(new NDList(output.zerosLike()), new NDList(output)));
                }
                trainer.step();
            }
            assertFalse(Arrays.equals(headBefore, head.getArray().toFloatArray()), "the head is trained");
            String query = "encoder.layer.0.attention.self.query.weight";
            assertArrayEquals(EncoderFineTunerTest.values(base.weights().get(query)),
                    EncoderFineTunerTest.values(encoder.weights().get(query)), "the encoder is not");
        }
    }
}
