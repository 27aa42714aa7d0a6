package org.hpolink.extract.grid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.hpolink.encode.train.BertEncoderBlock;
import org.hpolink.encode.train.BertShape;

/**
 * The grid network with its encoder inside, so that training tunes both: word pieces -> BERT encoder -> piece states
 * averaged over each word's pieces -> {@link GridNetwork}. Once trained, the encoder is served by ONNX Runtime and
 * the grid network alone reads its word states, as with a frozen encoder (see {@link GridModel}).
 *
 * <p>Inputs ({@link GridBatch} of {@link GridInput.WordPieces}): piece ids, attention mask and token types, int64
 * [batch, pieces]; the pooling of pieces to words, float32 [batch, words, pieces]; then the grid network's inputs
 * after its word features. Output: the grid network's scores.
 */
final class TunedGridNetwork extends AbstractBlock {

    private static final byte VERSION = 1;

    private final BertEncoderBlock encoder;
    private final GridNetwork grid;

    TunedGridNetwork(BertShape shape, GridConfig config) {
        super(VERSION);
        encoder = addChildBlock("encoder", new BertEncoderBlock(shape));
        // Placeholder values, replaced by the pretrained weights right after initialization.
        encoder.setInitializer(Initializer.ZEROS, parameter -> true);
        grid = addChildBlock("grid", new GridNetwork(config, shape.hidden()));
    }

    BertEncoderBlock encoder() {
        return encoder;
    }

    GridNetwork grid() {
        return grid;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape pieces = new Shape(1, 1);
        encoder.initialize(manager, dataType, pieces, pieces, pieces);
        Shape cells = new Shape(1, 1, 1);
        grid.initialize(manager, dataType, new Shape(1, 1, grid.features()), new Shape(1, 1), cells, cells, cells);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray states = encoder.forward(store, new NDList(inputs.get(0), inputs.get(1), inputs.get(2)), training).singletonOrThrow();
        NDList gridInputs = new NDList(inputs.get(3).matMul(states));
        gridInputs.addAll(inputs.subNDList(4));
        return grid.forward(store, gridInputs, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape pooling = inputShapes[3];
        return new Shape[] {new Shape(pooling.get(0), pooling.get(1), pooling.get(1), GridNetwork.RELATIONS)};
    }
}
