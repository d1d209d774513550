package io.github.paiworkspacefake.testsupport.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where headless Chromium and its chromedriver are installed ({@link HeadlessChromium});
 * elsewhere it is skipped, unless {@code PAI_FAKE_REQUIRE_BROWSER=true} (set by CI) turns the skip into a failure, as
 * {@code PAI_FAKE_REQUIRE_DOCKER} does for the container tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserAvailableCondition.class)
public @interface RequiresBrowser {}
