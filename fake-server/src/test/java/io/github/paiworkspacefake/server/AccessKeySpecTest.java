package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessKeySpecTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "LTAI5tKey:Secret|LTAI5tKey|Secret|-",
                "LTAI5tKey:Secret:1999000000000009|LTAI5tKey|Secret|1999000000000009",
                "LTAI5tKey:Se:cret:|LTAI5tKey|Se:cret|-",
                "LTAI5tKey:Se:cr:et:1999000000000009|LTAI5tKey|Se:cr:et|1999000000000009",
                "LTAI5tKey:::|LTAI5tKey|:|-"
            })
    void readsIdSecretAndOptionalAccount(String text, String id, String secret, String accountId) {
        assertThat(AccessKeySpec.parse(text)).isEqualTo(new AccessKeySpec(id, secret, accountId));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LTAI5tKey:Secret",
                "LTAI5tKey:Secret:1999000000000009",
                "LTAI5tKey:secret:2:",
                "LTAI5tKey:a:b:c:7"
            })
    void textReadsBackToTheSameKey(String text) {
        AccessKeySpec key = AccessKeySpec.parse(text);

        assertThat(AccessKeySpec.parse(key.text())).isEqualTo(key);
    }

    @Test
    void aSecretWithAColonIsWrittenWithATrailingColon() {
        assertThat(AccessKeySpec.of("LTAI-two", "secret:2").text()).isEqualTo("LTAI-two:secret:2:");
        assertThat(AccessKeySpec.parse("LTAI-two:secret:2:").accessKeySecret()).isEqualTo("secret:2");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "only-an-id|expected ID:SECRET[:ACCOUNT_ID]",
                ":secret|the AccessKeyId must be non-empty",
                "LTAI5tKey:|the AccessKeySecret of LTAI5tKey must be non-empty",
                "LTAI5tKey::|the AccessKeySecret of LTAI5tKey must be non-empty",
                "LTAI5tKey:Se:cret|the ACCOUNT_ID of LTAI5tKey must be an account UID of digits, got \"cret\"",
                "LTAI5tKey:Sec ret|without whitespace",
                "LTAI5tKey:a,b|without whitespace or ','"
            })
    void refusesTextOutsideTheRuleSayingWhy(String text, String message) {
        assertThatThrownBy(() -> AccessKeySpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void actsAsTheNamedAccountOrTheFakesOwn() {
        PaiWorkspaceFake own = AccessKeySpec.parse("LTAI5tKey:Secret")
                .applyTo(PaiWorkspaceFake.builder())
                .build();
        PaiWorkspaceFake other = AccessKeySpec.parse("LTAI5tKey:Secret:1999000000000009")
                .applyTo(PaiWorkspaceFake.builder())
                .build();

        assertThat(own.requiresSignatures()).isTrue();
        assertThat(own.accessKeySecret()).isEqualTo("Secret");
        assertThat(AccessKeySpec.parse("LTAI5tKey:Secret:1999000000000009").account())
                .hasValue(Account.of("1999000000000009", "1999000000000009"));
        assertThat(other.accessKeyId()).isEqualTo("LTAI5tKey");
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(AccessKeySpec.parse("LTAI5tKey:TopSecret").toString())
                .doesNotContain("TopSecret")
                .contains("LTAI5tKey");
    }
}
