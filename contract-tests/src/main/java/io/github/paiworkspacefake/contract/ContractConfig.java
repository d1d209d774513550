package io.github.paiworkspacefake.contract;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the contract suite points and how it signs: an endpoint URL, a region, AccessKey credentials, whether checks
 * that create workspaces may run, whether the suite may set up (and switch) the account's default workspace, whether it
 * deletes what it created when the run ends, a second resource group to move a workspace to, and how long a deletion
 * may take to show.
 *
 * @param endpoint           the implementation's base URL, such as {@code http://127.0.0.1:8080} or
 *                           {@code https://aiworkspace.cn-hangzhou.aliyuncs.com}
 * @param regionId           the region the endpoint serves
 * @param accessKeyId        the AccessKeyId requests are signed with
 * @param accessKeySecret    its secret
 * @param allowCreate        whether checks that create workspaces (and cost quota on a real account) run
 * @param allowCreateDefault whether the suite calls CreateDefaultWorkspace when the account has no default workspace,
 *                           and may switch the default with UpdateDefaultWorkspace (restoring it afterwards); on a real
 *                           account both are account settings, and the first cannot be undone
 * @param cleanup            whether the run deletes the workspaces it created (DeleteWorkspace) once every check ran;
 *                           a default workspace is never deleted
 * @param resourceGroupId    a resource group of the account, other than the default one, that ChangeResourceGroup may
 *                           move a workspace the run created to; empty when the run has none, and then that check is
 *                           skipped (a real account refuses an arbitrary id)
 * @param deletionTimeout    how long a workspace may still be found after DeleteWorkspace answered (the real service
 *                           may delete asynchronously, as Terraform's poller expects); also how long a custom role's
 *                           instance job may run
 * @param allowProductOrders whether the check that places a product order (CreateProductOrders of pay-as-you-go PAI)
 *                           runs; on a real account an order is a purchase, so it is never implied by any other setting
 */
public record ContractConfig(
        URI endpoint,
        String regionId,
        String accessKeyId,
        String accessKeySecret,
        boolean allowCreate,
        boolean allowCreateDefault,
        boolean cleanup,
        String resourceGroupId,
        Duration deletionTimeout,
        boolean allowProductOrders) {

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
    /** Configuration parameter / system property naming a second resource group for ChangeResourceGroup. */
    public static final String RESOURCE_GROUP = "pai.contract.resourceGroup";
    /** Configuration parameter / system property that allows the check that places a product order. */
    public static final String ALLOW_PRODUCT_ORDERS = "pai.contract.allowProductOrders";
    /** Configuration parameter / system property: seconds a deleted workspace may still be found (default 120). */
    public static final String DELETION_TIMEOUT = "pai.contract.deletionTimeout";
    /** How long a deleted workspace may still be found unless configured: the budget Terraform's poller uses is 5 min. */
    public static final Duration DEFAULT_DELETION_TIMEOUT = Duration.ofMinutes(2);
    /** Environment variable with the AccessKeyId, as the official SDK's credential chain reads it. */
    public static final String ACCESS_KEY_ID_ENV = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    /** Environment variable with the AccessKeySecret. */
    public static final String ACCESS_KEY_SECRET_ENV = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    /** Checks that the endpoint and credentials are present; no resource group is empty, no timeout the default. */
    public ContractConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        resourceGroupId = resourceGroupId == null ? "" : resourceGroupId.strip();
        deletionTimeout = deletionTimeout == null ? DEFAULT_DELETION_TIMEOUT : deletionTimeout;
        if (deletionTimeout.isNegative()) {
            throw new IllegalArgumentException("deletionTimeout must not be negative: " + deletionTimeout);
        }
    }

    /** A configuration that places no product order. */
    public ContractConfig(
            URI endpoint,
            String regionId,
            String accessKeyId,
            String accessKeySecret,
            boolean allowCreate,
            boolean allowCreateDefault,
            boolean cleanup,
            String resourceGroupId,
            Duration deletionTimeout) {
        this(
                endpoint,
                regionId,
                accessKeyId,
                accessKeySecret,
                allowCreate,
                allowCreateDefault,
                cleanup,
                resourceGroupId,
                deletionTimeout,
                false);
    }

    /**
     * A configuration without a second resource group and with the default deletion timeout.
     */
    public ContractConfig(
            URI endpoint,
            String regionId,
            String accessKeyId,
            String accessKeySecret,
            boolean allowCreate,
            boolean allowCreateDefault,
            boolean cleanup) {
        this(
                endpoint,
                regionId,
                accessKeyId,
                accessKeySecret,
                allowCreate,
                allowCreateDefault,
                cleanup,
                "",
                DEFAULT_DELETION_TIMEOUT);
    }

    /**
     * A configuration that never creates the default workspace and, when {@code allowCreate}, deletes what it created.
     */
    public ContractConfig(
            URI endpoint, String regionId, String accessKeyId, String accessKeySecret, boolean allowCreate) {
        this(endpoint, regionId, accessKeyId, accessKeySecret, allowCreate, false, true);
    }

    /** This configuration with the default workspace's creation allowed or not. */
    public ContractConfig withAllowCreateDefault(boolean allowed) {
        return new ContractConfig(
                endpoint,
                regionId,
                accessKeyId,
                accessKeySecret,
                allowCreate,
                allowed,
                cleanup,
                resourceGroupId,
                deletionTimeout,
                allowProductOrders);
    }

    /** This configuration with cleanup on or off. */
    public ContractConfig withCleanup(boolean deleteCreated) {
        return new ContractConfig(
                endpoint,
                regionId,
                accessKeyId,
                accessKeySecret,
                allowCreate,
                allowCreateDefault,
                deleteCreated,
                resourceGroupId,
                deletionTimeout,
                allowProductOrders);
    }

    /**
     * This configuration with a second resource group of the account, which the ChangeResourceGroup check moves a
     * workspace it created to; null or empty for none (the check is then skipped).
     */
    public ContractConfig withResourceGroup(String secondResourceGroupId) {
        return new ContractConfig(
                endpoint,
                regionId,
                accessKeyId,
                accessKeySecret,
                allowCreate,
                allowCreateDefault,
                cleanup,
                secondResourceGroupId,
                deletionTimeout,
                allowProductOrders);
    }

    /** This configuration with another bound on how long a deleted workspace may still be found. */
    public ContractConfig withDeletionTimeout(Duration timeout) {
        return new ContractConfig(
                endpoint,
                regionId,
                accessKeyId,
                accessKeySecret,
                allowCreate,
                allowCreateDefault,
                cleanup,
                resourceGroupId,
                timeout,
                allowProductOrders);
    }

    /** This configuration with the product-order check allowed or not. */
    public ContractConfig withAllowProductOrders(boolean allowed) {
        return new ContractConfig(
                endpoint,
                regionId,
                accessKeyId,
                accessKeySecret,
                allowCreate,
                allowCreateDefault,
                cleanup,
                resourceGroupId,
                deletionTimeout,
                allowed);
    }

    /** The second resource group, if the run was given one. */
    public boolean hasResourceGroup() {
        return !resourceGroupId.isEmpty();
    }

    /** Seconds ({@code 30}) or an ISO-8601 duration ({@code PT30S}), as {@link #DELETION_TIMEOUT} and the CLI take it. */
    static Duration parseTimeout(String value) {
        String text = value.strip();
        try {
            Duration parsed = text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
            if (parsed.isNegative()) {
                throw new IllegalArgumentException("a deletion timeout must not be negative: " + value);
            }
            return parsed;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "a deletion timeout is seconds (30) or an ISO-8601 duration (PT30S), not " + value);
        }
    }

    /** Reads the settings from named parameters (JUnit configuration parameters or system properties) and the env. */
    static ContractConfig from(Function<String, String> parameters) {
        String endpoint = parameters.apply(ENDPOINT);
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException(
                    "No endpoint: set " + ENDPOINT + " (or --endpoint URL) to the implementation's base URL.");
        }
        String region = parameters.apply(REGION);
        String keyId = System.getenv(ACCESS_KEY_ID_ENV);
        String secret = System.getenv(ACCESS_KEY_SECRET_ENV);
        String cleanup = parameters.apply(CLEANUP);
        String timeout = parameters.apply(DELETION_TIMEOUT);
        return new ContractConfig(
                URI.create(endpoint.replaceAll("/+$", "")),
                region == null || region.isBlank() ? "cn-hangzhou" : region,
                keyId == null ? "LTAI5tContractSuite" : keyId,
                secret == null ? "ContractSuiteSecret" : secret,
                Boolean.parseBoolean(parameters.apply(ALLOW_CREATE)),
                Boolean.parseBoolean(parameters.apply(ALLOW_CREATE_DEFAULT)),
                cleanup == null || cleanup.isBlank() || Boolean.parseBoolean(cleanup),
                parameters.apply(RESOURCE_GROUP),
                timeout == null || timeout.isBlank() ? DEFAULT_DELETION_TIMEOUT : parseTimeout(timeout),
                Boolean.parseBoolean(parameters.apply(ALLOW_PRODUCT_ORDERS)));
    }
}
