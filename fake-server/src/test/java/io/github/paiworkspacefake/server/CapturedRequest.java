package io.github.paiworkspacefake.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A request exactly as the official SDK put it on the wire, captured by a loopback server, so a test can replay it
 * to the fake unchanged or with one part tampered with.
 */
final class CapturedRequest {

    String method;
    String rawPath;
    String rawQuery;
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body;

    /** Runs an SDK call against a throwaway loopback server and returns what it sent. */
    static CapturedRequest capture(SdkCall call) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicReference<CapturedRequest> captured = new AtomicReference<>();
        server.createContext("/", exchange -> {
            CapturedRequest request = new CapturedRequest();
            request.method = exchange.getRequestMethod();
            request.rawPath = exchange.getRequestURI().getRawPath();
            request.rawQuery = exchange.getRequestURI().getRawQuery();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> request.headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            request.body = exchange.getRequestBody().readAllBytes();
            captured.set(request);
            byte[] answer = "{\"RequestId\":\"captured\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            call.run(new OfficialSdkAt("127.0.0.1:" + server.getAddress().getPort()));
        } finally {
            server.stop(0);
        }
        return captured.get();
    }

    /** An SDK call to capture. */
    interface SdkCall {
        void run(OfficialSdkAt endpoint) throws Exception;
    }

    /** Where the SDK under capture sends its requests. */
    record OfficialSdkAt(String endpoint) {
        OfficialSdk signedWith(String accessKeyId, String secret) {
            return new OfficialSdk(endpoint, accessKeyId, secret);
        }
    }

    /** This request with a change applied, leaving the original intact. */
    CapturedRequest with(Consumer<CapturedRequest> change) {
        CapturedRequest copy = new CapturedRequest();
        copy.method = method;
        copy.rawPath = rawPath;
        copy.rawQuery = rawQuery;
        copy.headers.putAll(headers);
        copy.body = body.clone();
        change.accept(copy);
        return copy;
    }

    /** Sends this request byte for byte to a port on loopback and returns the status and body. */
    ApiReply replayTo(int port) throws IOException {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(rawPath)
                .append(rawQuery == null ? "" : "?" + rawQuery)
                .append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> {
            if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("connection")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        head.append("content-length: ").append(body.length).append("\r\nconnection: close\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String json = response.substring(response.indexOf("\r\n\r\n") + 4);
            return new ApiReply(status, json.isEmpty() ? null : ApiClient.JSON.readTree(json));
        }
    }

    /** A replayed request's answer. */
    record ApiReply(int status, JsonNode body) {
        String code() {
            return body == null ? null : body.path("Code").asText();
        }
    }
}
