package io.github.paiworkspacefake.junit;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@link WithFakePaiWorkspace} that governs a test: the method's, else its class's or an enclosing class's.
 *
 * @param annotation    the governing annotation
 * @param testClass     the test class, whose class loader finds the seed resource
 * @param annotatedClass the class that carries the annotation, or null when the method does
 */
record FakeSettings(WithFakePaiWorkspace annotation, Class<?> testClass, Class<?> annotatedClass) {

    static FakeSettings of(ExtensionContext context) {
        Optional<WithFakePaiWorkspace> onMethod = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, WithFakePaiWorkspace.class));
        return onMethod.map(annotation -> new FakeSettings(annotation, context.getRequiredTestClass(), null))
                .orElseGet(() -> ofClass(context));
    }

    static FakeSettings ofClass(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        for (Class<?> current = testClass; current != null; current = current.getEnclosingClass()) {
            Optional<WithFakePaiWorkspace> found = AnnotationSupport.findAnnotation((AnnotatedElement) current,
                    WithFakePaiWorkspace.class);
            if (found.isPresent()) {
                return new FakeSettings(found.get(), testClass, current);
            }
        }
        throw new ExtensionConfigurationException("@WithFakePaiWorkspace not found on " + testClass.getName());
    }

    /** One fake for the annotated class: never for a method's own annotation. */
    boolean perClass() {
        return annotatedClass != null && annotation.lifecycle() == FakeLifecycle.PER_CLASS;
    }

    /** A started fake with these settings, seeded. */
    PaiWorkspaceFake startFake() {
        PaiWorkspaceFake.Builder builder = PaiWorkspaceFake.builder()
                .regionId(annotation.regionId())
                .port(annotation.port());
        for (String key : annotation.accessKeys()) {
            int colon = key.indexOf(':');
            if (colon <= 0 || colon == key.length() - 1) {
                throw new ExtensionConfigurationException(
                        "@WithFakePaiWorkspace(accessKeys) entries must be \"ID:SECRET\", got \"" + key + "\"");
            }
            builder.accessKey(key.substring(0, colon), key.substring(colon + 1));
        }
        PaiWorkspaceFake fake = builder.build();
        try {
            seed(fake);
            return fake.start();
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    /** Loads the seed resource, if one is named, into the fake. */
    void seed(PaiWorkspaceFake fake) {
        String resource = annotation.seed();
        if (resource.isEmpty()) {
            return;
        }
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Optional.ofNullable(testClass.getClassLoader()).orElseGet(ClassLoader::getSystemClassLoader);
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new ExtensionConfigurationException("The seed resource \"" + resource
                        + "\" named by @WithFakePaiWorkspace(seed) is not on the test classpath.");
            }
            fake.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExtensionConfigurationException("The seed resource \"" + resource + "\" could not be read.", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ExtensionConfigurationException("The seed resource \"" + resource + "\" is invalid: " + e.getMessage(), e);
        }
    }
}
