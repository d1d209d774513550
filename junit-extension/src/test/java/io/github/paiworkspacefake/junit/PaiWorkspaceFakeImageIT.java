package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.wait.strategy.DockerHealthcheckWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;

/** The image itself: its health check, user, configuration by environment and its stop on SIGTERM. */
@RequiresDocker
class PaiWorkspaceFakeImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthCheckReportsHealthy() {
        try (PaiWorkspaceFakeContainer fake = new PaiWorkspaceFakeContainer()) {
            fake.start();

            new DockerHealthcheckWaitStrategy()
                    .withStartupTimeout(Duration.ofSeconds(90))
                    .waitUntilReady(fake);

            assertThat(fake.getCurrentContainerInfo().getState().getHealth().getStatus())
                    .isEqualTo("healthy");
        }
    }

    @Test
    void fakeRunsAsNonRootUser() {
        try (PaiWorkspaceFakeContainer fake = new PaiWorkspaceFakeContainer()) {
            fake.start();

            TopContainerResponse processes = fake.getDockerClient()
                    .topContainerCmd(fake.getContainerId())
                    .withPsArgs("-o pid,uid,gid,args")
                    .exec();

            List<String> titles = Arrays.asList(processes.getTitles());
            assertThat(processes.getProcesses()).hasNumberOfRows(1);
            String[] java = processes.getProcesses()[0];
            assertThat(java[titles.indexOf("UID")]).isEqualTo("10001");
            assertThat(java[titles.indexOf("GID")]).isEqualTo("10001");
            assertThat(java[titles.indexOf("COMMAND")]).startsWith("java ");
        }
    }

    @Test
    void sigtermStopsTheFakeCleanly() {
        try (PaiWorkspaceFakeContainer fake = new PaiWorkspaceFakeContainer()) {
            fake.start();
            DockerClient docker = fake.getDockerClient();

            docker.stopContainerCmd(fake.getContainerId()).withTimeout(60).exec();

            InspectContainerResponse.ContainerState state =
                    docker.inspectContainerCmd(fake.getContainerId()).exec().getState();
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hook and exited; 137 would mean it had to be killed.
            assertThat(state.getExitCodeLong()).isEqualTo(143L);
            assertThat(fake.getLogs()).contains("PAI Workspace fake stopped.");
        }
    }

    @Test
    void regionComesFromTheEnvironment() throws Exception {
        try (PaiWorkspaceFakeContainer fake = new PaiWorkspaceFakeContainer().withRegion("eu-central-1")) {
            fake.start();

            assertThat(hostIdOfAnError(fake.getBaseUrl())).isEqualTo("aiworkspace.eu-central-1.aliyuncs.com");
        }
    }

    @Test
    void extraFlagsComeFromPaiFakeArgs() throws Exception {
        try (PaiWorkspaceFakeContainer fake =
                new PaiWorkspaceFakeContainer().withEnv("PAI_FAKE_ARGS", "--region ap-southeast-1")) {
            fake.start();

            assertThat(hostIdOfAnError(fake.getBaseUrl())).isEqualTo("aiworkspace.ap-southeast-1.aliyuncs.com");
        }
    }

    @Test
    void containerArgumentsComeLastAndWin() throws Exception {
        try (PaiWorkspaceFakeContainer fake =
                new PaiWorkspaceFakeContainer().withRegion("eu-central-1").withCommand("--region", "us-west-1")) {
            fake.start();

            assertThat(hostIdOfAnError(fake.getBaseUrl())).isEqualTo("aiworkspace.us-west-1.aliyuncs.com");
        }
    }

    @Test
    void portComesFromTheEnvironment() throws Exception {
        try (PaiWorkspaceFakeContainer fake = new PaiWorkspaceFakeContainer()
                .withEnv("PAI_FAKE_PORT", "9090")
                .withExposedPorts(9090)
                .waitingFor(Wait.forHttp("/").forPort(9090).forStatusCode(404))) {
            fake.start();

            String baseUrl = "http://" + fake.getHost() + ":" + fake.getMappedPort(9090);
            assertThat(hostIdOfAnError(baseUrl)).isEqualTo("aiworkspace.cn-hangzhou.aliyuncs.com");
        }
    }

    /** The {@code HostId} of the JSON error the fake answers an unknown workspace with. */
    private static String hostIdOfAnError(String baseUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/workspaces/999999"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        return JSON.readTree(response.body()).path("HostId").asText();
    }
}
