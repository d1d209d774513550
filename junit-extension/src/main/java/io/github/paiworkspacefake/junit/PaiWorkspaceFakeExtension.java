package io.github.paiworkspacefake.junit;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The programmatic twin of {@link WithFakePaiWorkspace}, registered in code as WireMock's extension is:
 *
 * <pre>{@code
 * @RegisterExtension
 * static PaiWorkspaceFakeExtension fakes = PaiWorkspaceFakeExtension.newInstance().regionId("cn-shanghai").build();
 * }</pre>
 *
 * <p>On a {@code static} field there is one fake for the class (and its {@code @Nested} classes), started before any
 * {@code @BeforeAll} method runs, reset and re-seeded before each test; tests that share it take turns, also under
 * parallel execution. On an instance field every test gets a fresh fake. {@link #fake()} returns the running fake,
 * and test methods, lifecycle methods and constructors can declare it (or the SDK's {@code Config}) as a parameter.
 * The fakes live in JUnit's stores and are stopped when their test or class ends, also after failures.
 */
public final class PaiWorkspaceFakeExtension
        implements BeforeAllCallback, BeforeEachCallback, TestInstancePostProcessor, ParameterResolver {

    private static final String NO_SHARED_FAKE = "This PaiWorkspaceFakeExtension is registered on an instance field: "
            + "each test has its own fake, which exists only while that test runs. Register it on a static field for "
            + "one fake per class.";

    private final FakeRecipe recipe;
    private final FakeStore fakes = new FakeStore(this);
    private volatile PaiWorkspaceFake current;

    /**
     * An extension with every default, as {@code @ExtendWith(PaiWorkspaceFakeExtension.class)} creates it: there it is
     * registered for the class, so it behaves as a static field does.
     */
    public PaiWorkspaceFakeExtension() {
        this(new FakeRecipe(builder -> {}, ""));
    }

    private PaiWorkspaceFakeExtension(FakeRecipe recipe) {
        this.recipe = recipe;
    }

    /** Starts configuring an extension; every setting has the default of {@link PaiWorkspaceFake#builder()}. */
    public static Builder newInstance() {
        return new Builder();
    }

    /**
     * The running fake of the current test, or (on a static field) of the class.
     *
     * @throws IllegalStateException when no test or class of this extension is running
     */
    public PaiWorkspaceFake fake() {
        PaiWorkspaceFake fake = current;
        if (fake == null) {
            throw new IllegalStateException("No fake is running yet: fake() answers from @BeforeAll on (static field) "
                    + "or from @BeforeEach on (instance field).");
        }
        return fake;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        current = fakes.existingSharedFake(context).orElseGet(() -> fakes.sharedFake(context, recipe));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (fakes.existingSharedFake(context).isPresent()) {
            fakes.takeTurnOnSharedFake(context, recipe);
            current = fakes.existingSharedFake(context).get();
        } else {
            current = fakes.testFake(context, recipe);
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
        PaiWorkspaceFake fake = fakes.existingSharedFake(context)
                .orElseGet(() -> context.getTestMethod().isPresent()
                        ? fakes.testFake(context, recipe)
                        : fakes.constructorFake(parameterContext, context, recipe, NO_SHARED_FAKE));
        return InjectedTypes.resolve(parameterContext, fake);
    }

    /**
     * Settings of a {@link PaiWorkspaceFakeExtension}: the settings of {@link PaiWorkspaceFake.Builder} a test may need,
     * plus a seed resource. Each setting is checked when it is set.
     */
    public static final class Builder {
        private final List<Consumer<PaiWorkspaceFake.Builder>> settings = new ArrayList<>();
        private String seed = "";

        private Builder() {}

        private Builder with(Consumer<PaiWorkspaceFake.Builder> setting) {
            setting.accept(PaiWorkspaceFake.builder());
            settings.add(setting);
            return this;
        }

        /** The region the fakes serve; {@code cn-hangzhou} by default. */
        public Builder regionId(String regionId) {
            return with(builder -> builder.regionId(regionId));
        }

        /** The port to listen on; 0 (the default) picks a free one. A fixed port suits a static field only. */
        public Builder port(int port) {
            return with(builder -> builder.port(port));
        }

        /** A classpath resource in the seed-file format loaded into every fresh (or reset) fake; none by default. */
        public Builder seed(String resource) {
            this.seed = Objects.requireNonNull(resource, "resource");
            return this;
        }

        /** Accepts requests signed with this AccessKey pair; any key turns strict signature checking on. */
        public Builder accessKey(String accessKeyId, String accessKeySecret) {
            return with(builder -> builder.accessKey(accessKeyId, accessKeySecret));
        }

        /** Accepts requests signed with this AccessKey pair as acting for {@code account}; turns strict mode on. */
        public Builder accessKey(String accessKeyId, String accessKeySecret, Account account) {
            return with(builder -> builder.accessKey(accessKeyId, accessKeySecret, account));
        }

        /** The account requests act as while signatures are off; {@link Account#DEFAULT} by default. */
        public Builder account(Account account) {
            return with(builder -> builder.account(account));
        }

        /** The clock for GmtCreateTime, GmtModifiedTime and time-driven lifecycle; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            return with(builder -> builder.clock(clock));
        }

        /** The Status new workspaces get; ENABLED by default. */
        public Builder initialStatus(WorkspaceStatus status) {
            return with(builder -> builder.initialStatus(status));
        }

        /**
         * Where new WorkspaceIds come from; by default each fake has its own sequence. The one supplier serves every
         * fake of this extension.
         */
        public Builder idGenerator(Supplier<String> idGenerator) {
            return with(builder -> builder.idGenerator(idGenerator));
        }

        /** How many workspaces a fake holds at most; 100,000 by default. */
        public Builder maxWorkspaces(int maxWorkspaces) {
            return with(builder -> builder.maxWorkspaces(maxWorkspaces));
        }

        /** Serves the admin API under {@code /__admin} to loopback clients; off by default. */
        public Builder adminApi(boolean enabled) {
            return with(builder -> builder.adminApi(enabled));
        }

        /** Logs one line per request (logger {@code io.github.paiworkspacefake.requests}); off by default. */
        public Builder logRequests(boolean enabled) {
            return with(builder -> builder.logRequests(enabled));
        }

        /** See {@link PaiWorkspaceFake.Builder#lenient(boolean)}: ignore parameters the fake does not honour. */
        public Builder lenient(boolean enabled) {
            return with(builder -> builder.lenient(enabled));
        }

        /** The extension, ready for a {@code @RegisterExtension} field. */
        public PaiWorkspaceFakeExtension build() {
            List<Consumer<PaiWorkspaceFake.Builder>> chosen = List.copyOf(settings);
            return new PaiWorkspaceFakeExtension(
                    new FakeRecipe(builder -> chosen.forEach(s -> s.accept(builder)), seed));
        }
    }
}
