package io.github.paiworkspacefake.junit;

import io.github.paiworkspacefake.server.AccessKeySpec;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@link WithFakePaiWorkspace} that governs a test: the method's, else its class's, an enclosing class's, a
 * superclass's or an interface's, also when it sits on a composed annotation. Found once per test class and method
 * (annotations do not change while tests run), not again for every test and every injected parameter.
 *
 * @param annotation     the governing annotation
 * @param annotatedClass the class whose annotation governs, or null when the method's does
 * @param recipe         how this annotation's fakes are made
 */
record FakeSettings(WithFakePaiWorkspace annotation, Class<?> annotatedClass, FakeRecipe recipe) {

    /** Per test class: the class's settings and each method's, as found the first time they were asked for. */
    private static final ClassValue<Found> FOUND = new ClassValue<>() {
        @Override
        protected Found computeValue(Class<?> testClass) {
            return new Found();
        }
    };

    private FakeSettings(WithFakePaiWorkspace annotation, Class<?> annotatedClass) {
        this(annotation, annotatedClass, recipeOf(annotation));
    }

    static FakeSettings of(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            return ofClass(context);
        }
        Found found = FOUND.get(context.getRequiredTestClass());
        FakeSettings settings = found.byMethod.get(method.get());
        if (settings == null) {
            settings = find(context, method.get());
            found.byMethod.putIfAbsent(method.get(), settings);
        }
        return settings;
    }

    static FakeSettings ofClass(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Found found = FOUND.get(testClass);
        FakeSettings settings = found.ofClass;
        if (settings == null) {
            settings = findOnClass(testClass);
            found.ofClass = settings;
        }
        return settings;
    }

    private static FakeSettings find(ExtensionContext context, Method method) {
        Optional<WithFakePaiWorkspace> onMethod = AnnotationSupport.findAnnotation(method, WithFakePaiWorkspace.class);
        if (onMethod.isPresent()) {
            if (onMethod.get().lifecycle() != FakeLifecycle.PER_TEST) {
                throw new ExtensionConfigurationException("@WithFakePaiWorkspace(lifecycle = "
                        + onMethod.get().lifecycle() + ") on the method "
                        + method.getName()
                        + " cannot apply: a method's annotation always gives that test its own fake. Put the lifecycle "
                        + "on the class's annotation.");
            }
            return new FakeSettings(onMethod.get(), null);
        }
        return ofClass(context);
    }

    private static FakeSettings findOnClass(Class<?> testClass) {
        for (Class<?> current = testClass; current != null; current = current.getEnclosingClass()) {
            Optional<WithFakePaiWorkspace> found =
                    AnnotationSupport.findAnnotation((AnnotatedElement) current, WithFakePaiWorkspace.class);
            if (found.isPresent()) {
                return new FakeSettings(found.get(), current);
            }
        }
        throw new ExtensionConfigurationException("@WithFakePaiWorkspace not found on " + testClass.getName());
    }

    /** One fake for the annotated class: never for a method's own annotation. */
    boolean perClass() {
        return annotatedClass != null && annotation.lifecycle() == FakeLifecycle.PER_CLASS;
    }

    /** How an annotation's fakes are made; its access keys are read when a fake is built. */
    private static FakeRecipe recipeOf(WithFakePaiWorkspace annotation) {
        return new FakeRecipe(
                builder -> {
                    builder.regionId(annotation.regionId())
                            .port(annotation.port())
                            .lenient(annotation.lenient());
                    for (String key : annotation.accessKeys()) {
                        try {
                            AccessKeySpec.parse(key).applyTo(builder);
                        } catch (IllegalArgumentException e) {
                            throw new ExtensionConfigurationException(
                                    "@WithFakePaiWorkspace(accessKeys): " + e.getMessage(), e);
                        }
                    }
                },
                annotation.seed());
    }

    /** What was found for one test class. */
    private static final class Found {
        private volatile FakeSettings ofClass;
        private final Map<Method, FakeSettings> byMethod = new ConcurrentHashMap<>();
    }
}
