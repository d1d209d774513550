package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

/** Run by a surefire execution whose classpath lacks tea-openapi: the extension must not need it. */
@WithFakePaiWorkspace
class WithoutTeaOpenApiTest {

    @Test
    void teaOpenApiIsReallyAbsent() {
        assertThatThrownBy(() -> Class.forName("com.aliyun.teaopenapi.models.Config"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theExtensionStillInjectsAFake(PaiWorkspaceFake fake) throws Exception {
        assertThat(new ApiClient(fake.baseUrl())
                        .get("/api/v1/defaultWorkspaces")
                        .status())
                .isEqualTo(404);
    }
}
