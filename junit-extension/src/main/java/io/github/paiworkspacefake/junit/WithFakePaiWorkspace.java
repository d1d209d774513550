package io.github.paiworkspacefake.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a running, empty {@link io.github.paiworkspacefake.server.PaiWorkspaceFake}, injected as a
 * parameter of test methods, constructors and lifecycle methods, and stopped after the test even when it fails.
 * On a class it applies to every test in it and in its {@code @Nested} classes; on a method it overrides the class.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(WithFakePaiWorkspaceExtension.class)
public @interface WithFakePaiWorkspace {

    /** The region the fake serves; {@code cn-hangzhou} by default. */
    String regionId() default "cn-hangzhou";

    /** A classpath resource in the seed-file format to start every test with; none by default. */
    String seed() default "";

    /** The port to listen on; 0 (the default) picks a free one, so tests can run in parallel. */
    int port() default 0;

    /** A fresh fake per test (the default), or one per class reset before each test. */
    FakeLifecycle lifecycle() default FakeLifecycle.PER_TEST;

    /**
     * AccessKeys as {@code "ID:SECRET"} or {@code "ID:SECRET:ACCOUNT_ID"}, read by {@code AccessKeySpec.parse} as the
     * jar's {@code --access-key} and the container's {@code PAI_FAKE_ACCESS_KEYS} are; any key turns strict signature
     * checking on. None by default: any request is accepted.
     */
    String[] accessKeys() default {};

    /**
     * Whether request parameters the fake knows but does not honour (docs/coverage.md names them) are ignored instead
     * of refused with {@code 400 UnsupportedParameter}; off by default, so that no test passes on an answer that
     * ignored what it asked for.
     */
    boolean lenient() default false;
}
