package io.github.paiworkspacefake.junit;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The extension behind {@link WithFakePaiWorkspace}: reads the governing annotation and keeps the fakes it makes in
 * JUnit's stores (see {@link FakeStore}); it holds no state of its own, so tests running in parallel never share it.
 */
final class WithFakePaiWorkspaceExtension
        implements BeforeAllCallback, BeforeEachCallback, TestInstancePostProcessor, ParameterResolver {

    private static final String OUTSIDE_A_TEST = "A PaiWorkspaceFake is injected outside a test (into @BeforeAll or "
            + "@AfterAll methods, or the constructor of a @TestInstance(PER_CLASS) class) only with "
            + "@WithFakePaiWorkspace(lifecycle = FakeLifecycle.PER_CLASS); with PER_TEST each test gets its own fake.";

    private final FakeStore fakes = new FakeStore(WithFakePaiWorkspaceExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        FakeSettings settings = FakeSettings.ofClass(context);
        if (settings.perClass()) {
            fakes.sharedFake(ownerOf(context, settings), settings.recipe());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        FakeSettings settings = FakeSettings.of(context);
        if (settings.perClass()) {
            fakes.sharedFake(ownerOf(context, settings), settings.recipe());
            fakes.takeTurnOnSharedFake(context, settings.recipe());
        } else {
            fakes.testFake(context, settings.recipe());
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            fakes.bindParkedFake(testInstance, context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return InjectedTypes.supports(parameterContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        return InjectedTypes.resolve(parameterContext, fakeFor(parameterContext, context));
    }

    private PaiWorkspaceFake fakeFor(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            FakeSettings settings = FakeSettings.of(context);
            return settings.perClass()
                    ? fakes.sharedFake(ownerOf(context, settings), settings.recipe())
                    : fakes.testFake(context, settings.recipe());
        }
        FakeSettings settings = FakeSettings.ofClass(context);
        if (settings.perClass()) {
            return fakes.sharedFake(ownerOf(context, settings), settings.recipe());
        }
        return fakes.constructorFake(parameter, context, settings.recipe(), OUTSIDE_A_TEST);
    }

    /**
     * The context of the class whose annotation governs: its store keeps the shared fake, so its {@code @Nested}
     * classes share it and it stops when that class is done.
     */
    private static ExtensionContext ownerOf(ExtensionContext context, FakeSettings settings) {
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent()
                || !settings.annotatedClass().equals(owner.getTestClass().orElse(null))) {
            owner = owner.getParent()
                    .orElseThrow(() -> new IllegalStateException(
                            "No class context carries @WithFakePaiWorkspace for " + context.getUniqueId()));
        }
        return owner;
    }
}
