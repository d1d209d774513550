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
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the web server refuses before any route runs, sent over a raw socket: every answer is the service's JSON error
 * with the {@code x-acs-request-id} header, whatever the method, and a request cut short after its request line is
 * still answered.
 */
class HttpEdgeTest {

    private static final PaiWorkspaceFake FAKE =
            PaiWorkspaceFake.builder().build().start();
    private static final String END = "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "overlong UTF-8 in the path|GET /api/v1/workspaces/%c0%ae HTTP/1.1|400|BadRequest",
                "overlong UTF-8 in the path of a PUT|PUT /api/v1/workspaces/%c0%ae HTTP/1.1|400|BadRequest",
                "overlong UTF-8 in the path of a DELETE|DELETE /api/v1/%e0%80%af/workspaces HTTP/1.1|400|BadRequest",
                "overlong UTF-8 in the query|GET /api/v1/workspaces/1?Verbose=%c0%ae HTTP/1.1|400|InvalidParameter",
                "truncated UTF-8 in the path|OPTIONS /api/v1/workspaces/%e4%b8 HTTP/1.1|400|BadRequest",
                "malformed percent-encoding|PUT /api/v1/workspaces/%zz HTTP/1.1|400|BadRequest",
                "a UTF-16 escape|GET /api/v1/workspaces/%u002e HTTP/1.1|400|BadRequest",
                "an unknown method|BREW /api/v1/workspaces HTTP/1.1|404|InvalidApi.NotFound",
                "the HTTP/2 preface method on HTTP/1.1|PRI * HTTP/2.0|426|BadRequest",
                "OPTIONS for the whole server|OPTIONS * HTTP/1.1|404|InvalidApi.NotFound",
                "an unsupported version|GET /api/v1/defaultWorkspaces HTTP/3.0|505|BadRequest"
            })
    void requestLineProblemsAreAnsweredInJson(String problem, String requestLine, int status, String code)
            throws IOException {
        assertJsonError(exchange(requestLine + "\r\n" + END), status, code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a header line without a colon|Bad Header",
                "a space before the colon|X-Name : value",
                "a folded header line|X-Name: a{CRLF} folded",
                "a NUL in a value|X-Name: a\u0000b",
                "two Content-Lengths|Content-Length: 1{CRLF}Content-Length: 2",
                "a Content-Length that is no number|Content-Length: ten"
            })
    void badHeaderLinesAreAnsweredInJsonWhateverTheMethod(String problem, String header) throws IOException {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            assertJsonError(
                    exchange(method + " /api/v1/workspaces/1 HTTP/1.1\r\n" + crlf(header) + "\r\n" + END),
                    400,
                    "BadRequest");
        }
    }

    @Test
    void headersTooLargeAre431InJson() throws IOException {
        assertJsonError(
                exchange("DELETE /api/v1/workspaces/1 HTTP/1.1\r\nX-Huge: " + "h".repeat(20_000) + "\r\n" + END),
                431,
                "RequestEntityTooLarge");
    }

    @Test
    void aUriTooLongIs414InJson() throws IOException {
        assertJsonError(
                exchange("PUT /api/v1/workspaces/" + "9".repeat(20_000) + " HTTP/1.1\r\n" + END), 414, "BadRequest");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "the request line alone|GET /api/v1/defaultWorkspaces HTTP/1.1{CRLF}",
                "headers without their blank line|GET /api/v1/defaultWorkspaces HTTP/1.1{CRLF}Host: 127.0.0.1{CRLF}",
                "a header line cut in two|POST /api/v1/workspaces HTTP/1.1{CRLF}Host: 127.0.0.1{CRLF}Content-Ty"
            })
    void aRequestCutShortAfterItsRequestLineIsStillAnswered(String problem, String request) throws IOException {
        assertJsonError(exchange(crlf(request)), 400, "BadRequest");
    }

    /** CSV rows cannot hold line breaks: {@code {CRLF}} stands for one. */
    private static String crlf(String text) {
        return text.replace("{CRLF}", "\r\n");
    }

    @Test
    void aBodyShorterThanItsContentLengthIs400() throws IOException {
        assertJsonError(
                exchange("POST /api/v1/workspaces HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 90\r\n"
                        + END + "{\"WorkspaceName\":"),
                400,
                "BadRequest");
        assertThat(FAKE.workspaces()).isEmpty();
    }

    @Test
    void aMalformedChunkIs400() throws IOException {
        assertJsonError(
                exchange("POST /api/v1/workspaces HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n" + END + "zz\r\n{}\r\n0\r\n\r\n"),
                400,
                "BadRequest");
    }

    @Test
    void onlyAConnectionThatSentNoRequestLineIsClosedWithoutAnAnswer() throws IOException {
        assertThat(exchange("\r\n\r\n")).isEmpty();
        assertThat(exchange("GET /api/v1/defaultWorkspaces HTTP/1.1\r\n" + END)).startsWith("HTTP/1.1 404");
    }

    private static void assertJsonError(String response, int status, String code) throws IOException {
        assertThat(response).as("an answer").startsWith("HTTP/1.1 " + status + " ");
        int bodyStart = response.indexOf("\r\n\r\n");
        String head = response.substring(0, bodyStart).toLowerCase(Locale.ROOT);
        assertThat(head).contains("\r\ncontent-type: application/json");
        String requestId = head.replaceAll("(?s).*\r\nx-acs-request-id: ([0-9a-f-]+).*", "$1");
        assertThat(requestId).as("x-acs-request-id header in %s", head).matches("[0-9a-f-]{36}");
        JsonNode body = ApiClient.JSON.readTree(response.substring(bodyStart + 4));
        assertThat(body.path("Code").asText()).isEqualTo(code);
        assertThat(body.path("RequestId").asText()).isEqualToIgnoringCase(requestId);
        assertThat(body.path("HostId").asText()).isEqualTo("aiworkspace.cn-hangzhou.aliyuncs.com");
        assertThat(body.path("Message").asText()).isNotBlank();
    }

    /** Sends the bytes, closes the sending side as a client that is done would, and reads everything answered. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), FAKE.port())) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.shutdownOutput();
            } catch (IOException answeredBeforeTheEnd) {
                // the server may answer and stop reading before a huge request is all sent
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
