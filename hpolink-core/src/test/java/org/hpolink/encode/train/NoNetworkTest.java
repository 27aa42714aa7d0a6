package org.hpolink.encode.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loading, encoding (DJL and ONNX Runtime) and a training step attempt no network access: every socket this JVM
 * would open, and every proxy lookup of a URL connection, fails loudly and is counted. The factories cannot be
 * reset, so surefire runs this class alone in a JVM of its own (execution "no-network").
 */
class NoNetworkTest {

    private static final List<String> ATTEMPTS = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("deprecation") // the socket factories are the one hook every java.net socket goes through
    static void forbidTheNetwork() throws IOException {
        Socket.setSocketImplFactory(() -> {
            throw refuse("socket");
        });
        ServerSocket.setSocketFactory(() -> {
            throw refuse("server socket");
        });
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                throw refuse("connection to " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                throw refuse("connection to " + uri);
            }
        });
    }

    private static synchronized IllegalStateException refuse(String what) {
        ATTEMPTS.add(what);
        return new IllegalStateException("network access attempted in a test that forbids it: " + what);
    }

    @Test
    void encodesAndTrainsOffline() throws OrtException {
        assertThrows(IllegalStateException.class, () -> new Socket().connect(new InetSocketAddress("127.0.0.1", 9)));
        assertThrows(IllegalStateException.class, () -> new URL("http://127.0.0.1:9/").openStream());
        assertEquals(List.of("socket", "connection to http://127.0.0.1:9/"), attempts(), "the guard catches both kinds");
        synchronized (NoNetworkTest.class) {
            ATTEMPTS.clear();
        }

        TokenBatch batch = MiniLm.batch(MiniLm.sequences(3, 5));
        DjlEncoder encoder = MiniLm.encoder();
        HiddenStates states = encoder.lastHiddenState(batch);
        try (OrtSession session = MiniLm.session(MiniLm.bytes())) {
            assertTrue(MiniLm.maxAbsDifference(states, MiniLm.lastHiddenState(session, batch), batch) < 1e-4);
        }
        List<Float> losses = new ArrayList<>();
        new EncoderFineTuner(FineTuneConfig.DEFAULTS.withSteps(1).withBatchPairs(2))
                .train(encoder, Pairs.of(2, 9), (step, loss) -> losses.add(loss)).close();
        assertEquals(1, losses.size());
        assertTrue(Float.isFinite(losses.get(0)), "loss " + losses);
        assertEquals(List.of(), attempts(), "no network access was attempted");
    }

    private static synchronized List<String> attempts() {
        return List.copyOf(ATTEMPTS);
    }
}
