package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand random and hostile requests, from a fixed seed so a failure reproduces, sent over raw sockets: every
 * request is answered (none is closed without one), every answer is a 4xx in the service's error format with the
 * {@code x-acs-request-id} header, those Jetty gives before any route runs included, the server keeps serving, and
 * what was stored is unchanged.
 */
class HostileInputTest {

    private static final long SEED = 20261123L;
    private static final int REQUESTS = 10_000;

    private final Random random = new Random(SEED);

    @Test
    void everyHostileRequestGetsA4xxInTheErrorFormatAndChangesNothing() throws Exception {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .idGenerator(new Supplier<>() {
                    private int next;

                    @Override
                    public String get() {
                        return "seed-ws-" + next++;
                    }
                })
                .build()
                .start()) {
            Workspace seeded = fake.addWorkspace(
                    Workspace.builder("seeded_before").description("kept").build());
            List<Workspace> before = fake.workspaces();
            List<String> failures = new ArrayList<>();

            for (int i = 0; i < REQUESTS && failures.size() < 5; i++) {
                byte[] request = hostileRequest();
                String verdict = check(exchange(fake.port(), request), request);
                if (verdict != null) {
                    failures.add("#" + i + ": " + verdict + "\n  request: " + printable(request));
                }
            }

            assertThat(failures).isEmpty();
            assertThat(fake.workspaces()).isEqualTo(before);
            assertThat(new ApiClient(fake.baseUrl())
                            .get("/api/v1/workspaces/" + seeded.workspaceId())
                            .status())
                    .isEqualTo(200);
        }
    }

    /** Null when the answer is a 4xx in the error format; otherwise what is wrong with it. */
    private static String check(byte[] response, byte[] request) {
        String text = new String(response, StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.1 4")) {
            return "not a 4xx: " + (text.isEmpty() ? "no answer at all" : firstLine(text));
        }
        int bodyStart = text.indexOf("\r\n\r\n");
        String head = text.substring(0, Math.max(0, bodyStart)).toLowerCase(Locale.ROOT);
        Matcher requestIdHeader =
                Pattern.compile("\r\nx-acs-request-id: ([0-9a-f-]+)").matcher(head);
        if (!requestIdHeader.find()) {
            return "no x-acs-request-id header: " + firstLine(text);
        }
        if (new String(request, StandardCharsets.ISO_8859_1).startsWith("HEAD ")) {
            return null;
        }
        if (!head.contains("\r\ncontent-type: application/json")) {
            return "not declared as JSON: " + text.substring(0, Math.max(0, bodyStart));
        }
        try {
            JsonNode body = ApiClient.JSON.readTree(text.substring(bodyStart + 4));
            if (!body.path("Code").isTextual()
                    || !body.path("Message").isTextual()
                    || !body.path("RequestId").isTextual()
                    || !body.path("HostId").isTextual()) {
                return "error body without Code, Message, RequestId or HostId: " + body;
            }
            if (!body.path("RequestId").asText().equalsIgnoreCase(requestIdHeader.group(1))) {
                return "RequestId differs from the x-acs-request-id header: " + body;
            }
        } catch (IOException | RuntimeException e) {
            return "error body is not JSON: " + firstLine(text) + " / " + text.substring(Math.max(0, bodyStart));
        }
        return null;
    }

    private byte[] hostileRequest() {
        return switch (random.nextInt(12)) {
            case 0 -> post("/api/v1/workspaces", randomContentType(), randomBytes(random.nextInt(300)));
            case 1 ->
                random.nextInt(4) > 0
                        ? post(
                                "/api/v1/workspaces",
                                "application/json",
                                hostileJson().getBytes(StandardCharsets.UTF_8))
                        : post(
                                "/api/v1/defaultWorkspaces",
                                "application/json",
                                hostileDefaultJson().getBytes(StandardCharsets.UTF_8));
            case 2 -> get(oddPath(), oddQuery());
            case 3 -> plain(oddMethod(), oddPath() + oddQuery(), "");
            case 4 ->
                plain(
                        "GET",
                        "/api/v1/workspaces/" + random.nextInt(1000),
                        "X-Huge: " + "h".repeat(8_000 + random.nextInt(40_000)) + "\r\n");
            case 5 -> plain("GET", "/api/v1/defaultWorkspaces", "X-Ctl: a" + (char) random.nextInt(32) + "b\r\n");
            case 6 -> malformedRequestLine();
            case 7 -> get("/api/v1/workspaces", badListQuery());
            case 8 -> plain(anyMethod(), encodedPath(), "");
            case 9 ->
                plain(
                        anyMethod(),
                        "/api/v1/workspaces/" + random.nextInt(1000) + (random.nextBoolean() ? "?Verbose=true" : ""),
                        encodedHeader());
            case 10 -> cutShort();
            default ->
                post("/api/v1/workspaces", "application/json", wrongTypes().getBytes(StandardCharsets.UTF_8));
        };
    }

    private String hostileJson() {
        String valid =
                "{\"WorkspaceName\":\"ws_" + random.nextInt(1000) + "\",\"Description\":\"d\",\"EnvTypes\":[\"qa\"]}";
        return switch (random.nextInt(7)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> "[".repeat(33 + random.nextInt(3000));
            case 2 -> "{\"a\":".repeat(33 + random.nextInt(500)) + "1" + "}".repeat(10);
            case 3 -> "{\"WorkspaceName\":\"a\",\"WorkspaceName\":\"b\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}";
            case 4 ->
                "{\"WorkspaceName\":\"ws" + (char) random.nextInt(32)
                        + "x\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}";
            case 5 ->
                "{\"Description\":\"" + "长".repeat(81 + random.nextInt(100))
                        + "\",\"WorkspaceName\":\"ok_name\",\"EnvTypes\":[\"prod\"]}";
            default ->
                "{\"WorkspaceName\":\"" + "w".repeat(24 + random.nextInt(70_000))
                        + "\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}";
        };
    }

    /** CreateDefaultWorkspace bodies that must all be refused: every member there is optional. */
    private String hostileDefaultJson() {
        String[] values = {"1", "true", "{}", "[1]", "[\"qa\"]", "\"prod\"", "[]"};
        return switch (random.nextInt(4)) {
            case 0 -> "{\"EnvTypes\":" + values[random.nextInt(values.length)] + "}";
            case 1 -> "{\"Resources\":[" + values[random.nextInt(values.length)] + "]}";
            case 2 ->
                "{\"Description\":" + (random.nextBoolean() ? "7" : "\"" + "长".repeat(81 + random.nextInt(50)) + "\"")
                        + "}";
            default -> "{\"Description\":\"d\"" + ",\"x\":[".repeat(33 + random.nextInt(100));
        };
    }

    private String wrongTypes() {
        String[] values = {"1", "true", "null", "{}", "[]", "[1]", "\"\"", "-0.5e9", "[\"prod\",7]"};
        String name = random.nextInt(3) == 0 ? values[random.nextInt(values.length)] : "\"ws_ok\"";
        String description = random.nextInt(3) == 0 ? values[random.nextInt(values.length)] : "\"d\"";
        String envTypes = values[random.nextInt(values.length)];
        return "{\"WorkspaceName\":" + name + ",\"Description\":" + description + ",\"EnvTypes\":" + envTypes + "}";
    }

    private String oddPath() {
        String[] paths = {
            "/api/v1/workspaces/",
            "/api/v1/workspaces/..%2F..%2Fetc",
            "/api/v1/workspaces/%00",
            "/api/v1/workspaces/" + "9".repeat(1 + random.nextInt(5000)),
            "/api/v1/workspaces/%E4%B8%AD%E6%96%87",
            "/api/v1//workspaces//1",
            "/API/V1/WORKSPACES/1",
            "/api/v1/workspaces/1;jsessionid=x",
            "/api/v1/workspaces/%zz",
            "/api/v1/defaultWorkspaces/extra",
            "/%2e%2e/%2e%2e/",
            "/api/v1/workspaces/a%2Fb",
            "/" + "x".repeat(random.nextInt(9000)),
            "/api/v1/workspaces%zz",
            "/resourcegroups/action/changeresourcegroup/"
        };
        return paths[random.nextInt(paths.length)];
    }

    private String oddQuery() {
        String[] queries = {
            "",
            "?Verbose=maybe",
            "?Verbose=",
            "?Verbose",
            "?Verbose=true&Verbose=false",
            "?%zz=1",
            "?Verbose=%ff%fe",
            "?" + "a=b&".repeat(random.nextInt(2000)) + "Verbose=2",
            "?Verbose=tru%00e",
            "?&&&=&"
        };
        return queries[random.nextInt(queries.length)];
    }

    /** ListWorkspaces queries that must all be refused. */
    private String badListQuery() {
        String[] queries = {
            "?%zz=1",
            "?PageSize=%ff",
            "?PageNumber=99999999999999999999",
            "?SortBy=%00",
            "?Order=" + "D".repeat(1 + random.nextInt(5000)),
            "?PageSize=1&PageSize=2",
            "?Status=%E4%B8%AD",
            "?WorkspaceIds=%",
            "?Option=CheckWorkspaceExists",
            "?PageNumber=1e3",
            "?Verbose=" + random.nextInt()
        };
        return queries[random.nextInt(queries.length)];
    }

    private String oddMethod() {
        String[] methods = {"PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "PROPFIND", "HEAD"};
        return methods[random.nextInt(methods.length)];
    }

    private String anyMethod() {
        String[] methods = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO", "PRI", "get", "BREW"};
        return methods[random.nextInt(methods.length)];
    }

    /** Percent-encodings a decoder must refuse or treat with care, in the path or the query. */
    private String encodedPath() {
        String[] encodings = {
            "%c0%ae",
            "%c0%af",
            "%e0%80%ae",
            "%f0%80%80%af",
            "%c1%bf",
            "%80",
            "%bf%bf",
            "%e4%b8",
            "%f4%90%80%80",
            "%ed%a0%80",
            "%ff",
            "%fe%ff",
            "%zz",
            "%",
            "%2",
            "%%",
            "%u002e",
            "%00",
            "%0d%0a",
            "%2e%2e%2f",
            "%252e",
            "%e4%b8%ad"
        };
        StringBuilder encoded = new StringBuilder();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            encoded.append(encodings[random.nextInt(encodings.length)]);
        }
        return switch (random.nextInt(4)) {
            case 0 -> "/api/v1/workspaces/" + encoded;
            case 1 -> "/api/v1/" + encoded + "/workspaces";
            case 2 -> "/api/v1/workspaces/1?Verbose=" + encoded;
            default -> "/api/v1/defaultWorkspaces?" + encoded + "=true";
        };
    }

    /** Header lines that break the grammar, carry raw bytes or are too large. */
    private String encodedHeader() {
        String[] headers = {
            "Bad Header\r\n",
            "X-A: 1\r\n folded\r\n",
            ": no-name\r\n",
            "X-B : spaced\r\n",
            "X-\u00e9: latin\r\n",
            "X-C: \u00ff\u00fe\r\n",
            "X-D: a\u0000b\r\n",
            "X-E: a\rb\r\n",
            "X-F\r\n",
            "Content-Length: 1\r\nContent-Length: 2\r\n",
            "Content-Length: abc\r\n",
            "Transfer-Encoding: gzip\r\n",
            "Host: second\r\n",
            "Expect: 999-nope\r\n",
            "X-G: " + "g".repeat(9_000) + "\r\n",
            "X-H: h\r\n".repeat(50 + random.nextInt(2_000)),
            "Content-Type: application/json; charset=\u00e9\r\n"
        };
        return headers[random.nextInt(headers.length)];
    }

    /** A request whose client stops sending part way, after the request line at least. */
    private byte[] cutShort() {
        String[] requests = {
            "GET /api/v1/defaultWorkspaces HTTP/1.1\r\n",
            "GET /api/v1/workspaces/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n",
            "POST /api/v1/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n",
            "POST /api/v1/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 90\r\n\r\n{\"Work",
            "POST /api/v1/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n9\r\n{\"a\":1",
            "POST /api/v1/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "GET /api/v1/workspaces/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Partial: val"
        };
        return requests[random.nextInt(requests.length)].getBytes(StandardCharsets.ISO_8859_1);
    }

    private String randomContentType() {
        String[] types = {
            "application/json",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=latin1",
            "garbage"
        };
        return types[random.nextInt(types.length)];
    }

    private byte[] malformedRequestLine() {
        String[] lines = {
            "GET\r\n\r\n",
            "GET /api/v1/workspaces/1 HTTP/1.1 extra\r\nHost: x\r\n\r\n",
            "GET /api/v1/workspaces/1\u0000 HTTP/1.1\r\nHost: x\r\n\r\n",
            "G\tET / HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET http://[::1/ HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/v1/workspaces/1 HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
            "GET /api/v1/workspaces/1 HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            "POST /api/v1/workspaces HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        };
        return lines[random.nextInt(lines.length)].getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] post(String path, String contentType, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] get(String path, String query) {
        return plain("GET", path + query, "");
    }

    private static byte[] plain(String method, String target, String extraHeaders) {
        return (method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (IOException serverClosedEarly) {
                // the server may answer and close before reading a huge request; read what it said
            }
            InputStream in = socket.getInputStream();
            try {
                return in.readAllBytes();
            } catch (IOException reset) {
                return new byte[0];
            }
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf("\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    private static String printable(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        return (text.length() > 300 ? text.substring(0, 300) + "…" : text).replace("\r\n", "\\r\\n");
    }
}
