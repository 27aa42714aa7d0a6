package org.hpolink.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TokenStatesTest {

    @Test
    void theMeanOfOnePieceIsItsStateAndOfSeveralTheirAverage() throws IOException {
        Encoding encoding = WordPieceTokenizer.forModel(EncoderModel.ALL_MINILM_L6_V2_Q).encode("low ears");
        assertEquals(4, encoding.length(), "[CLS] low ears [SEP]");
        float[] values = new float[4 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.1f * (i + 1) + 1e-7f * i * i;
        }
        TokenStates states = new TokenStates(encoding, 2, values);

        assertArrayEquals(states.state(1), states.mean(1, 2));
        float[] mean = states.mean(1, 3);
        for (int j = 0; j < 2; j++) {
            assertEquals((float) (((double) values[2 + j] + values[4 + j]) / 2), mean[j]);
        }
        assertThrows(IllegalArgumentException.class, () -> states.mean(2, 2));
        assertThrows(IllegalArgumentException.class, () -> states.mean(3, 5));
    }
}
