package org.hpolink.extract.grid;

import java.util.List;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;

/** The words of a grid: every token of the text, punctuation included (see {@link WordGrid}). */
public final class GridWords {

    private static final Tokenizer TOKENIZER = new Tokenizer();

    private GridWords() {
    }

    public static List<Token> of(String text) {
        return TOKENIZER.tokenize(text);
    }
}
