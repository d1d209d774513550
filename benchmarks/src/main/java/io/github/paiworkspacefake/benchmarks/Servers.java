package io.github.paiworkspacefake.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.net.httpserver.HttpServer;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The servers compared, each serving the same GetWorkspace answer on 127.0.0.1, and one shared way to call them. */
final class Servers {

    static final String WORKSPACE_ID = "100001";
    static final String PATH = "/api/v1/workspaces/" + WORKSPACE_ID;

    /** The fake's own GetWorkspace answer, rendered once, served verbatim by the baselines. */
    static final byte[] GET_WORKSPACE_BYTES = renderedByTheFake();

    private Servers() {}

    /** A server under comparison. */
    interface Running extends AutoCloseable {
        String baseUrl();

        @Override
        void close();
    }

    static Running fake() {
        PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
        fake.addWorkspace(Workspace.builder("bench_ws")
                .workspaceId(WORKSPACE_ID)
                .description("benchmark")
                .build());
        return new Running() {
            public String baseUrl() {
                return fake.baseUrl();
            }

            public void close() {
                fake.close();
            }
        };
    }

    static Running javalin() {
        Javalin app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.get(
                            "/api/v1/workspaces/{WorkspaceId}",
                            ctx -> ctx.contentType("application/json;charset=utf-8")
                                    .result(GET_WORKSPACE_BYTES));
                })
                .start("127.0.0.1", 0);
        return new Running() {
            public String baseUrl() {
                return "http://127.0.0.1:" + app.port();
            }

            public void close() {
                app.stop();
            }
        };
    }

    static Running jdkHttpServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/api/v1/workspaces/", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
                exchange.sendResponseHeaders(200, GET_WORKSPACE_BYTES.length);
                exchange.getResponseBody().write(GET_WORKSPACE_BYTES);
                exchange.close();
            });
            server.start();
            return new Running() {
                public String baseUrl() {
                    return "http://127.0.0.1:" + server.getAddress().getPort();
                }

                public void close() {
                    server.stop(0);
                    ((ExecutorService) server.getExecutor()).shutdownNow();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Running wireMock() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .disableRequestJournal());
        server.start();
        server.stubFor(WireMock.get(WireMock.urlPathMatching("/api/v1/workspaces/.*"))
                .willReturn(WireMock.aResponse()
                        .withHeader("Content-Type", "application/json;charset=utf-8")
                        .withBody(GET_WORKSPACE_BYTES)));
        return new Running() {
            public String baseUrl() {
                return "http://127.0.0.1:" + server.port();
            }

            public void close() {
                server.stop();
            }
        };
    }

    /** GET the workspace; fails on anything but 200 so a broken server cannot look fast. */
    static int get(HttpClient client, String baseUrl) {
        try {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + PATH)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            return response.body().length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static byte[] renderedByTheFake() {
        try (Running fake = fake()) {
            HttpResponse<byte[]> response = client().send(
                            HttpRequest.newBuilder(URI.create(fake.baseUrl() + PATH))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            return new String(response.body(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
