package io.github.paiworkspacefake.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where a Docker engine answers; elsewhere it is skipped, unless the environment variable
 * {@code PAI_FAKE_REQUIRE_DOCKER=true} (set by CI) turns the skip into a failure. An engine that answers but that
 * Testcontainers could not use without minutes of waiting (see {@link DockerProbe}) fails the class at once, saying
 * what is missing. Put it before {@code @Testcontainers}, so that it is asked first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerAvailableCondition.class)
public @interface RequiresDocker {}
