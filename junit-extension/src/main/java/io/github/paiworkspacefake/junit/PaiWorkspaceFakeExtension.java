package io.github.paiworkspacefake.junit;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link WithFakePaiWorkspace}. Each fake lives in the {@link ExtensionContext.Store} of the
 * context it belongs to (the test's, or the class's for {@link FakeLifecycle#PER_CLASS}) as an {@link AutoCloseable},
 * so JUnit stops it when that context ends, also after failures; the extension itself holds no state, so tests
 * running in parallel each get their own fake.
 */
public final class PaiWorkspaceFakeExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PaiWorkspaceFakeExtension.class);
    private static final String SDK_CONFIG = "com.aliyun.teaopenapi.models.Config";

    /** A fake owned by a store; closing the store's context stops it. */
    private record RunningFake(PaiWorkspaceFake fake) implements AutoCloseable {
        @Override
        public void close() {
            fake.close();
        }
    }

    /** Creates JUnit's instance of the extension; it is stateless. */
    public PaiWorkspaceFakeExtension() {
    }

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (FakeSettings.ofClass(context).perClass()) {
            classFake(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        FakeSettings settings = FakeSettings.of(context);
        if (settings.perClass()) {
            PaiWorkspaceFake shared = classFake(context);
            shared.reset();
            settings.seed(shared);
        } else {
            testFake(context, settings);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == PaiWorkspaceFake.class || type.getName().equals(SDK_CONFIG);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        PaiWorkspaceFake fake = fakeFor(extensionContext);
        if (parameterContext.getParameter().getType() == PaiWorkspaceFake.class) {
            return fake;
        }
        return PaiWorkspaceFakeSdk.config(fake);
    }

    private static PaiWorkspaceFake fakeFor(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            FakeSettings settings = FakeSettings.of(context);
            return settings.perClass() ? classFake(context) : testFake(context, settings);
        }
        if (!FakeSettings.ofClass(context).perClass()) {
            throw new ParameterResolutionException("A PaiWorkspaceFake is injected into @BeforeAll/@AfterAll methods "
                    + "only with @WithFakePaiWorkspace(lifecycle = FakeLifecycle.PER_CLASS); with PER_TEST each test "
                    + "gets its own fake.");
        }
        return classFake(context);
    }

    private static PaiWorkspaceFake testFake(ExtensionContext context, FakeSettings settings) {
        return context.getStore(NAMESPACE)
                .computeIfAbsent(context.getUniqueId(), id -> new RunningFake(settings.startFake()), RunningFake.class)
                .fake();
    }

    /**
     * The PER_CLASS fake, kept in the context of the class that carries the annotation, so its {@code @Nested}
     * classes share it and it stops when that class is done.
     */
    private static PaiWorkspaceFake classFake(ExtensionContext context) {
        FakeSettings settings = FakeSettings.ofClass(context);
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() || owner.getTestClass().orElse(null) != settings.annotatedClass()) {
            owner = owner.getParent().orElseThrow(() -> new ExtensionConfigurationException(
                    "No test class context carries @WithFakePaiWorkspace"));
        }
        return owner.getStore(NAMESPACE)
                .computeIfAbsent(owner.getUniqueId(), id -> new RunningFake(settings.startFake()), RunningFake.class)
                .fake();
    }
}
