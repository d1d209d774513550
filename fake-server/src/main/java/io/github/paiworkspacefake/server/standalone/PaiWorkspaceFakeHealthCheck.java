package io.github.paiworkspacefake.server.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A health check for the standalone fake, for containers without curl:
 * {@code java -cp pai-workspace-fake-server.jar io.github.paiworkspacefake.server.standalone.PaiWorkspaceFakeHealthCheck [port]}
 * exits 0 when a fake answers on {@code 127.0.0.1:port} and 1 otherwise.
 *
 * <p>It asks the fake itself: any answer in the service's JSON format, even an error such as the 404 for an unknown
 * path, proves the fake is up. The port defaults to the environment variable {@code PAI_FAKE_PORT}, else 8080.
 */
public final class PaiWorkspaceFakeHealthCheck {

    /** The environment variable the container image sets the fake's port with. */
    public static final String PORT_VARIABLE = "PAI_FAKE_PORT";

    private static final int TIMEOUT_MILLIS = 3000;

    private PaiWorkspaceFakeHealthCheck() {}

    /** Checks the fake on the port given as the only argument (or from {@code PAI_FAKE_PORT}) and exits 0 or 1. */
    public static void main(String[] args) {
        String port = args.length > 0 ? args[0] : System.getenv().getOrDefault(PORT_VARIABLE, "8080");
        String problem = problem(port);
        if (problem == null) {
            System.out.println("healthy: the PAI Workspace fake answers on port " + port);
            System.exit(0);
        }
        System.out.println("unhealthy: " + problem);
        System.exit(1);
    }

    /** What is wrong with the fake on {@code 127.0.0.1:port}, or null when it answers in its own format. */
    public static String problem(String port) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            String body = read(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            if (status >= 500 || !body.contains("\"RequestId\"")) {
                return "port " + port + " answered HTTP " + status + " without the fake's JSON body";
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "no answer on port " + port + ": " + e;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static String read(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        try (body) {
            return new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }
}
