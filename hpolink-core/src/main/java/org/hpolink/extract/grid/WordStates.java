package org.hpolink.extract.grid;

import java.util.List;
import org.hpolink.encode.Encoding;
import org.hpolink.encode.TokenStates;
import org.hpolink.text.Token;

/**
 * The grid model's word features: for each word (a {@link Token} of the observation), the mean encoder state of the
 * word pieces whose characters overlap it. Offsets tie the two tokenizations together, never string search.
 */
public final class WordStates {

    private WordStates() {
    }

    /**
     * One row per word. A word no piece overlaps (past the encoder's length limit) gets zeros.
     *
     * @param states the encoder's states for the same text the words come from
     */
    public static float[][] of(List<Token> words, TokenStates states) {
        int[][] pieces = pieces(words, states.encoding());
        float[][] rows = new float[words.size()][];
        for (int w = 0; w < words.size(); w++) {
            rows[w] = pieces[w][1] > pieces[w][0] ? states.mean(pieces[w][0], pieces[w][1]) : new float[states.width()];
        }
        return rows;
    }

    /**
     * For each word, the pieces of {@code encoding} that overlap it, as {first, end} (end exclusive; empty for a word
     * past the encoder's length limit). Special pieces belong to no word.
     */
    static int[][] pieces(List<Token> words, Encoding encoding) {
        int[][] ranges = new int[words.size()][];
        int piece = 0;
        for (int w = 0; w < words.size(); w++) {
            Token word = words.get(w);
            // Pieces and words both run left to right: skip the pieces that end before this word starts.
            while (piece < encoding.length() && (encoding.isSpecial(piece) || encoding.end(piece) <= word.start())) {
                piece++;
            }
            int last = piece;
            while (last < encoding.length() && !encoding.isSpecial(last) && encoding.start(last) < word.end()) {
                last++;
            }
            ranges[w] = new int[] {piece, last};
        }
        return ranges;
    }
}
