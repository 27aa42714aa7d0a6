package org.hpolink.extract.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.hpolink.encode.EncoderModel;
import org.hpolink.encode.EncoderOptions;
import org.hpolink.encode.Encoding;
import org.hpolink.encode.TextEncoder;
import org.hpolink.encode.TokenStates;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;
import org.junit.jupiter.api.Test;

/** Word features pooled from the real MiniLM's word pieces by offsets. */
class WordStatesTest {

    @Test
    void eachWordIsTheMeanOfThePiecesOverlappingIt() throws IOException {
        String text = "EYES: hypertelorism, down-slanting";
        List<Token> words = new Tokenizer().tokenize(text);
        TokenStates states;
        try (TextEncoder encoder = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2_Q, new EncoderOptions(1, 1))) {
            states = encoder.encode(List.of(text)).get(0);
        }
        float[][] rows = WordStates.of(words, states);

        assertEquals(words.size(), rows.length);
        Encoding encoding = states.encoding();
        for (int w = 0; w < words.size(); w++) {
            Token word = words.get(w);
            int first = -1;
            int last = -1;
            for (int p = 0; p < encoding.length(); p++) {
                if (!encoding.isSpecial(p) && encoding.start(p) < word.end() && encoding.end(p) > word.start()) {
                    first = first < 0 ? p : first;
                    last = p;
                }
            }
            assertTrue(first >= 0, "every word has pieces: " + word);
            assertArrayEquals(states.mean(first, last + 1), rows[w], word.surface());
        }
        int hypertelorism = 2;
        assertEquals("hypertelorism", words.get(hypertelorism).surface());
        assertTrue(countPieces(encoding, words.get(hypertelorism)) > 1, "a long word is several pieces, averaged");
    }

    private static int countPieces(Encoding encoding, Token word) {
        int count = 0;
        for (int p = 0; p < encoding.length(); p++) {
            count += !encoding.isSpecial(p) && encoding.start(p) < word.end() && encoding.end(p) > word.start() ? 1 : 0;
        }
        return count;
    }
}
