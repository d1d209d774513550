package io.github.paiworkspacefake.junit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Finds out, in seconds and once per JVM, whether the container tests can use Docker: whether an engine answers, and
 * whether Testcontainers can learn the address of the Docker host without the wait that would otherwise come first.
 *
 * <p>Testcontainers 2.0 inside a container ({@code /.dockerenv}), talking to the engine through a socket and not told
 * {@code TESTCONTAINERS_HOST_OVERRIDE}, takes the gateway of the engine's {@code bridge} network as the Docker host;
 * when the engine names none, it starts the helper image {@code alpine:3.17} to read the container's default route.
 * Without a registry that pull is retried for two minutes, for every test class, and the first class using
 * {@code @Testcontainers(disabledWithoutDocker = true)} is skipped as if there were no Docker. This probe asks the
 * same questions first, without the helper, and says what is missing.
 */
final class DockerProbe {

    /** The image Testcontainers 2.0 starts to read the default gateway ({@code DockerClientFactory.TINY_IMAGE}). */
    static final DockerImageName HELPER_IMAGE = DockerImageName.parse("alpine:3.17");

    private static final String HOST_OVERRIDE_VARIABLE = "TESTCONTAINERS_HOST_OVERRIDE";
    private static final String SEE_DOCS = " (docs/container.md, \"Docker-in-Docker and containerised CI\")";
    private static final long HELPER_PULL_SECONDS = 20;

    /** What the probe found. */
    enum Outcome {
        /** An engine answers and Testcontainers can reach the containers it starts. */
        READY,
        /** No Docker engine answers. */
        NO_ENGINE,
        /** An engine answers, but Testcontainers could not use it without waiting minutes and failing. */
        UNUSABLE
    }

    /** The outcome and, in words, why. */
    record Result(Outcome outcome, String reason) {

        static Result ready(String reason) {
            return new Result(Outcome.READY, reason);
        }

        static Result noEngine(String reason) {
            return new Result(Outcome.NO_ENGINE, reason);
        }

        static Result unusable(String reason) {
            return new Result(Outcome.UNUSABLE, reason);
        }
    }

    private DockerProbe() {}

    /** The probe's result for this JVM; it runs once, on first use. */
    static Result result() {
        return Once.RESULT;
    }

    private static final class Once {
        static final Result RESULT = probe(System::getenv, Files.exists(Path.of("/.dockerenv")));
    }

    static Result probe(UnaryOperator<String> environment, boolean insideAContainer) {
        TransportConfig transport;
        try {
            transport = DockerClientFactory.instance().getTransportConfig();
        } catch (IllegalStateException e) {
            return Result.noEngine("No Docker engine answers (Testcontainers: " + e.getMessage() + ")");
        }
        URI dockerHost = transport.getDockerHost();
        String hostOverride = environment.apply(HOST_OVERRIDE_VARIABLE);
        if (hostOverride != null && !hostOverride.isBlank()) {
            return Result.ready("Docker at " + dockerHost + ", containers reached at " + hostOverride + " ("
                    + HOST_OVERRIDE_VARIABLE + ")");
        }
        String scheme = dockerHost.getScheme();
        boolean socket = "unix".equals(scheme) || "npipe".equals(scheme);
        if (!socket || !insideAContainer) {
            return Result.ready("Docker at " + dockerHost);
        }
        try (DockerClient client = DockerClientProviderStrategy.getClientForConfig(transport)) {
            return hostAddressInsideAContainer(client, dockerHost);
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Result.unusable("The Docker engine at " + dockerHost
                    + " answered Testcontainers but not this probe: " + e + SEE_DOCS);
        }
    }

    private static Result hostAddressInsideAContainer(DockerClient client, URI dockerHost) throws InterruptedException {
        Optional<String> gateway = bridgeGateway(client);
        if (gateway.isPresent()) {
            return Result.ready("Docker at " + dockerHost + ", containers reached at the bridge network's gateway "
                    + gateway.get());
        }
        DockerImageName helper = ImageNameSubstitutor.instance().apply(HELPER_IMAGE);
        if (imagePresent(client, helper)) {
            return Result.ready("Docker at " + dockerHost + ", containers reached at the default gateway that "
                    + helper.asCanonicalNameString() + " reads");
        }
        String pullFailure;
        try {
            client.pullImageCmd(helper.getUnversionedPart())
                    .withTag(helper.getVersionPart())
                    .exec(new PullImageResultCallback())
                    .awaitCompletion(HELPER_PULL_SECONDS, TimeUnit.SECONDS);
            // Pulled, or still pulling from a registry that answers: Testcontainers will have it.
            return Result.ready("Docker at " + dockerHost + ", containers reached at the default gateway that "
                    + helper.asCanonicalNameString() + " reads (pulled)");
        } catch (RuntimeException e) { // the engine's error, or docker-java's "Could not pull image"
            pullFailure = String.valueOf(e.getMessage()).strip();
        }
        return Result.unusable("Testcontainers cannot learn the Docker host's address: it runs inside a container"
                + " (/.dockerenv), talks to the engine through " + dockerHost + ", TESTCONTAINERS_HOST_OVERRIDE is not"
                + " set and the engine's bridge network names no gateway, so it would start the helper image "
                + helper.asCanonicalNameString() + ", which is not on the engine and cannot be pulled (" + pullFailure
                + "); it would retry for two minutes per test class. Set TESTCONTAINERS_HOST_OVERRIDE to the address"
                + " at which the engine publishes container ports: localhost when the engine runs in this very"
                + " container (mvn verify sets that itself when /var/run/docker.pid exists and DOCKER_HOST is not"
                + " set), the Docker host's address when its socket is mounted from outside; or make "
                + helper.asCanonicalNameString() + " available to the engine" + SEE_DOCS);
    }

    private static Optional<String> bridgeGateway(DockerClient client) {
        Network.Ipam ipam;
        try {
            ipam = client.inspectNetworkCmd().withNetworkId("bridge").exec().getIpam();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        List<Network.Ipam.Config> configs = ipam == null ? null : ipam.getConfig();
        return configs == null
                ? Optional.empty()
                : configs.stream()
                        .map(Network.Ipam.Config::getGateway)
                        .filter(Objects::nonNull)
                        .findAny();
    }

    private static boolean imagePresent(DockerClient client, DockerImageName image) {
        try {
            client.inspectImageCmd(image.asCanonicalNameString()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
