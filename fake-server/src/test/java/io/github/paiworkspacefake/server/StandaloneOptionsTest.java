package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneOptionsTest {

    @Test
    void defaultsToLoopbackDefaultPortAndHangzhou() {
        StandaloneOptions options = StandaloneOptions.parse(new String[0], 8080);

        assertThat(options).isEqualTo(new StandaloneOptions(false, "127.0.0.1", 8080, "cn-hangzhou", List.of(), false, null));
    }

    @Test
    void readsEveryFlagInBothSpellings() {
        StandaloneOptions options = StandaloneOptions.parse(
                new String[] {"--port", "9000", "--host=0.0.0.0", "--region", "cn-beijing"}, 8080);

        assertThat(options).isEqualTo(new StandaloneOptions(false, "0.0.0.0", 9000, "cn-beijing", List.of(), false, null));
    }

    @Test
    void collectsRepeatedAccessKeysWithOptionalAccount() {
        StandaloneOptions options = StandaloneOptions.parse(
                new String[] {"--access-key", "AK1:secret1", "--access-key=AK2:secret2:1999000000000009"}, 8080);

        assertThat(options.accessKeys()).containsExactly(
                new StandaloneOptions.AccessKeyOption("AK1", "secret1", null),
                new StandaloneOptions.AccessKeyOption("AK2", "secret2", "1999000000000009"));
    }

    @Test
    void rejectsMalformedAccessKeys() {
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--access-key", "only-an-id"}, 8080))
                .hasMessageContaining("ID:SECRET");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--access-key", ":secret"}, 8080))
                .hasMessageContaining("ID:SECRET");
    }

    @Test
    void recognisesHelp() {
        assertThat(StandaloneOptions.parse(new String[] {"--help"}, 8080).help()).isTrue();
    }

    @Test
    void rejectsUnknownFlagsAndBadPorts() {
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--prot", "1"}, 8080))
                .hasMessageContaining("unknown option --prot");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--port", "http"}, 8080))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> StandaloneOptions.parse(new String[] {"--port"}, 8080))
                .hasMessageContaining("needs a value");
    }
}
