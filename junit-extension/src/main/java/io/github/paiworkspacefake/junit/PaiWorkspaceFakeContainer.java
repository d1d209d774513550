package io.github.paiworkspacefake.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The PAI Workspace fake in a Docker container, for Testcontainers: {@code new PaiWorkspaceFakeContainer()} runs
 * the image {@code pai-workspace-fake} of this library's version and is ready once the fake answers.
 *
 * <p>Point plain HTTP at {@link #getBaseUrl()} and the official SDK's {@code Config.setEndpoint} at
 * {@link #getEndpoint()} (with protocol {@code http}). Testcontainers is an optional dependency of this module: add
 * {@code org.testcontainers:testcontainers} to use this class.
 */
public class PaiWorkspaceFakeContainer extends GenericContainer<PaiWorkspaceFakeContainer> {

    /** The image repository; any tag of it, or an image declared compatible with it, is accepted. */
    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("pai-workspace-fake");

    /** The port the fake listens on inside the container. */
    public static final int PORT = 8080;

    /** Where {@link #withSeedFile(MountableFile)} puts the seed file inside the container. */
    public static final String SEED_DIRECTORY = "/etc/pai-workspace-fake";

    private final Map<String, String> accessKeys = new LinkedHashMap<>();

    /** A container of {@code pai-workspace-fake:<this library's version>}. */
    public PaiWorkspaceFakeContainer() {
        this(DEFAULT_IMAGE_NAME.withTag(ImageTag.VALUE));
    }

    /** A container of the named image, such as {@code "pai-workspace-fake:0.1.0"}. */
    public PaiWorkspaceFakeContainer(String dockerImageName) {
        this(DockerImageName.parse(dockerImageName));
    }

    /** A container of the given image, which must be {@link #DEFAULT_IMAGE_NAME} or declared compatible with it. */
    public PaiWorkspaceFakeContainer(DockerImageName dockerImageName) {
        super(dockerImageName);
        dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withEnv("PAI_FAKE_PORT", String.valueOf(PORT));
        withExposedPorts(PORT);
        // Ready when the fake itself answers in its JSON format; an unknown path gets its JSON 404, and a fake
        // that checks signatures refuses the unsigned probe with a JSON 4xx, which proves it is up just as well.
        waitingFor(Wait.forHttp("/")
                .forPort(PORT)
                .forStatusCodeMatching(status -> status >= 200 && status < 500)
                .forResponsePredicate(body -> body.contains("\"RequestId\""))
                .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** Serves the given region ({@code --region}), for example {@code "cn-shanghai"}; default {@code cn-hangzhou}. */
    public PaiWorkspaceFakeContainer withRegion(String regionId) {
        return withEnv("PAI_FAKE_REGION", requireSingleWord(regionId, "regionId"));
    }

    /** Accepts requests signed with this AccessKey pair ({@code --access-key ID:SECRET}); may be called repeatedly. */
    public PaiWorkspaceFakeContainer withAccessKey(String accessKeyId, String accessKeySecret) {
        requireSingleWord(accessKeyId, "accessKeyId");
        requireSingleWord(accessKeySecret, "accessKeySecret");
        if (accessKeyId.contains(":") || accessKeyId.contains(",") || accessKeySecret.contains(",")) {
            throw new IllegalArgumentException("An AccessKey ID may not contain ':' or ',' and a secret not ','");
        }
        accessKeys.put(accessKeyId, accessKeySecret);
        return withEnv("PAI_FAKE_ACCESS_KEYS", accessKeys.entrySet().stream()
                .map(key -> key.getKey() + ":" + key.getValue())
                .collect(Collectors.joining(",")));
    }

    /** Copies a seed file from the host into the container and starts the fake with it ({@code --seed}). */
    public PaiWorkspaceFakeContainer withSeedFile(Path seedFile) {
        return withSeedFile(MountableFile.forHostPath(seedFile, 0644));
    }

    /**
     * Copies a seed file (from the host or the classpath, see {@link MountableFile}) into the container under
     * {@link #SEED_DIRECTORY}, keeping its name, and starts the fake with it ({@code --seed}).
     */
    public PaiWorkspaceFakeContainer withSeedFile(MountableFile seedFile) {
        String fileName = Paths.get(seedFile.getResolvedPath()).getFileName().toString();
        String containerPath = SEED_DIRECTORY + "/" + requireSingleWord(fileName, "seed file name");
        withCopyFileToContainer(seedFile, containerPath);
        return withEnv("PAI_FAKE_SEED", containerPath);
    }

    /** The URL to send requests to, such as {@code http://localhost:32768}. */
    public String getBaseUrl() {
        return "http://" + getEndpoint();
    }

    /** The endpoint for the official SDK's {@code Config.setEndpoint}, such as {@code localhost:32768}. */
    public String getEndpoint() {
        String host = getHost();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + getMappedPort(PORT);
    }

    private static String requireSingleWord(String value, String name) {
        if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(name + " must be a non-empty value without whitespace, got " + value);
        }
        return value;
    }

    /** The image tag that matches this library's version, read once from a resource Maven fills in. */
    private static final class ImageTag {

        static final String VALUE = read();

        private static String read() {
            Properties properties = new Properties();
            try (InputStream in = PaiWorkspaceFakeContainer.class.getResourceAsStream("container-image.properties")) {
                if (in == null) {
                    throw new IllegalStateException("container-image.properties is missing from the classpath");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("image.tag");
        }
    }
}
