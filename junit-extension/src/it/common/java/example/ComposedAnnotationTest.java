package example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import org.junit.jupiter.api.Test;

/** The settings of a composed annotation, inherited from a base class, apply. */
class ComposedAnnotationTest extends TeamTestBase {

    @Test
    void theComposedSettingsApply(PaiWorkspaceFake fake) {
        assertThat(fake.regionId()).isEqualTo("cn-beijing");
        assertThat(fake.requiresSignatures()).isTrue();
        assertThat(fake.accessKeyId()).isEqualTo("LTAI5tTeamKey");
    }
}
