package io.github.paiworkspacefake.server.standalone;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.WorkspaceRoles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run a class-data sharing archive is recorded from when the container image is built
 * ({@code java -XX:ArchiveClassesAtExit=... -cp pai-workspace-fake-server.jar ...CdsTraining}): it starts a fake as the
 * standalone jar does, sends every operation once, a refused request and an unknown path, and exits, so the classes
 * a real start and first requests load are archived and the container's first answer comes sooner.
 */
public final class CdsTraining {

    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        PaiWorkspaceFakeMain.quietServerLogs();
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().logRequests(true).build().start()) {
            fake.addUser("210000000000000001", "trainer");
            String base = fake.baseUrl();
            String id = field(
                    send(
                            base,
                            "POST",
                            "/api/v1/workspaces",
                            "{\"WorkspaceName\":\"cds_training\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"),
                    "WorkspaceId");
            String workspace = "/api/v1/workspaces/" + id;
            for (Operation operation : Operation.values()) {
                String path = operation
                        .route()
                        .replace("{WorkspaceId}", id)
                        .replace("{MemberId}", id + "-210000000000000001")
                        .replace("{RoleName}", WorkspaceRoles.GUEST)
                        .replaceAll("\\{[A-Za-z]+}", "cds-training");
                String body = switch (operation) {
                    case CreateMember ->
                        "{\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":[\"PAI.AlgoDeveloper\"]}]}";
                    case UpdateWorkspace -> "{\"Description\":\"trained\"}";
                    case UpdateDefaultWorkspace -> "{\"WorkspaceId\":\"" + id + "\"}";
                    case ChangeResourceGroup ->
                        "{\"ResourceId\":\"" + id
                                + "\",\"NewResourceGroupId\":\"rg-x\",\"ResourceType\":\"workspace\"}";
                    case CreateWorkspace ->
                        "{\"WorkspaceName\":\"cds_other\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}";
                    default ->
                        operation.method().equals("GET") || operation.method().equals("DELETE") ? null : "{}";
                };
                if (operation != Operation.DeleteWorkspace) {
                    send(
                            base,
                            operation.method(),
                            path + (operation == Operation.GetWorkspace ? "?Verbose=true" : ""),
                            body);
                }
            }
            send(base, "GET", "/api/v1/workspaces?PageSize=0", null);
            send(base, "GET", "/no/such/path", null);
            send(base, "DELETE", workspace, null);
        }
    }

    private static String send(String base, String method, String path, String body) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestMethod(method);
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        InputStream in = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream();
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String field(String json, String name) throws IOException {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!value.find()) {
            throw new IOException("no " + name + " in " + json);
        }
        return value.group(1);
    }
}
