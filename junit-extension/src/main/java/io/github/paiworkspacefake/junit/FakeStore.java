package io.github.paiworkspacefake.junit;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.lang.reflect.Constructor;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Where the running fakes of one extension live: in JUnit's {@link ExtensionContext.Store} of the context that owns
 * them, as resources JUnit closes when that context ends (also after failures). It uses only API that JUnit 5.10
 * already has, so the extension runs on every supported JUnit version.
 *
 * <ul>
 *   <li>A test's own fake is kept in the test's context.</li>
 *   <li>A shared fake (one per class) is kept in the class's context; tests that share it take turns: a test holds
 *       the fake from its {@code beforeEach} until its context closes, so parallel siblings never see its state or
 *       a reset in the middle of their run.</li>
 *   <li>A fake injected into a test class's constructor is made while JUnit still hands the extension the class's
 *       context (JUnit before 5.12 has no other), parked for the constructing thread, tied to the new instance in
 *       {@code postProcessTestInstance} and adopted by the test that runs on that instance.</li>
 * </ul>
 */
final class FakeStore {

    private static final String SHARED = "shared";

    /** Whether a test class has a constructor that takes an injected parameter, so its tests may adopt a fake. */
    private static final ClassValue<Boolean> CONSTRUCTOR_INJECTS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> testClass) {
            for (Constructor<?> constructor : testClass.getDeclaredConstructors()) {
                for (Class<?> type : constructor.getParameterTypes()) {
                    if (InjectedTypes.injects(type)) {
                        return true;
                    }
                }
            }
            return false;
        }
    };

    private final ExtensionContext.Namespace namespace;

    /** @param owner the extension (or annotation extension type) whose fakes this store keeps apart from others' */
    FakeStore(Object owner) {
        this.namespace = ExtensionContext.Namespace.create(FakeStore.class, owner);
    }

    /** The fake of the test running in {@code testContext}: adopted from its constructor, or started now. */
    PaiWorkspaceFake testFake(ExtensionContext testContext, FakeRecipe recipe) {
        return testContext
                .getStore(namespace)
                .getOrComputeIfAbsent(
                        new TestKey(testContext.getUniqueId()),
                        key -> adoptOrStart(testContext, recipe),
                        OwnedFake.class)
                .fake();
    }

    /** The shared fake of {@code owner}'s class (and its nested classes), started the first time it is asked for. */
    PaiWorkspaceFake sharedFake(ExtensionContext owner, FakeRecipe recipe) {
        return owner.getStore(namespace)
                .getOrComputeIfAbsent(
                        SHARED, key -> new SharedFake(recipe.start(owner.getRequiredTestClass())), SharedFake.class)
                .fake();
    }

    /** The shared fake visible from {@code context} (its own or an enclosing class's), if one was started. */
    Optional<PaiWorkspaceFake> existingSharedFake(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(namespace).get(SHARED, SharedFake.class))
                .map(OwnedFake::fake);
    }

    /**
     * Gives the test running in {@code testContext} its turn on the shared fake: waits until no sibling holds it,
     * then resets and re-seeds it. The turn ends when the test's context closes.
     */
    void takeTurnOnSharedFake(ExtensionContext testContext, FakeRecipe recipe) {
        SharedFake shared = testContext.getStore(namespace).get(SHARED, SharedFake.class);
        if (shared == null) {
            throw new IllegalStateException("no shared fake was started for " + testContext.getUniqueId());
        }
        shared.turn.acquireUninterruptibly();
        testContext.getStore(namespace).put(new TurnKey(testContext.getUniqueId()), new Turn(shared));
        shared.fake().reset();
        recipe.seed(shared.fake(), testContext.getRequiredTestClass());
    }

    /**
     * The fake for a parameter resolved outside a test method: a constructor's, parked until the instance exists.
     * Anything else (a static lifecycle method) has no test to own a fake, and fails with {@code misuse}.
     */
    PaiWorkspaceFake constructorFake(
            ParameterContext parameter, ExtensionContext classContext, FakeRecipe recipe, String misuse) {
        boolean constructor = parameter.getDeclaringExecutable() instanceof Constructor;
        boolean perMethodInstances = classContext
                .getTestInstanceLifecycle()
                .map(lifecycle -> lifecycle == TestInstance.Lifecycle.PER_METHOD)
                .orElse(true);
        if (!constructor || !perMethodInstances) {
            throw new ParameterResolutionException(misuse);
        }
        return classContext
                .getStore(namespace)
                .getOrComputeIfAbsent(
                        new PendingKey(Thread.currentThread()),
                        key -> new OwnedFake(recipe.start(classContext.getRequiredTestClass())),
                        OwnedFake.class)
                .fake();
    }

    /** Ties a fake parked by {@link #constructorFake} on this thread to the instance that was just constructed. */
    void bindParkedFake(Object testInstance, ExtensionContext classContext) {
        ExtensionContext.Store store = classContext.getStore(namespace);
        OwnedFake parked = store.remove(new PendingKey(Thread.currentThread()), OwnedFake.class);
        if (parked != null) {
            store.put(new InstanceKey(testInstance), parked);
        }
    }

    private OwnedFake adoptOrStart(ExtensionContext testContext, FakeRecipe recipe) {
        Optional<Object> instance = CONSTRUCTOR_INJECTS.get(testContext.getRequiredTestClass())
                ? testContext.getTestInstance()
                : Optional.empty();
        if (instance.isPresent()) {
            InstanceKey key = new InstanceKey(instance.get());
            for (Optional<ExtensionContext> level = testContext.getParent();
                    level.isPresent();
                    level = level.get().getParent()) {
                OwnedFake bound = level.get().getStore(namespace).remove(key, OwnedFake.class);
                if (bound != null) {
                    return bound;
                }
            }
        }
        return new OwnedFake(recipe.start(testContext.getRequiredTestClass()));
    }

    /** A fake owned by a store: closing the store's context stops it, whichever JUnit version closes it. */
    @SuppressWarnings("deprecation") // CloseableResource is what JUnit 5 closes; JUnit 6 also closes AutoCloseable.
    static class OwnedFake implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final PaiWorkspaceFake fake;

        OwnedFake(PaiWorkspaceFake fake) {
            this.fake = fake;
        }

        PaiWorkspaceFake fake() {
            return fake;
        }

        @Override
        public void close() {
            fake.close();
        }
    }

    /** A fake shared by the tests of one class, one test at a time. */
    static final class SharedFake extends OwnedFake {
        private final Semaphore turn = new Semaphore(1);

        SharedFake(PaiWorkspaceFake fake) {
            super(fake);
        }
    }

    /** One test's turn on a shared fake; closing the test's context passes the turn on. */
    @SuppressWarnings("deprecation")
    private static final class Turn implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final SharedFake shared;

        Turn(SharedFake shared) {
            this.shared = shared;
        }

        @Override
        public void close() {
            shared.turn.release();
        }
    }

    private record TestKey(String uniqueId) {}

    private record TurnKey(String uniqueId) {}

    private record PendingKey(Thread thread) {}

    /** A key equal only for the very same test instance, whatever the test class's own equals says. */
    private static final class InstanceKey {
        private final Object instance;

        InstanceKey(Object instance) {
            this.instance = instance;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InstanceKey key && key.instance == instance;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(instance);
        }
    }
}
