package org.hpolink.extract.grid;

import java.util.ArrayList;
import java.util.List;
import org.hpolink.encode.TextEncoder;
import org.hpolink.encode.TokenStates;
import org.hpolink.text.Token;

/** The grid model's input for texts: the encoder's states pooled to the words of {@link GridWords} ({@link WordStates}). */
public final class GridFeatures {

    private final TextEncoder encoder;

    public GridFeatures(TextEncoder encoder) {
        this.encoder = encoder;
    }

    public TextEncoder encoder() {
        return encoder;
    }

    /** One matrix per text, one row per word. */
    public List<float[][]> of(List<String> texts) {
        return of(texts, texts.stream().map(GridWords::of).toList());
    }

    /** {@link #of(List)} for texts whose words ({@link GridWords#of}) the caller has already. */
    public List<float[][]> of(List<String> texts, List<List<Token>> words) {
        List<TokenStates> states = encoder.encode(texts);
        List<float[][]> features = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            features.add(WordStates.of(words.get(i), states.get(i)));
        }
        return features;
    }
}
