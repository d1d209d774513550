package example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.junit.PaiWorkspaceFakeExtension;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static {@code @RegisterExtension} field: one fake for the class, running before {@code @BeforeAll}. */
// docs:begin programmatic
class ProgrammaticStaticTest {

    @RegisterExtension
    static PaiWorkspaceFakeExtension fakes =
            PaiWorkspaceFakeExtension.newInstance().regionId("cn-shanghai").build();

    static String endpoint;

    @BeforeAll
    static void readTheEndpointAsDynamicPropertySourceWould() {
        endpoint = fakes.fake().endpoint();
    }
    // docs:end programmatic

    @RepeatedTest(4)
    void testsShareTheClassFakeOneAtATime(PaiWorkspaceFake fake, RepetitionInfo repetition) throws Exception {
        assertThat(fake).isSameAs(fakes.fake());
        assertThat(fake.endpoint()).isEqualTo(endpoint);
        assertThat(fake.regionId()).isEqualTo("cn-shanghai");
        assertThat(fake.workspaces()).isEmpty();
        assertThat(Workspaces.create(fake.baseUrl(), "ws_" + repetition.getCurrentRepetition()))
                .isEqualTo(200);
        Thread.sleep(20);
        assertThat(fake.workspaces()).hasSize(1);
    }
}
