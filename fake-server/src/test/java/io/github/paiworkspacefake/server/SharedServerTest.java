package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every fake of a JVM shares one web server, each on a connector of its own: state, settings and ports stay apart,
 * closing releases the port at once, and nothing leaks over many fakes.
 */
class SharedServerTest {

    @Test
    void fakesOnTheSharedServerKeepTheirOwnStateSettingsAndPorts() {
        try (PaiWorkspaceFake plain = PaiWorkspaceFake.builder().build().start();
                PaiWorkspaceFake strict = PaiWorkspaceFake.builder()
                        .regionId("cn-beijing")
                        .accessKey("LTAI5tK", "S")
                        .build()
                        .start();
                PaiWorkspaceFake admin =
                        PaiWorkspaceFake.builder().adminApi(true).build().start()) {
            ApiClient plainApi = new ApiClient(plain.baseUrl());
            plainApi.createWorkspace("only_here");

            assertThat(plain.port()).isNotEqualTo(strict.port()).isNotEqualTo(admin.port());
            assertThat(new ApiClient(admin.baseUrl())
                            .get("/api/v1/workspaces")
                            .body()
                            .get("TotalCount")
                            .asLong())
                    .isZero();
            ApiClient.Reply unsigned = new ApiClient(strict.baseUrl()).get("/api/v1/workspaces");
            assertThat(unsigned.status()).isEqualTo(400);
            assertThat(unsigned.body().get("HostId").asText()).isEqualTo("aiworkspace.cn-beijing.aliyuncs.com");
            assertThat(new ApiClient(admin.baseUrl()).get("/__admin/requests").status())
                    .isEqualTo(200);
            assertError(plainApi.get("/__admin/requests"), 404, "InvalidApi.NotFound");
            assertThat(plain.requests()).hasSize(1);
            assertThat(admin.requests()).hasSize(1);
        }
    }

    @Test
    void closeReleasesThePortAtOnceAndNothingAnswersThereAfterwards() throws Exception {
        PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
        int port = fake.port();
        new ApiClient(fake.baseUrl()).createWorkspace("kept_alive");

        fake.close();

        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            throw new AssertionError("something still answers on port " + port);
        } catch (ConnectException expected) {
            // refused: the port is closed
        }
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aFixedPortAndAnotherBindHostWork() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        try (PaiWorkspaceFake fixed =
                        PaiWorkspaceFake.builder().port(free).build().start();
                PaiWorkspaceFake other =
                        PaiWorkspaceFake.builder().host("127.0.0.2").build().start()) {
            assertThat(fixed.port()).isEqualTo(free);
            assertThat(new ApiClient(fixed.baseUrl()).get("/api/v1/workspaces").status())
                    .isEqualTo(200);
            assertThat(other.baseUrl()).startsWith("http://127.0.0.2:");
            assertThat(new ApiClient(other.baseUrl()).get("/api/v1/workspaces").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aPortInUseIsRefusedClearlyAndLeavesTheServerWorking() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            PaiWorkspaceFake fake =
                    PaiWorkspaceFake.builder().port(taken.getLocalPort()).build();
            org.assertj.core.api.Assertions.assertThatThrownBy(fake::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
        try (PaiWorkspaceFake next = PaiWorkspaceFake.builder().build().start()) {
            assertThat(new ApiClient(next.baseUrl()).get("/api/v1/workspaces").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void threadsAndFileDescriptorsStayFlatOverTenThousandFakes() throws IOException {
        warmUp();
        int threadsBefore = Thread.activeCount();
        long descriptorsBefore = openDescriptors();

        for (int i = 0; i < 10_000; i++) {
            PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
            if (i % 100 == 0) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fake.port())) {
                    socket.getOutputStream()
                            .write("GET /api/v1/workspaces HTTP/1.1\r\nHost: x\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                    assertThat(socket.getInputStream().read()).isEqualTo('H');
                    fake.close();
                }
            } else {
                fake.close();
            }
        }

        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 4);
        assertThat(openDescriptors()).isLessThanOrEqualTo(descriptorsBefore + 20);
    }

    private static void warmUp() {
        for (int i = 0; i < 50; i++) {
            PaiWorkspaceFake.builder().build().start().close();
        }
    }

    private static long openDescriptors() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }
}
