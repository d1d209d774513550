package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.testsupport.browser.BrowserAvailableCondition;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's browser tests run where Chromium is, are skipped where it is not, and fail there under CI's flag. */
class BrowserAvailableConditionTest {

    @Test
    void runsWhereChromiumIsInstalled() {
        assertThat(new BrowserAvailableCondition(Optional::empty, name -> null)
                        .evaluateExecutionCondition(null)
                        .isDisabled())
                .isFalse();
    }

    @Test
    void skipsWithoutChromiumSayingHowToMakeThatAFailure() {
        var result = new BrowserAvailableCondition(() -> Optional.of("no Chromium"), name -> null)
                .evaluateExecutionCondition(null);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason())
                .hasValue("no Chromium; set PAI_FAKE_REQUIRE_BROWSER=true to make this a failure");
    }

    @Test
    void failsWithoutChromiumWhenCiRequiresTheBrowserTests() {
        Map<String, String> ci = Map.of("PAI_FAKE_REQUIRE_BROWSER", "true");

        assertThatThrownBy(() -> new BrowserAvailableCondition(() -> Optional.of("no Chromium"), ci::get)
                        .evaluateExecutionCondition(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no Chromium, but PAI_FAKE_REQUIRE_BROWSER=true requires the browser tests to run");
    }
}
