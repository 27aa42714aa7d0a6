package org.hpolink.encode.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FineTuneConfigTest {

    @Test
    void roundTripsThroughJson() throws IOException {
        ObjectMapper json = new ObjectMapper();
        FineTuneConfig config = FineTuneConfig.DEFAULTS.withSeed(5).withFrozen(Frozen.NOTHING);
        assertEquals(config, json.readValue(json.writeValueAsString(config), FineTuneConfig.class));
    }

    @Test
    void rejectsValuesThatCannotTrain() {
        FineTuneConfig d = FineTuneConfig.DEFAULTS;
        assertThrows(IllegalArgumentException.class, () -> d.withSteps(0));
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class, () -> d.withBatchPairs(1));
        assertEquals("batchPairs is 1, expected at least 2 (the other pairs are the negatives)", batch.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new FineTuneConfig(1, 1, 2, Double.NaN, 0, 0.05, Frozen.NOTHING));
        assertThrows(IllegalArgumentException.class,
                () -> new FineTuneConfig(1, 1, 2, 1e-5, -1, 0.05, Frozen.NOTHING));
        assertThrows(IllegalArgumentException.class,
                () -> new FineTuneConfig(1, 1, 2, 1e-5, 0, 0, Frozen.NOTHING));
        assertThrows(NullPointerException.class, () -> d.withFrozen(null));
    }
}
