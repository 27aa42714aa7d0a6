package org.hpolink.encode;

/** Where a model that reads an untrained encoder's states gets that encoder: opened, or shared, by the caller, who closes it. */
@FunctionalInterface
public interface FrozenEncoders {

    /** The pretrained {@code model}, cut after its first {@code layers} layers ({@link TextEncoder#open(EncoderModel, int, EncoderOptions)}). */
    TextEncoder encoder(EncoderModel model, int layers);
}
