package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.paiworkspacefake.server.standalone.PaiWorkspaceFakeHealthCheck;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PaiWorkspaceFakeHealthCheckTest {

    @Test
    void runningFakeIsHealthy() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            assertThat(PaiWorkspaceFakeHealthCheck.problem(String.valueOf(fake.port())))
                    .isNull();
        }
    }

    @Test
    void portWithoutAnyServerIsUnhealthy() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        assertThat(PaiWorkspaceFakeHealthCheck.problem(String.valueOf(freePort)))
                .contains("no answer");
    }

    @Test
    void serverThatIsNotTheFakeIsUnhealthy() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = "<html>hello</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            assertThat(PaiWorkspaceFakeHealthCheck.problem(
                            String.valueOf(other.getAddress().getPort())))
                    .contains("without the fake's JSON body");
        } finally {
            other.stop(0);
        }
    }
}
