package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractConfigTest {

    private static ContractConfig from(Map<String, String> parameters) {
        return ContractConfig.from(parameters::get);
    }

    @Test
    void readsTheResourceGroupAndTheDeletionTimeoutFromItsParameters() {
        ContractConfig config = from(Map.of(
                ContractConfig.ENDPOINT,
                "http://127.0.0.1:8080/",
                ContractConfig.RESOURCE_GROUP,
                " rg-acfmsecond ",
                ContractConfig.DELETION_TIMEOUT,
                "30"));

        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(config.resourceGroupId()).isEqualTo("rg-acfmsecond");
        assertThat(config.hasResourceGroup()).isTrue();
        assertThat(config.deletionTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void withoutThemThereIsNoSecondGroupAndDeletionsMayTakeTwoMinutes() {
        ContractConfig config = from(Map.of(ContractConfig.ENDPOINT, "http://127.0.0.1:8080"));
        ContractConfig shortForm = new ContractConfig(URI.create("http://x"), "cn-hangzhou", "ak", "sk", true);

        assertThat(config.hasResourceGroup()).isFalse();
        assertThat(config.deletionTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(shortForm.resourceGroupId()).isEmpty();
        assertThat(shortForm.deletionTimeout()).isEqualTo(ContractConfig.DEFAULT_DELETION_TIMEOUT);
        assertThat(shortForm.withResourceGroup("rg-x").withDeletionTimeout(Duration.ZERO))
                .extracting(
                        ContractConfig::resourceGroupId, ContractConfig::deletionTimeout, ContractConfig::allowCreate)
                .containsExactly("rg-x", Duration.ZERO, true);
    }

    @Test
    void aDeletionTimeoutIsSecondsOrAnIsoDurationAndNeverNegative() {
        assertThat(ContractConfig.parseTimeout("0")).isZero();
        assertThat(ContractConfig.parseTimeout("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> ContractConfig.parseTimeout("-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContractConfig.parseTimeout("PT-5S"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> ContractConfig.parseTimeout("soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seconds (30) or an ISO-8601 duration (PT30S)");
        assertThatThrownBy(() -> new ContractConfig(URI.create("http://x"), "r", "ak", "sk", true)
                        .withDeletionTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
