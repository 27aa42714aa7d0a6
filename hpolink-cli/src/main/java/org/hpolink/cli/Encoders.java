package org.hpolink.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.hpolink.encode.EncoderModel;
import org.hpolink.encode.EncoderOptions;
import org.hpolink.encode.TextEncoder;
import org.hpolink.normalize.TextEmbedder;

/**
 * The sentence encoders a command uses, each opened (from the classpath, with this object's options) the first time a
 * text is embedded with it, and all closed with this object. Thread-safe.
 */
final class Encoders implements AutoCloseable {

    private final EncoderOptions options;
    private final Map<EncoderModel, TextEncoder> open = new EnumMap<>(EncoderModel.class);

    /** Encoders with the default options. */
    Encoders() {
        this(EncoderOptions.defaults());
    }

    Encoders(EncoderOptions options) {
        this.options = options;
    }

    EncoderOptions options() {
        return options;
    }

    /** Embeds with {@code model}, opening it on first use. */
    TextEmbedder embedder(EncoderModel model) {
        return texts -> TextEmbedder.of(encoder(model)).embed(texts);
    }

    /** The encoder of {@code model}, opened on first use. */
    synchronized TextEncoder encoder(EncoderModel model) {
        TextEncoder encoder = open.get(model);
        if (encoder == null) {
            try {
                encoder = TextEncoder.open(model, options);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the encoder " + model + ": " + e.getMessage(), e);
            }
            open.put(model, encoder);
        }
        return encoder;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(TextEncoder::close);
        open.clear();
    }
}
