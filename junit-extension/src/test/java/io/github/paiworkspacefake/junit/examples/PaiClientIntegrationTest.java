package io.github.paiworkspacefake.junit.examples;

import io.github.paiworkspacefake.junit.PaiWorkspaceFakeExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * docs/junit.md's Spring example, compiled against spring-test: a static field's fake is running before Spring asks for
 * its properties. (In a Spring Boot project the class also carries {@code @SpringBootTest}.)
 */
// docs:begin spring
class PaiClientIntegrationTest { // with @SpringBootTest in a Spring Boot project

    @RegisterExtension
    static PaiWorkspaceFakeExtension pai =
            PaiWorkspaceFakeExtension.newInstance().build();

    @DynamicPropertySource
    static void paiProperties(DynamicPropertyRegistry registry) {
        registry.add("pai.endpoint", () -> pai.fake().endpoint());
        registry.add("pai.access-key-id", () -> pai.fake().accessKeyId());
        registry.add("pai.access-key-secret", () -> pai.fake().accessKeySecret());
    }
}
// docs:end spring
