package io.github.paiworkspacefake.junit;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.github.paiworkspacefake.server.AccessKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
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

    /**
     * Where the image expects a volume (owned by the fake's user): {@link #withDataVolume(String)} mounts one here
     * and keeps the state in its {@code state} directory.
     */
    public static final String VOLUME_DIRECTORY = "/var/lib/pai-workspace-fake";

    /**
     * The address blocks {@link #withAdminApi()} lets use the admin API: the private ranges Docker networks are
     * carved from, through which the host's requests to a published port arrive in the container.
     */
    public static final List<String> PRIVATE_NETWORKS =
            List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");

    private final DockerImageName imageName;
    private final Map<String, AccessKeySpec> accessKeys = new LinkedHashMap<>();

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
        this.imageName = dockerImageName;
        withEnv("PAI_FAKE_PORT", String.valueOf(PORT));
        withExposedPorts(PORT);
        // Ready when the fake itself answers in its JSON format; an unknown path gets its JSON 404, and a fake
        // that checks signatures refuses the unsigned probe with a JSON 4xx, which proves it is up just as well.
        // Probed every 50 ms rather than at Testcontainers' default of once a second: the fake answers about half a
        // second after the container starts, and a test should not wait out the rest of a second for nothing.
        HttpWaitStrategy answering = Wait.forHttp("/")
                .forPort(PORT)
                .forStatusCodeMatching(status -> status >= 200 && status < 500)
                .forResponsePredicate(body -> body.contains("\"RequestId\""));
        answering.withRateLimiter(RateLimiterBuilder.newBuilder()
                .withRate(20, TimeUnit.SECONDS)
                .withConstantThroughput()
                .build());
        waitingFor(answering.withStartupTimeout(Duration.ofSeconds(60)));
    }

    /**
     * Starts the container, as {@link GenericContainer#start()} does. The image {@code pai-workspace-fake} is built
     * locally (docs/container.md), and no registry serves it: when the Docker engine does not have it, this fails at
     * once, saying how to build it, rather than after Testcontainers has retried a pull that cannot succeed (two
     * minutes where no registry answers). Images of other names, or from a registry, are pulled as usual.
     */
    @Override
    public void start() {
        if (getContainerId() == null) {
            requireLocallyBuiltImage();
        }
        super.start();
    }

    private void requireLocallyBuiltImage() {
        DockerImageName image = ImageNameSubstitutor.instance().apply(imageName);
        if (!image.getRegistry().isEmpty() || !image.getRepository().equals(DEFAULT_IMAGE_NAME.getRepository())) {
            return;
        }
        String name = image.asCanonicalNameString();
        try {
            getDockerClient().inspectImageCmd(name).exec();
        } catch (NotFoundException e) {
            throw new IllegalStateException(
                    "The image " + name + " is not on the Docker engine, and no registry serves it: build it from the"
                            + " pai-workspace-fake project with docker/build-image.sh " + name
                            + " (or: docker build -f docker/Dockerfile -t " + name
                            + " . after mvn package); see docs/container.md",
                    e);
        }
    }

    /** Serves the given region ({@code --region}), for example {@code "cn-shanghai"}; default {@code cn-hangzhou}. */
    public PaiWorkspaceFakeContainer withRegion(String regionId) {
        return withEnv("PAI_FAKE_REGION", requireSingleWord(regionId, "regionId"));
    }

    /**
     * Accepts requests signed with this AccessKey pair, acting as the fake's own account ({@code --access-key}); may be
     * called repeatedly. The values follow {@link AccessKeySpec}'s rules: a secret may contain {@code :}, neither
     * may contain whitespace or {@code ,}.
     */
    public PaiWorkspaceFakeContainer withAccessKey(String accessKeyId, String accessKeySecret) {
        return withAccessKey(AccessKeySpec.of(accessKeyId, accessKeySecret));
    }

    /** Accepts requests signed with this AccessKey pair as acting for another, isolated account (its UID, digits). */
    public PaiWorkspaceFakeContainer withAccessKey(String accessKeyId, String accessKeySecret, String accountId) {
        return withAccessKey(new AccessKeySpec(accessKeyId, accessKeySecret, accountId));
    }

    /**
     * Accepts requests signed with this AccessKey ({@code PAI_FAKE_ACCESS_KEYS}, written in the text form the fake
     * reads back exactly, see {@link AccessKeySpec#text()}); may be called repeatedly.
     */
    public PaiWorkspaceFakeContainer withAccessKey(AccessKeySpec accessKey) {
        accessKeys.put(accessKey.accessKeyId(), accessKey);
        return withEnv(
                "PAI_FAKE_ACCESS_KEYS",
                accessKeys.values().stream().map(AccessKeySpec::text).collect(Collectors.joining(",")));
    }

    /**
     * Makes the fake ignore request parameters it knows but does not honour (docs/coverage.md names them) instead of
     * refusing them with {@code 400 UnsupportedParameter}: the jar's {@code --lenient}, through
     * {@code PAI_FAKE_LENIENT=true}.
     */
    public PaiWorkspaceFakeContainer withLenient() {
        return withEnv("PAI_FAKE_LENIENT", "true");
    }

    /**
     * Serves the admin API under {@code /__admin} ({@code --admin}) to the host through the published port: clients
     * from {@link #PRIVATE_NETWORKS}, where Docker's networks live, may use it ({@code PAI_FAKE_ADMIN_ALLOW}).
     */
    public PaiWorkspaceFakeContainer withAdminApi() {
        return withAdminApi(PRIVATE_NETWORKS.toArray(String[]::new));
    }

    /**
     * Serves the admin API under {@code /__admin} to clients from these address blocks (CIDR, such as
     * {@code 172.17.0.0/16}) and loopback ({@code --admin --admin-allow}).
     */
    public PaiWorkspaceFakeContainer withAdminApi(String... allowedCidrs) {
        if (allowedCidrs.length == 0) {
            throw new IllegalArgumentException("name at least one address block, or use withAdminApi()");
        }
        Arrays.stream(allowedCidrs).forEach(cidr -> {
            requireSingleWord(cidr, "allowed CIDR");
            if (cidr.contains(",")) {
                throw new IllegalArgumentException("one CIDR block per argument, got " + cidr);
            }
        });
        return withEnv("PAI_FAKE_ADMIN_ALLOW", String.join(",", allowedCidrs));
    }

    /** The admin API's base URL, such as {@code http://localhost:32768/__admin}; it answers once enabled. */
    public String getAdminUrl() {
        return getBaseUrl() + "/__admin";
    }

    /**
     * The admin console's address, such as {@code http://localhost:32768/__admin/console}, to open in a browser on
     * the host; it answers once the admin API is enabled ({@link #withAdminApi()}).
     */
    public String getConsoleUrl() {
        return getAdminUrl() + "/console";
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

    /**
     * Keeps the fake's state on a named Docker volume across restarts of the container ({@code --data-dir}): the
     * volume (created by Docker when missing) is mounted at {@link #VOLUME_DIRECTORY} and the state kept in its
     * {@code state} directory ({@code PAI_FAKE_DATA_DIR}). A container started later on the same volume resumes it.
     * Removing the volume is the caller's (see docs/persistence.md).
     */
    public PaiWorkspaceFakeContainer withDataVolume(String volumeName) {
        if (requireSingleWord(volumeName, "volume name").contains("/")) {
            throw new IllegalArgumentException("a named volume, not a path, got " + volumeName);
        }
        withCreateContainerCmdModifier(cmd -> {
            HostConfig hostConfig = cmd.getHostConfig();
            Bind volume = new Bind(volumeName, new Volume(VOLUME_DIRECTORY));
            Bind[] binds = hostConfig.getBinds() == null ? new Bind[0] : hostConfig.getBinds();
            Bind[] withVolume = Arrays.copyOf(binds, binds.length + 1);
            withVolume[binds.length] = volume;
            hostConfig.withBinds(withVolume);
        });
        return withEnv("PAI_FAKE_DATA_DIR", VOLUME_DIRECTORY + "/state");
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
