package io.github.paiworkspacefake.contract;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives checks the API client and configuration, read from JUnit configuration parameters (which fall back to
 * system properties, so {@code -Dpai.contract.endpoint=...} works from Maven) and the credential environment.
 */
final class ContractParameters implements ParameterResolver {

    /** WorkspaceIds the creating checks made, in order, to list at the end of a run. */
    static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    static final String ACCESS_KEY_ID = "pai.contract.accessKeyId";
    static final String ACCESS_KEY_SECRET = "pai.contract.accessKeySecret";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PaiWorkspaceApi.class || type == ContractConfig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ContractConfig config = ContractConfig.from(name -> context.getConfigurationParameter(name).orElse(null));
        String keyId = context.getConfigurationParameter(ACCESS_KEY_ID).orElse(config.accessKeyId());
        String secret = context.getConfigurationParameter(ACCESS_KEY_SECRET).orElse(config.accessKeySecret());
        ContractConfig effective = new ContractConfig(config.endpoint(), config.regionId(), keyId, secret, config.allowCreate());
        return parameter.getParameter().getType() == ContractConfig.class ? effective : new PaiWorkspaceApi(effective);
    }
}
