package dev.copydesk.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Picks free loopback ports (KafkaRaftServer does not report the port it bound, so we choose first). */
public final class FreePorts {
    private FreePorts() {}

    /**
     * The ports this process has handed out. The system may hand a port it just released out again at once: a broker's
     * two listeners were once given the same port, and the broker refused to start.
     */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private static final int TRIES = 100;

    /** A free port on 127.0.0.1 that no earlier call in this process returned. */
    public static synchronized int pick() {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port on 127.0.0.1", e);
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException(
                "No free port on 127.0.0.1 that was not handed out already, in " + TRIES + " tries");
    }
}
