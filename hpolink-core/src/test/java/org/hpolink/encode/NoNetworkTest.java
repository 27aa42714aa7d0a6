package org.hpolink.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Encoding works with every network access refused, in a JVM of its own so that the guards stay there. */
class NoNetworkTest {

    @Test
    void encodesWithTheNetworkRefused() throws Exception {
        NoNetwork.Result result = NoNetwork.runIsolated(OfflineEncoding.class, 120);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("encoded 3 phrases into 384 floats each; no network access attempted"), result.output());
    }

    /** The guards are real: a main that connects somewhere fails. */
    @Test
    void anAttemptedConnectionFailsTheRun() throws Exception {
        NoNetwork.Result result = NoNetwork.runIsolated(Connects.class, 60);
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("NetworkAccessRefused: network access attempted: a socket"), result.output());
    }

    /** Main class of the JVM that tries to connect. */
    public static final class Connects {
        private Connects() {
        }

        public static void main(String[] args) throws Exception {
            NoNetwork.install();
            new java.net.Socket("127.0.0.1", 9).close();
        }
    }
}
