package io.github.paiworkspacefake.contract;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives checks their run, its API client and configuration. The run is made from JUnit configuration parameters
 * (which fall back to system properties, so {@code -Dpai.contract.endpoint=...} works from Maven) and the credential
 * environment, once per JUnit execution; this resolver keeps no state of its own.
 */
final class ContractParameters implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ContractRun.class || type == PaiWorkspaceApi.class || type == ContractConfig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ContractRun run = ContractRun.of(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == ContractRun.class) {
            return run;
        }
        return type == ContractConfig.class ? run.config() : run.api();
    }
}
