package io.github.paiworkspacefake.contract;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A deliberately broken implementation: a loopback proxy in front of a real fake that alters what passes, and may
 * answer some requests itself instead of the fake (an update that is accepted but never applied, a deletion that
 * answers 200 and keeps the workspace). It counts the exchanges it altered or answered itself, so a test can tell a
 * variant that broke nothing from one the suite missed.
 */
final class MutatingProxy implements AutoCloseable {

    /** A request or answer on its way through. */
    static final class Exchange {
        String method;
        String pathAndQuery;
        String requestBody;
        /** The request's headers by lower-case name. */
        Map<String, String> requestHeaders = new TreeMap<>();

        int status;
        String responseBody;
        String contentType = "application/json;charset=utf-8";
        /** The answer's headers by lower-case name, such as {@code x-acs-request-id}. */
        Map<String, String> responseHeaders = new TreeMap<>();

        boolean isDelete() {
            return method.equals("DELETE");
        }

        /** DeleteWorkspace, {@code DELETE /api/v1/workspaces/{WorkspaceId}}: not a deletion of members or of a role. */
        boolean isDeleteWorkspace() {
            return isDelete() && pathAndQuery.matches("/api/v1/workspaces/[^/?]+");
        }

        private List<Object> snapshot() {
            return List.of(
                    method,
                    pathAndQuery,
                    requestBody,
                    status,
                    String.valueOf(responseBody),
                    contentType,
                    Map.copyOf(responseHeaders));
        }
    }

    /** Answers a request without the fake (which counts as an alteration), or returns null to forward it. */
    interface LocalAnswer {
        /** The filled-in exchange to answer with, or null. */
        Exchange answer(Exchange request);
    }

    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade");
    private static final Set<String> NOT_RETURNED =
            Set.of("content-length", "connection", "transfer-encoding", "date", "content-type");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger alterations = new AtomicInteger();

    MutatingProxy(String targetBaseUrl, UnaryOperator<Exchange> onRequest, UnaryOperator<Exchange> onResponse)
            throws IOException {
        this(targetBaseUrl, onRequest, request -> null, onResponse);
    }

    MutatingProxy(
            String targetBaseUrl,
            UnaryOperator<Exchange> onRequest,
            LocalAnswer local,
            UnaryOperator<Exchange> onResponse)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", http -> {
            try {
                Exchange exchange = new Exchange();
                exchange.method = http.getRequestMethod();
                exchange.pathAndQuery = http.getRequestURI().getRawPath()
                        + (http.getRequestURI().getRawQuery() == null
                                ? ""
                                : "?" + http.getRequestURI().getRawQuery());
                exchange.requestBody = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                for (Map.Entry<String, List<String>> header :
                        http.getRequestHeaders().entrySet()) {
                    exchange.requestHeaders.put(
                            header.getKey().toLowerCase(Locale.ROOT),
                            header.getValue().get(0));
                }
                List<Object> asSent = exchange.snapshot();
                exchange = onRequest.apply(exchange);
                boolean altered = !asSent.equals(exchange.snapshot());
                Exchange answered = local.answer(exchange);
                if (answered != null) {
                    exchange = answered;
                    altered = true;
                } else {
                    forward(targetBaseUrl, http.getRequestHeaders(), exchange);
                }
                List<Object> asAnswered = exchange.snapshot();
                exchange = onResponse.apply(exchange);
                if (altered || !asAnswered.equals(exchange.snapshot())) {
                    alterations.incrementAndGet();
                }
                byte[] body = exchange.responseBody == null
                        ? new byte[0]
                        : exchange.responseBody.getBytes(StandardCharsets.UTF_8);
                exchange.responseHeaders.forEach(
                        (name, value) -> http.getResponseHeaders().set(name, value));
                http.getResponseHeaders().set("Content-Type", exchange.contentType);
                http.sendResponseHeaders(exchange.status, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    http.getResponseBody().write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } finally {
                http.close();
            }
        });
        server.start();
    }

    private void forward(String targetBaseUrl, Map<String, List<String>> requestHeaders, Exchange exchange)
            throws IOException, InterruptedException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(targetBaseUrl + exchange.pathAndQuery))
                .method(
                        exchange.method,
                        exchange.requestBody.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(exchange.requestBody));
        requestHeaders.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> forward.header(name, value));
            }
        });
        HttpResponse<String> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
        exchange.status = answer.statusCode();
        exchange.responseBody = answer.body();
        answer.headers().firstValue("content-type").ifPresent(type -> exchange.contentType = type);
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_RETURNED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.responseHeaders.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many exchanges the proxy changed on their way (a request, an answer, or both) or answered itself. */
    int alterations() {
        return alterations.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
