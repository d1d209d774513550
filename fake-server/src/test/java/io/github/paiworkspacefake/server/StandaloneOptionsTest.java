package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.server.standalone.StandaloneOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandaloneOptionsTest {

    @Test
    void defaultsToLoopbackDefaultPortAndHangzhou() {
        StandaloneOptions options = StandaloneOptions.parse(new String[0], 8080);

        assertThat(options)
                .isEqualTo(new StandaloneOptions(
                        false,
                        "127.0.0.1",
                        8080,
                        "cn-hangzhou",
                        List.of(),
                        false,
                        List.of(),
                        null,
                        false,
                        false,
                        null));
    }

    @Test
    void readsEveryFlagInBothSpellings() {
        StandaloneOptions options = StandaloneOptions.parse(
                new String[] {"--port", "9000", "--host=0.0.0.0", "--region", "cn-beijing"}, 8080);

        assertThat(options)
                .isEqualTo(new StandaloneOptions(
                        false, "0.0.0.0", 9000, "cn-beijing", List.of(), false, List.of(), null, false, false, null));
    }

    @Test
    void dataDirTakesADirectoryInBothSpellings() {
        assertThat(StandaloneOptions.parse(new String[] {"--data-dir", "/var/lib/fake"}, 8080)
                        .dataDirectory())
                .isEqualTo(java.nio.file.Path.of("/var/lib/fake"));
        assertThat(StandaloneOptions.parse(new String[] {"--data-dir=state"}, 8080)
                        .dataDirectory())
                .isEqualTo(java.nio.file.Path.of("state"));
        assertThat(StandaloneOptions.parse(new String[0], 8080).dataDirectory()).isNull();
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--data-dir="}, 8080))
                .hasMessageContaining("--data-dir must not be empty");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--data-dir"}, 8080))
                .hasMessageContaining("--data-dir needs a value");
    }

    @Test
    void exampleImagesIsASwitch() {
        assertThat(StandaloneOptions.parse(new String[] {"--example-images"}, 8080)
                        .exampleImages())
                .isTrue();
        assertThat(StandaloneOptions.parse(new String[] {"--example-images=false"}, 8080)
                        .exampleImages())
                .isFalse();
        assertThat(StandaloneOptions.parse(new String[0], 8080).exampleImages()).isFalse();
    }

    @Test
    void lenientIsASwitch() {
        assertThat(StandaloneOptions.parse(new String[] {"--lenient"}, 8080).lenient())
                .isTrue();
        assertThat(StandaloneOptions.parse(new String[] {"--lenient=false"}, 8080)
                        .lenient())
                .isFalse();
        assertThat(StandaloneOptions.parse(new String[0], 8080).lenient()).isFalse();
    }

    @Test
    void collectsRepeatedAccessKeysWithOptionalAccount() {
        StandaloneOptions options = StandaloneOptions.parse(
                new String[] {"--access-key", "AK1:secret1", "--access-key=AK2:secret2:1999000000000009"}, 8080);

        assertThat(options.accessKeys())
                .containsExactly(
                        new AccessKeySpec("AK1", "secret1", null),
                        new AccessKeySpec("AK2", "secret2", "1999000000000009"));
    }

    @Test
    void rejectsMalformedAccessKeys() {
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--access-key", "only-an-id"}, 8080))
                .hasMessageContaining("--access-key")
                .hasMessageContaining("ID:SECRET");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--access-key", ":secret"}, 8080))
                .hasMessageContaining("ID:SECRET");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--access-key", "AK:se:cret"}, 8080))
                .hasMessageContaining("ACCOUNT_ID")
                .hasMessageContaining("digits");
    }

    @Test
    void recognisesHelp() {
        assertThat(StandaloneOptions.parse(new String[] {"--help"}, 8080).help())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--admin", "--admin=true", "--admin=TRUE"})
    void adminSwitchIsOnWhenNamedOrTrue(String flag) {
        assertThat(StandaloneOptions.parse(new String[] {flag, "--port", "1"}, 8080))
                .extracting(StandaloneOptions::adminApi, StandaloneOptions::port)
                .containsExactly(true, 1);
    }

    @Test
    void adminSwitchIsOffWhenFalse() {
        assertThat(StandaloneOptions.parse(new String[] {"--admin=false"}, 8080).adminApi())
                .isFalse();
        assertThat(StandaloneOptions.parse(new String[] {"--help=false"}, 8080).help())
                .isFalse();
    }

    @Test
    @Timeout(5)
    void switchWithAnotherValueIsAUsageErrorNotAHang() {
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--admin=yes"}, 8080))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--admin takes no value or =true or =false, got --admin=yes");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--help="}, 8080))
                .hasMessageContaining("--help takes no value");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--admin", "false"}, 8080))
                .hasMessageContaining("unknown option false");
    }

    @Test
    void adminAllowTakesRepeatedAndCommaSeparatedBlocks() {
        StandaloneOptions options = StandaloneOptions.parse(
                new String[] {"--admin", "--admin-allow", "172.16.0.0/12,10.0.0.0/8", "--admin-allow=fd00::/8"}, 8080);

        assertThat(options.adminAllow()).containsExactly("172.16.0.0/12", "10.0.0.0/8", "fd00::/8");
    }

    @Test
    void adminAllowRefusesBadBlocksAndNeedsTheAdminApi() {
        assertThatThrownBy(
                        () -> StandaloneOptions.parse(new String[] {"--admin", "--admin-allow", "example.com"}, 8080))
                .hasMessageContaining("--admin-allow")
                .hasMessageContaining("not a CIDR block");
        assertThatThrownBy(
                        () -> StandaloneOptions.parse(new String[] {"--admin", "--admin-allow", "10.0.0.0/33"}, 8080))
                .hasMessageContaining("prefix length must be 0 to 32");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--admin-allow", "10.0.0.0/8"}, 8080))
                .hasMessageContaining("--admin-allow needs --admin");
    }

    @Test
    void rejectsUnknownFlagsAndBadPorts() {
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--prot", "1"}, 8080))
                .hasMessageContaining("unknown option --prot");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--port", "http"}, 8080))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--port"}, 8080))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--host="}, 8080))
                .hasMessageContaining("--host must not be empty");
    }

    @Test
    void parsesInConstantTimeWhateverTheArguments() {
        String[] many = new String[2_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i % 2 == 0 ? "--admin=true" : "--help=false";
        }
        org.assertj.core.api.Assertions.assertThatCode(() -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                        Duration.ofSeconds(5), () -> StandaloneOptions.parse(many, 8080)))
                .doesNotThrowAnyException();
    }
}
