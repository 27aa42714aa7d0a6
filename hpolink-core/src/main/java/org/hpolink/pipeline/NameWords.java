package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;

/**
 * The words of a name or a text as the document filters compare them: lower case, a plural made singular the simple
 * way ({@code dystrophies}, {@code shunts}).
 */
final class NameWords {

    private static final Tokenizer TOKENIZER = new Tokenizer();

    private NameWords() {
    }

    /** The words of {@code minLength} letters or more, in order; numbers and punctuation left out. */
    static List<String> of(String text, int minLength) {
        List<String> words = new ArrayList<>();
        for (Token token : TOKENIZER.tokenize(text)) {
            String word = token.normalized();
            if (token.isWord() && word.length() >= minLength) {
                words.add(singular(word));
            }
        }
        return words;
    }

    private static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }
}
