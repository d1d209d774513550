package io.github.paiworkspacefake.contract;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A deliberately broken implementation: a loopback proxy in front of a real fake that alters what passes. */
final class MutatingProxy implements AutoCloseable {

    /** A request or answer on its way through. */
    static final class Exchange {
        String method;
        String pathAndQuery;
        String requestBody;
        int status;
        String responseBody;
        String contentType = "application/json;charset=utf-8";
    }

    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    MutatingProxy(String targetBaseUrl, UnaryOperator<Exchange> onRequest, UnaryOperator<Exchange> onResponse) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", http -> {
            Exchange exchange = new Exchange();
            exchange.method = http.getRequestMethod();
            exchange.pathAndQuery = http.getRequestURI().getRawPath()
                    + (http.getRequestURI().getRawQuery() == null ? "" : "?" + http.getRequestURI().getRawQuery());
            exchange.requestBody = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange = onRequest.apply(exchange);
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(targetBaseUrl + exchange.pathAndQuery))
                    .method(exchange.method, exchange.requestBody.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(exchange.requestBody));
            http.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            try {
                HttpResponse<String> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                exchange.status = answer.statusCode();
                exchange.responseBody = answer.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            exchange = onResponse.apply(exchange);
            byte[] body = exchange.responseBody.getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().set("Content-Type", exchange.contentType);
            http.sendResponseHeaders(exchange.status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                http.getResponseBody().write(body);
            }
            http.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
