package io.github.paiworkspacefake.junit;

import io.github.paiworkspacefake.server.AccessKeySpec;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@link WithFakePaiWorkspace} that governs a test: the method's, else its class's, an enclosing class's, a
 * superclass's or an interface's, also when it sits on a composed annotation.
 *
 * @param annotation     the governing annotation
 * @param annotatedClass the class whose annotation governs, or null when the method's does
 */
record FakeSettings(WithFakePaiWorkspace annotation, Class<?> annotatedClass) {

    static FakeSettings of(ExtensionContext context) {
        Optional<WithFakePaiWorkspace> onMethod = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, WithFakePaiWorkspace.class));
        if (onMethod.isPresent()) {
            if (onMethod.get().lifecycle() != FakeLifecycle.PER_TEST) {
                throw new ExtensionConfigurationException("@WithFakePaiWorkspace(lifecycle = "
                        + onMethod.get().lifecycle() + ") on the method "
                        + context.getRequiredTestMethod().getName()
                        + " cannot apply: a method's annotation always gives that test its own fake. Put the lifecycle "
                        + "on the class's annotation.");
            }
            return new FakeSettings(onMethod.get(), null);
        }
        return ofClass(context);
    }

    static FakeSettings ofClass(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
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

    /** How this annotation's fakes are made. */
    FakeRecipe recipe() {
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
}
