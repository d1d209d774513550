package io.github.paiworkspacefake.junit;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * How the fakes of one annotation or one registered extension are made: the builder settings to apply and the
 * classpath seed resource to load into every fresh (or freshly reset) fake.
 */
final class FakeRecipe {

    private final Consumer<PaiWorkspaceFake.Builder> settings;
    private final String seedResource;

    /**
     * @param settings     applied to a new {@link PaiWorkspaceFake.Builder} for every fake
     * @param seedResource a classpath resource in the seed-file format, or the empty string for none
     */
    FakeRecipe(Consumer<PaiWorkspaceFake.Builder> settings, String seedResource) {
        this.settings = settings;
        this.seedResource = seedResource;
    }

    /** A started, seeded fake; the seed resource is looked up with the test class's class loader. */
    PaiWorkspaceFake start(Class<?> testClass) {
        PaiWorkspaceFake.Builder builder = PaiWorkspaceFake.builder();
        settings.accept(builder);
        PaiWorkspaceFake fake = builder.build();
        try {
            seed(fake, testClass);
            return fake.start();
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    /** Loads the seed resource, if one is named, into the fake; a missing or invalid resource fails clearly. */
    void seed(PaiWorkspaceFake fake, Class<?> testClass) {
        if (seedResource.isEmpty()) {
            return;
        }
        String path = seedResource.startsWith("/") ? seedResource.substring(1) : seedResource;
        ClassLoader loader =
                Optional.ofNullable(testClass.getClassLoader()).orElseGet(ClassLoader::getSystemClassLoader);
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new ExtensionConfigurationException(
                        "The seed resource \"" + seedResource + "\" is not on the test classpath.");
            }
            fake.load(in);
        } catch (IOException | UncheckedIOException e) {
            throw new ExtensionConfigurationException(
                    "The seed resource \"" + seedResource + "\" could not be read.", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ExtensionConfigurationException(
                    "The seed resource \"" + seedResource + "\" is invalid: " + e.getMessage(), e);
        }
    }
}
