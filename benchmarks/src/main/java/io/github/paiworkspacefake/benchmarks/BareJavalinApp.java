package io.github.paiworkspacefake.benchmarks;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference the standalone fake is measured against: a bare Javalin app with one route, GetWorkspace's path,
 * answering every request with the same bytes (a GetWorkspace answer of the fake, read from a file) and doing
 * nothing else. Run as its own JVM from {@code benchmarks/target/bare-javalin.jar}:
 * {@code java -jar bare-javalin.jar PORT BODY_FILE}. It binds 127.0.0.1 and logs only warnings, as the fake does for
 * Jetty and Javalin.
 */
public final class BareJavalinApp {

    private BareJavalinApp() {}

    /** Serves until the JVM is stopped. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java -jar bare-javalin.jar PORT BODY_FILE");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "warn");
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.get(
                            "/api/v1/workspaces/{WorkspaceId}",
                            ctx -> ctx.contentType("application/json;charset=utf-8")
                                    .result(body));
                })
                .start("127.0.0.1", port);
        System.out.println("bare Javalin listening on http://127.0.0.1:" + port);
    }
}
