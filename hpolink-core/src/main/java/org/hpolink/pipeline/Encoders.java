package org.hpolink.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpolink.encode.EncoderModel;
import org.hpolink.encode.EncoderOptions;
import org.hpolink.encode.FrozenEncoders;
import org.hpolink.encode.TextEncoder;
import org.hpolink.normalize.Embedders;
import org.hpolink.normalize.TextEmbedder;

/**
 * The sentence encoders a pipeline or a command uses: each pretrained one (whole, or cut after its first layers) opened
 * (from the classpath, with this object's options) the first time a text is embedded with it, tuned ones (a
 * normalizer's) when asked for; all closed with this object. Thread-safe.
 */
public final class Encoders implements Embedders, FrozenEncoders, AutoCloseable {

    /** A pretrained model cut after its first layers. */
    private record Pretrained(EncoderModel model, int layers) {
    }

    private final EncoderOptions options;
    private final Map<Pretrained, TextEncoder> open = new HashMap<>();
    private final List<TextEncoder> tuned = new ArrayList<>();

    /** Encoders with the default options. */
    public Encoders() {
        this(EncoderOptions.defaults());
    }

    public Encoders(EncoderOptions options) {
        this.options = options;
    }

    public EncoderOptions options() {
        return options;
    }

    /** Embeds with {@code model}, opening it on first use. */
    @Override
    public TextEmbedder pretrained(EncoderModel model) {
        return texts -> TextEmbedder.of(encoder(model)).embed(texts);
    }

    @Override
    public synchronized TextEmbedder tuned(EncoderModel model, byte[] onnx, String source) throws IOException {
        TextEncoder encoder = TextEncoder.open(model, onnx, source, options);
        tuned.add(encoder);
        return TextEmbedder.of(encoder);
    }

    /** The encoder of {@code model}, opened on first use. */
    public TextEncoder encoder(EncoderModel model) {
        return encoder(model, model.layers());
    }

    /** The encoder of {@code model} cut after its first {@code layers} layers, opened on first use. */
    @Override
    public synchronized TextEncoder encoder(EncoderModel model, int layers) {
        Pretrained key = new Pretrained(model, layers);
        TextEncoder encoder = open.get(key);
        if (encoder == null) {
            try {
                encoder = TextEncoder.open(model, layers, options);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the encoder " + model + ": " + e.getMessage(), e);
            }
            open.put(key, encoder);
        }
        return encoder;
    }

    /** Closes the tuned encoders opened so far, whose embedders must no longer be used. */
    public synchronized void closeTuned() {
        tuned.forEach(TextEncoder::close);
        tuned.clear();
    }

    @Override
    public synchronized void close() {
        open.values().forEach(TextEncoder::close);
        open.clear();
        closeTuned();
    }
}
