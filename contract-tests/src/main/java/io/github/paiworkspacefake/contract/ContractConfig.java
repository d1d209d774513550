package io.github.paiworkspacefake.contract;

import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the contract suite points and how it signs: an endpoint URL, a region, AccessKey credentials, whether checks
 * that create workspaces may run, whether the suite may set up the account's default workspace, and whether it
 * deletes what it created when the run ends.
 *
 * @param endpoint           the implementation's base URL, such as {@code http://127.0.0.1:8080} or
 *                           {@code https://aiworkspace.cn-hangzhou.aliyuncs.com}
 * @param regionId           the region the endpoint serves
 * @param accessKeyId        the AccessKeyId requests are signed with
 * @param accessKeySecret    its secret
 * @param allowCreate        whether checks that create workspaces (and cost quota on a real account) run
 * @param allowCreateDefault whether the suite calls CreateDefaultWorkspace when the account has no default workspace;
 *                           on a real account that is a one-time account setup that cannot be undone
 * @param cleanup            whether the run deletes the workspaces it created (DeleteWorkspace) once every check ran;
 *                           a default workspace is never deleted
 */
public record ContractConfig(URI endpoint, String regionId, String accessKeyId, String accessKeySecret, boolean allowCreate,
                             boolean allowCreateDefault, boolean cleanup) {

    /** Configuration parameter / system property naming the endpoint. */
    public static final String ENDPOINT = "pai.contract.endpoint";
    /** Configuration parameter / system property naming the region. */
    public static final String REGION = "pai.contract.region";
    /** Configuration parameter / system property that allows creating checks. */
    public static final String ALLOW_CREATE = "pai.contract.allowCreate";
    /** Configuration parameter / system property that allows creating the account's default workspace. */
    public static final String ALLOW_CREATE_DEFAULT = "pai.contract.allowCreateDefault";
    /** Configuration parameter / system property that turns cleanup off ({@code false}); it is on by default. */
    public static final String CLEANUP = "pai.contract.cleanup";
    /** Environment variable with the AccessKeyId, as the official SDK's credential chain reads it. */
    public static final String ACCESS_KEY_ID_ENV = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    /** Environment variable with the AccessKeySecret. */
    public static final String ACCESS_KEY_SECRET_ENV = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    /** Checks that the endpoint and credentials are present. */
    public ContractConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    }

    /**
     * A configuration that never creates the default workspace and, when {@code allowCreate}, deletes what it created.
     */
    public ContractConfig(URI endpoint, String regionId, String accessKeyId, String accessKeySecret, boolean allowCreate) {
        this(endpoint, regionId, accessKeyId, accessKeySecret, allowCreate, false, true);
    }

    /** This configuration with the default workspace's creation allowed or not. */
    public ContractConfig withAllowCreateDefault(boolean allowed) {
        return new ContractConfig(endpoint, regionId, accessKeyId, accessKeySecret, allowCreate, allowed, cleanup);
    }

    /** This configuration with cleanup on or off. */
    public ContractConfig withCleanup(boolean deleteCreated) {
        return new ContractConfig(endpoint, regionId, accessKeyId, accessKeySecret, allowCreate, allowCreateDefault, deleteCreated);
    }

    /** Reads the settings from named parameters (JUnit configuration parameters or system properties) and the env. */
    static ContractConfig from(Function<String, String> parameters) {
        String endpoint = parameters.apply(ENDPOINT);
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("No endpoint: set " + ENDPOINT + " (or --endpoint URL) to the implementation's base URL.");
        }
        String region = parameters.apply(REGION);
        String keyId = System.getenv(ACCESS_KEY_ID_ENV);
        String secret = System.getenv(ACCESS_KEY_SECRET_ENV);
        String cleanup = parameters.apply(CLEANUP);
        return new ContractConfig(URI.create(endpoint.replaceAll("/+$", "")), region == null || region.isBlank() ? "cn-hangzhou" : region,
                keyId == null ? "LTAI5tContractSuite" : keyId, secret == null ? "ContractSuiteSecret" : secret,
                Boolean.parseBoolean(parameters.apply(ALLOW_CREATE)), Boolean.parseBoolean(parameters.apply(ALLOW_CREATE_DEFAULT)),
                cleanup == null || cleanup.isBlank() || Boolean.parseBoolean(cleanup));
    }
}
