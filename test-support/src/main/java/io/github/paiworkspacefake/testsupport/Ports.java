package io.github.paiworkspacefake.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;

/** Facts about loopback ports, for tests that check a fake let go of its port. */
public final class Ports {

    private Ports() {}

    /** Whether anything accepts connections on this loopback port. */
    public static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
