package org.hpolink.encode;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLStreamHandler;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes every network access of this JVM fail loudly and counts the attempts, for code that must work offline.
 *
 * <p>The guards are process-wide and cannot be removed (Java allows one socket factory per JVM), so they belong in a
 * JVM of their own: {@link #runIsolated} starts one with a main class that calls {@link #install()} first. Sockets
 * (plain, server, datagram), URL connections over http, https and ftp, proxy selection, and NIO channels (through
 * {@link Channels}, named by a system property at start-up) are covered; native code that opens sockets itself is not.
 */
public final class NoNetwork {

    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    private NoNetwork() {
    }

    /** Installs the guards; call it once, first thing in main. */
    @SuppressWarnings("deprecation") // The socket factories are deprecated, and still the only process-wide hook.
    public static void install() throws IOException {
        Socket.setSocketImplFactory(() -> refuse("a socket"));
        ServerSocket.setSocketFactory(() -> refuse("a server socket"));
        DatagramSocket.setDatagramSocketImplFactory(() -> refuse("a datagram socket"));
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return refuse("a connection to " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                refuse("a connection to " + uri);
            }
        });
        URL.setURLStreamHandlerFactory(protocol -> switch (protocol) {
            case "http", "https", "ftp" -> refuse("a " + protocol + " URL");
            default -> (URLStreamHandler) null;
        });
    }

    /** Network accesses attempted since the guards were installed. */
    public static int attempts() {
        return ATTEMPTS.get();
    }

    /** Checks that each kind of access fails, then sets the count back to zero; throws if one got through. */
    public static void selfCheck() {
        List<String> open = new ArrayList<>();
        probe("new Socket", () -> new Socket(InetAddress.getLoopbackAddress(), 9).close(), open);
        probe("SocketChannel.open", () -> SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9)).close(), open);
        probe("URL.openConnection", () -> new URL("http://127.0.0.1:9/").openConnection().connect(), open);
        probe("DatagramSocket", () -> new DatagramSocket().close(), open);
        if (!open.isEmpty()) {
            throw new IllegalStateException("the network guards let these through: " + open);
        }
        ATTEMPTS.set(0);
    }

    private interface Access {
        void run() throws Exception;
    }

    private static void probe(String name, Access access, List<String> open) {
        int before = ATTEMPTS.get();
        try {
            access.run();
        } catch (Exception | Error e) {
            if (ATTEMPTS.get() > before) {
                return;
            }
        }
        open.add(name);
    }

    private static <T> T refuse(String what) {
        ATTEMPTS.incrementAndGet();
        throw new NetworkAccessRefused("network access attempted: " + what);
    }

    /**
     * Runs {@code mainClass} in a new JVM with this test classpath and the NIO guard, and returns its exit code
     * and output. Gives up after {@code timeoutSeconds}.
     */
    public static Result runIsolated(Class<?> mainClass, long timeoutSeconds) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The classpath goes through the environment: ONNX Runtime 1.29.0 crashes (SIGSEGV) on start-up in a JVM
        // whose command line is longer than about 4 KB.
        ProcessBuilder builder = new ProcessBuilder(java.toString(),
                "-Djava.nio.channels.spi.SelectorProvider=" + Channels.class.getName(), mainClass.getName())
                .redirectErrorStream(true);
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(mainClass.getName() + " did not finish within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** What an isolated run gave. */
    public record Result(int exitCode, String output) {
    }

    /** The refusal: an unchecked exception, so that it gets through every signature. */
    public static final class NetworkAccessRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NetworkAccessRefused(String message) {
            super(message);
        }
    }

    /** The NIO provider of an isolated JVM: every channel and selector is refused. */
    public static final class Channels extends SelectorProvider {

        @Override
        public DatagramChannel openDatagramChannel() {
            return refuse("a datagram channel");
        }

        @Override
        public DatagramChannel openDatagramChannel(ProtocolFamily family) {
            return refuse("a datagram channel");
        }

        @Override
        public Pipe openPipe() {
            return refuse("a pipe");
        }

        @Override
        public AbstractSelector openSelector() {
            return refuse("a selector");
        }

        @Override
        public ServerSocketChannel openServerSocketChannel() {
            return refuse("a server socket channel");
        }

        @Override
        public SocketChannel openSocketChannel() {
            return refuse("a socket channel");
        }
    }
}
