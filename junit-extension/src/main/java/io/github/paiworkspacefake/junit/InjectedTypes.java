package io.github.paiworkspacefake.junit;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * The parameter types the extensions inject: the fake itself, and the official SDK's {@code Config} pointed at it
 * when tea-openapi is on the classpath (named by string, so the extensions load without it).
 */
final class InjectedTypes {

    private static final String SDK_CONFIG = "com.aliyun.teaopenapi.models.Config";

    private InjectedTypes() {}

    static boolean supports(ParameterContext parameter) {
        return injects(parameter.getParameter().getType());
    }

    /** Whether a parameter of this type is injected. */
    static boolean injects(Class<?> type) {
        return type == PaiWorkspaceFake.class || type.getName().equals(SDK_CONFIG);
    }

    static Object resolve(ParameterContext parameter, PaiWorkspaceFake fake) {
        if (parameter.getParameter().getType() == PaiWorkspaceFake.class) {
            return fake;
        }
        return PaiWorkspaceFakeSdk.config(fake);
    }
}
