package io.github.paiworkspacefake.server.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.DatasetJobStatus;
import io.github.paiworkspacefake.server.FaultError;
import io.github.paiworkspacefake.server.Image;
import io.github.paiworkspacefake.server.ImageBuild;
import io.github.paiworkspacefake.server.InstanceJob;
import io.github.paiworkspacefake.server.InstanceJobs;
import io.github.paiworkspacefake.server.OfficialImage;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.ProductOrder;
import io.github.paiworkspacefake.server.Products;
import io.github.paiworkspacefake.server.Quota;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.console.RequestBrowser;
import io.github.paiworkspacefake.server.internal.console.StateBrowser;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import io.github.paiworkspacefake.server.internal.domain.FaultSchedule;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.JsonBody;
import io.github.paiworkspacefake.server.internal.domain.RequestJournal;
import io.github.paiworkspacefake.server.internal.families.Families;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Test controls over HTTP under {@code /__admin}, apart from the service's paths: faults, workspace lifecycle,
 * the request journal, snapshots and reset, official images and image builds, a read-only view of the state, and the
 * console, a web page that drives all of these. Off unless the fake is built with the admin API; it answers loopback
 * clients and those in the allowed address blocks, and a call that changes anything must declare a JSON body
 * ({@code Content-Type: application/json}), which a web page cannot send to it with a simple form post. A browser's
 * request that another site's page sent is refused ({@link CrossSite}).
 */
public final class AdminHttpApi {

    public static final String PREFIX = "/__admin";

    /** The answer of a call that changes something and has nothing to report. */
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final AdminControls fake;
    private final List<AddressRange> allowed;

    public AdminHttpApi(AdminControls fake, List<AddressRange> allowed) {
        this.fake = fake;
        this.allowed = List.copyOf(allowed);
    }

    /** What an admin route does, given the admin API of the fake the request reached: its answer's JSON. */
    @FunctionalInterface
    private interface Action {
        byte[] run(AdminHttpApi admin, Context ctx, Map<String, String> pathParameters) throws Exception;
    }

    /**
     * An admin route: its action, and whether it changes state (it then needs a JSON body declared); the console's
     * pages are routes of their own.
     */
    private record Route(Action action, boolean changing, ConsolePages.Page page) {

        Route(Action action, boolean changing) {
            this(action, changing, null);
        }
    }

    /** The admin routes, declared once for every fake of the JVM. */
    private static final RouteTable<Route> ROUTES = routes();

    private static RouteTable<Route> routes() {
        RouteTable<Route> routes = new RouteTable<>();
        changing(routes, "POST", "/reset", (admin, ctx, p) -> admin.reset());
        reading(routes, "GET", "/requests", (admin, ctx, p) -> admin.listRequests(ctx));
        reading(routes, "GET", "/requests/{Sequence}", (admin, ctx, p) -> admin.request(p.get("Sequence")));
        changing(routes, "DELETE", "/requests", (admin, ctx, p) -> admin.clearRequests());
        reading(routes, "GET", "/faults", (admin, ctx, p) -> admin.listFaults());
        changing(routes, "POST", "/faults", (admin, ctx, p) -> admin.addFault(ctx));
        changing(routes, "DELETE", "/faults", (admin, ctx, p) -> admin.clearFaults(ctx));
        changing(
                routes,
                "POST",
                "/workspaces/{WorkspaceId}/lifecycle",
                (admin, ctx, p) -> admin.driveLifecycle(ctx, p.get("WorkspaceId")));
        changing(
                routes,
                "POST",
                "/workspaces/{WorkspaceId}/default",
                (admin, ctx, p) -> admin.makeDefault(p.get("WorkspaceId")));
        reading(
                routes,
                "GET",
                "/state",
                (admin, ctx, p) -> admin.fake.stateBrowser().summary());
        reading(routes, "GET", "/state/{Kind}", (admin, ctx, p) -> admin.statePage(ctx, p.get("Kind")));
        reading(routes, "GET", "/operations", (admin, ctx, p) -> operations());
        changing(routes, "POST", "/deletions", (admin, ctx, p) -> admin.delayDeletions(ctx));
        changing(routes, "POST", "/users", (admin, ctx, p) -> admin.addUser(ctx));
        changing(
                routes,
                "POST",
                "/datasets/{DatasetId}/datasetjobs/{DatasetJobId}/status",
                (admin, ctx, p) -> admin.setDatasetJobStatus(ctx, p.get("DatasetId"), p.get("DatasetJobId")));
        changing(routes, "POST", "/images", (admin, ctx, p) -> admin.addOfficialImage(ctx));
        changing(routes, "POST", "/images/examples", (admin, ctx, p) -> admin.addExampleImages());
        changing(
                routes,
                "POST",
                "/imagebuilds/{ImageBuildId}",
                (admin, ctx, p) -> admin.endImageBuild(ctx, p.get("ImageBuildId")));
        changing(routes, "POST", "/instancejobs", (admin, ctx, p) -> admin.jobPolicy(ctx));
        reading(routes, "GET", "/instancejobs", (admin, ctx, p) -> admin.jobs());
        changing(
                routes,
                "POST",
                "/instancejobs/{InstanceJobId}",
                (admin, ctx, p) -> admin.endJob(ctx, p.get("InstanceJobId")));
        changing(routes, "POST", "/products", (admin, ctx, p) -> admin.product(ctx));
        changing(routes, "POST", "/services", (admin, ctx, p) -> admin.service(ctx));
        reading(routes, "GET", "/productorders", (admin, ctx, p) -> admin.orders());
        changing(routes, "POST", "/quotas", (admin, ctx, p) -> admin.quota(ctx));
        changing(routes, "POST", "/features", (admin, ctx, p) -> admin.features(ctx));
        reading(routes, "GET", "/snapshot", (admin, ctx, p) -> admin.snapshot(ctx));
        changing(routes, "PUT", "/snapshot", (admin, ctx, p) -> admin.restoreSnapshot(ctx));
        for (ConsolePages.Page page : ConsolePages.PAGES) {
            routes.add("GET", PREFIX + page.path(), new Route(null, false, page));
        }
        return routes;
    }

    private static void reading(RouteTable<Route> routes, String method, String path, Action action) {
        routes.add(method, PREFIX + path, new Route(action, false));
    }

    private static void changing(RouteTable<Route> routes, String method, String path, Action action) {
        routes.add(method, PREFIX + path, new Route(action, true));
    }

    /**
     * Answers a request under {@value #PREFIX}: an unknown path, or any path of a fake without the admin API, is the
     * API's 404; a client the admin API does not answer is refused; a call that changes state must declare a JSON
     * body ({@code Content-Type: application/json}).
     */
    static void answer(Context ctx, Exchange exchange, String path) throws Exception {
        RouteTable.Match<Route> match = ROUTES.find(ctx.method().name(), path);
        AdminHttpApi admin = exchange.api().admin().orElse(null);
        if (match == null || admin == null) {
            throw new ApiException(ErrorCode.API_NOT_FOUND, FakeHttpApi.apiNotFound(ctx));
        }
        admin.requireAllowedClient(ctx);
        CrossSite.requireSameOrigin(ctx, match.value().changing(), match.value().page() != null);
        if (match.value().changing()) {
            // the raw header: the servlet API would throw on a charset it cannot name
            JsonBody.requireJsonContentType(ctx.header("Content-Type"), true);
        }
        if (match.value().page() != null) {
            ConsolePages.answer(ctx, exchange, match.value().page());
            return;
        }
        byte[] answer = match.value().action().run(admin, ctx, match.pathParameters());
        if (answer != null) {
            exchange.answer(ctx, 200, answer);
        } else {
            exchange.answeredByRoute();
        }
    }

    private byte[] reset() {
        fake.reset();
        return EMPTY_OBJECT;
    }

    private byte[] clearRequests() {
        fake.clearRequests();
        return EMPTY_OBJECT;
    }

    /** Every fault, or, given {@code {"operation":..}}, that operation's. */
    private byte[] clearFaults(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            fake.faults().clear();
        } else {
            fake.faults().clear(operation(JsonBody.parse(body).requiredString("operation")));
        }
        return EMPTY_OBJECT;
    }

    /** The faults waiting: errors and drops with the calls they still take, delays. */
    private byte[] listFaults() {
        List<FaultSchedule.Pending> pending = fake.pendingFaults();
        return Json.document(json -> {
            json.writeArrayFieldStart("faults");
            for (FaultSchedule.Pending fault : pending) {
                json.writeStartObject();
                json.writeStringField("operation", fault.operation().name());
                if (fault.action() instanceof FaultSchedule.Fail fail) {
                    json.writeStringField("kind", "fail");
                    json.writeNumberField("remaining", fault.remaining());
                    json.writeNumberField("status", fail.status());
                    json.writeStringField("code", fail.code());
                    json.writeStringField("message", fail.message());
                } else if (fault.action() instanceof FaultSchedule.Drop) {
                    json.writeStringField("kind", "drop");
                    json.writeNumberField("remaining", fault.remaining());
                } else {
                    json.writeStringField("kind", "delay");
                    json.writeNumberField("delayMillis", fault.delay().toMillis());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** Makes a stored workspace its owner's default, replacing any earlier default. */
    private byte[] makeDefault(String workspaceId) {
        Workspace workspace = fake.makeDefault(workspaceId)
                .orElseThrow(() -> new ApiException(ErrorCode.WORKSPACE_NOT_FOUND, "Workspace not exists"));
        return Json.document(json -> {
            json.writeStringField("WorkspaceId", workspace.workspaceId());
            json.writeBooleanField("IsDefault", true);
        });
    }

    /** {@code ?account=..&filter=..&page=1&pageSize=50}: a page of one kind of stored item, newest first. */
    private byte[] statePage(Context ctx, String kind) {
        String account = Optional.ofNullable(ctx.queryParam("account"))
                .filter(id -> !id.isBlank())
                .orElse(fake.account().accountId());
        long page = positive(ctx.queryParam("page"), "page", 1, Long.MAX_VALUE / StateBrowser.MAX_PAGE_SIZE);
        int pageSize = (int) positive(ctx.queryParam("pageSize"), "pageSize", 50, StateBrowser.MAX_PAGE_SIZE);
        try {
            return fake.stateBrowser().page(kind, account, ctx.queryParam("filter"), page, pageSize);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("kind", e.getMessage());
        }
    }

    /** Every operation of the catalogue: its family, method and path, and whether the fake serves it. */
    private static byte[] operations() {
        return Json.document(json -> {
            json.writeArrayFieldStart("operations");
            for (OperationSpec operation : Catalogue.get().operations()) {
                json.writeStartObject();
                json.writeStringField("name", operation.name());
                json.writeStringField("family", operation.family());
                json.writeStringField("method", operation.method());
                json.writeStringField("path", operation.path());
                json.writeBooleanField("served", Families.registry().serves(operation.operation()));
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** A positive integer query parameter, {@code fallback} when absent, at most {@code max}. */
    private static long positive(String value, String name, long fallback, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalid(name, "it must be an integer from 1 to " + max + ", got " + value + ".");
    }

    /** Writes the snapshot to the response as it is made, entry by entry: a large one is never held as text. */
    private byte[] snapshot(Context ctx) throws IOException {
        ctx.status(200).contentType(Json.MEDIA_TYPE);
        fake.writeSnapshot(ctx.outputStream());
        return null;
    }

    private void requireAllowedClient(Context ctx) {
        InetAddress client;
        try {
            // the servlet API gives the peer's literal address: no name lookup happens here
            client = InetAddress.getByName(ctx.req().getRemoteAddr());
        } catch (UnknownHostException e) {
            throw forbidden();
        }
        if (!client.isLoopbackAddress() && allowed.stream().noneMatch(range -> range.contains(client))) {
            throw forbidden();
        }
    }

    private static ApiException forbidden() {
        return new ApiException(
                ErrorCode.ADMIN_FORBIDDEN,
                "The admin API answers loopback clients and those allowed with --admin-allow only.");
    }

    /**
     * The journal: every entry, oldest first, or as the query asks ({@code operation}, {@code status}, {@code text},
     * {@code order=newest}, {@code before}, {@code after}, {@code limit}, {@code summary=true}).
     */
    private byte[] listRequests(Context ctx) {
        RequestBrowser.Query query = new RequestBrowser.Query(
                ctx.queryParam("operation"),
                ctx.queryParam("status"),
                ctx.queryParam("text"),
                "newest".equals(ctx.queryParam("order")),
                ctx.queryParam("before") == null ? 0 : positive(ctx.queryParam("before"), "before", 0, Long.MAX_VALUE),
                ctx.queryParam("after") == null ? 0 : positive(ctx.queryParam("after"), "after", 0, Long.MAX_VALUE),
                ctx.queryParam("limit") == null
                        ? 0
                        : (int) positive(ctx.queryParam("limit"), "limit", 0, RequestJournal.CAPACITY),
                "true".equals(ctx.queryParam("summary")));
        try {
            return fake.requestBrowser().list(query);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw ApiException.invalid(message.substring(0, colon), message.substring(colon + 2));
        }
    }

    /** One journal entry, whole: the request with its headers and body, and the answer. */
    private byte[] request(String sequence) {
        long number = positive(sequence, "sequence", 0, Long.MAX_VALUE);
        return fake.requestBrowser()
                .one(number)
                .orElseThrow(() -> ApiException.invalid(
                        "sequence", "the journal no longer holds (or never held) request " + sequence + "."));
    }

    /**
     * {@code {"operation":..,"failNext":N,"error":"THROTTLING"}} or, an error of one's own,
     * {@code {"operation":..,"failNext":N,"status":429,"code":"..","message":".."}}; {@code {"operation":..,
     * "dropNext":N}}; or {@code {"operation":..,"delayMillis":N}}.
     */
    private byte[] addFault(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        Operation operation = operation(body.requiredString("operation"));
        long failNext = body.optionalLong("failNext").orElse(0L);
        long dropNext = body.optionalLong("dropNext").orElse(0L);
        long delayMillis = body.optionalLong("delayMillis").orElse(-1L);
        if (failNext > 0) {
            int times = Math.toIntExact(Math.min(failNext, Integer.MAX_VALUE));
            Optional<Long> status = body.optionalLong("status");
            if (status.isPresent() || body.optionalString("code").isPresent()) {
                if (body.optionalString("error").isPresent()) {
                    throw ApiException.invalid("error", "give error, or status, code and message, not both.");
                }
                failWith(operation, times, status, body);
            } else {
                FaultError error = parse(
                        FaultError.class, "error", body.optionalString("error").orElse("INTERNAL_ERROR"));
                fake.faults().failNext(operation, times, error);
            }
        } else if (dropNext > 0) {
            fake.faults().dropNext(operation, Math.toIntExact(Math.min(dropNext, Integer.MAX_VALUE)));
        } else if (delayMillis >= 0) {
            fake.faults().delay(operation, Duration.ofMillis(delayMillis));
        } else {
            throw ApiException.invalid("fault", "give failNext, dropNext or delayMillis as a positive integer.");
        }
        return EMPTY_OBJECT;
    }

    /** {@code {"status":"FAILURE"}}, {@code {"enableAfterReads":N}} or {@code {"enableAfterMillis":N}}. */
    private byte[] driveLifecycle(Context ctx, String workspaceId) {
        if (fake.workspace(workspaceId).isEmpty()) {
            throw new ApiException(ErrorCode.WORKSPACE_NOT_FOUND, "Workspace not exists");
        }
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        Workspace workspace;
        if (body.optionalLong("enableAfterReads").isPresent()) {
            workspace = fake.enableAfterReads(
                    workspaceId,
                    nonNegative(body.optionalLong("enableAfterReads").get(), "enableAfterReads"));
        } else if (body.optionalLong("enableAfterMillis").isPresent()) {
            workspace = fake.enableAfter(
                    workspaceId,
                    Duration.ofMillis(
                            nonNegative(body.optionalLong("enableAfterMillis").get(), "enableAfterMillis")));
        } else {
            workspace =
                    fake.setStatus(workspaceId, parse(WorkspaceStatus.class, "status", body.requiredString("status")));
        }
        return Json.bytes(Json.object()
                .put("WorkspaceId", workspace.workspaceId())
                .put("Status", workspace.status().name()));
    }

    /**
     * {@code {"UserId":..,"UserName":..}} adds a RAM user to the fake's account, {@code "AccountId"} to another
     * account (whose other details the user does not need).
     */
    private byte[] addUser(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        String userId = body.requiredString("UserId");
        String userName = body.requiredString("UserName");
        Account account = body.optionalString("AccountId")
                .filter(id -> !id.equals(fake.account().accountId()))
                .map(id -> Account.of(id, id))
                .orElse(fake.account());
        if (userId.equals(account.accountId())) {
            throw ApiException.invalid("UserId", "the account's own user always exists.");
        }
        User user = fake.addUser(account, userId, userName);
        return Json.bytes(Json.object()
                .put("AccountId", user.accountId())
                .put("UserId", user.userId())
                .put("UserName", user.userName()));
    }

    /**
     * {@code {"Status":"Succeeded"}}: moves a dataset job to a status (Creating, Running, Succeeded, Failed, Stopping,
     * Stopped, as the API spells them), for code that waits for one; an unknown dataset or job is 404.
     */
    private byte[] setDatasetJobStatus(Context ctx, String datasetId, String datasetJobId) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        String text = body.requiredString("Status");
        DatasetJobStatus status = DatasetJobStatus.of(text)
                .orElseThrow(() -> ApiException.invalid(
                        "Status",
                        "valid values are "
                                + Arrays.stream(DatasetJobStatus.values())
                                        .map(DatasetJobStatus::value)
                                        .toList()
                                + ", got \"" + text + "\"."));
        try {
            fake.setDatasetJobStatus(datasetId, datasetJobId, status);
        } catch (IllegalArgumentException e) {
            throw e.getCause() instanceof ApiException notFound
                    ? notFound
                    : ApiException.invalid("Status", e.getMessage());
        }
        return Json.bytes(Json.object()
                .put("DatasetId", datasetId)
                .put("DatasetJobId", datasetJobId)
                .put("Status", status.value()));
    }

    /** {@code {"afterReads":N}} or {@code {"afterMillis":N}}: when accepted DeleteWorkspace calls take effect. */
    private byte[] delayDeletions(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        if (body.optionalLong("afterReads").isPresent()) {
            fake.deleteAfterReads(nonNegative(body.optionalLong("afterReads").get(), "afterReads"));
        } else if (body.optionalLong("afterMillis").isPresent()) {
            fake.deleteAfter(Duration.ofMillis(
                    nonNegative(body.optionalLong("afterMillis").get(), "afterMillis")));
        } else {
            throw ApiException.invalid("deletions", "give afterReads or afterMillis as a non-negative integer.");
        }
        return EMPTY_OBJECT;
    }

    /**
     * {@code {"Name":..,"ImageUri":..[,"ImageId":..,"Description":..,"Labels":[{"Key":..,"Value":..}],"Size":N]}}:
     * adds an official image, which every account reads; answers it as GetImage would with Verbose.
     */
    private byte[] addOfficialImage(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        OfficialImage.Builder image =
                OfficialImage.builder(body.requiredString("Name"), body.requiredString("ImageUri"));
        body.optionalString("ImageId").ifPresent(image::imageId);
        body.optionalString("Description").ifPresent(image::description);
        body.optionalLong("Size").ifPresent(image::size);
        for (JsonBody label : body.optionalObjectList("Labels").orElse(List.of())) {
            image.label(
                    label.requiredString("Key"), label.optionalString("Value").orElse(""));
        }
        Image added;
        try {
            added = fake.images().addOfficial(image.build());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "ImageAlreadyExists", e.getMessage());
        }
        return Json.bytes(image(added));
    }

    /** Adds the example set of official images ({@code OfficialImage.EXAMPLES}); answers how many. */
    private byte[] addExampleImages() {
        List<Image> added;
        try {
            added = fake.images().addExamples();
        } catch (IllegalStateException e) {
            throw new ApiException(409, "ImageAlreadyExists", e.getMessage());
        }
        ObjectNode body = Json.object();
        ArrayNode images = body.putArray("Images");
        added.forEach(image -> images.add(image(image)));
        return Json.bytes(body);
    }

    private static ObjectNode image(Image image) {
        ObjectNode node = Json.object()
                .put("ImageId", image.imageId())
                .put("Name", image.name())
                .put("ImageUri", image.imageUri());
        ArrayNode labels = node.putArray("Labels");
        image.labels()
                .forEach((key, value) -> labels.addObject().put("Key", key).put("Value", value));
        return node;
    }

    /**
     * {@code {"status":"Succeeded"}} or {@code {"status":"Failed"[,"message":..]}}: ends a running image build; a
     * successful one adds its image to the workspace. Answers the build's {@code Status} and {@code ImageId}.
     */
    private byte[] endImageBuild(Context ctx, String imageBuildId) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        ImageBuild.Status status = parse(ImageBuild.Status.class, "status", body.requiredString("status"));
        ImageBuild build;
        try {
            switch (status) {
                case SUCCEEDED -> fake.images().completeBuild(imageBuildId);
                case FAILED ->
                    fake.images()
                            .failBuild(
                                    imageBuildId, body.optionalString("message").orElse("failed by the admin API"));
                default -> throw ApiException.invalid("status", "give Succeeded or Failed.");
            }
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "ImageBuildNotFound", e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "ImageBuildNotRunning", e.getMessage());
        }
        build = fake.images().build(imageBuildId).orElseThrow();
        ObjectNode answer = Json.object()
                .put("ImageBuildId", build.imageBuildId())
                .put("Status", build.status().name());
        if (build.imageId() != null) {
            answer.put("ImageId", build.imageId());
        }
        if (build.message() != null) {
            answer.put("Message", build.message());
        }
        return Json.bytes(answer);
    }

    /**
     * Replaces the whole state with a snapshot in one step, then clears faults and the journal as a reset does; a
     * refused snapshot is answered 400 naming the problem and changes nothing. The body is read as a stream, one entry
     * at a time, and of any size: the API's request limit is for its operations, not for the state a test restores.
     */
    private byte[] restoreSnapshot(Context ctx) throws IOException {
        try (InputStream body = ctx.req().getInputStream()) {
            fake.restore(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("snapshot", e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        fake.faults().clear();
        fake.clearRequests();
        return Json.bytes(Json.object().put("workspaces", fake.workspaces().size()));
    }

    /** An error of the caller's own: a status from 400 to 599, a code and a message. */
    private void failWith(Operation operation, int times, Optional<Long> status, JsonBody body) {
        long code = status.orElseThrow(() -> ApiException.missing("status"));
        if (code < 400 || code > 599) {
            throw ApiException.invalid("status", "it must be an HTTP error status from 400 to 599, got " + code + ".");
        }
        try {
            fake.faults()
                    .failNext(
                            operation,
                            times,
                            (int) code,
                            body.requiredString("code"),
                            body.optionalString("message").orElse(""));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("code", e.getMessage() + ".");
        }
    }

    /**
     * How jobs started from now on run: {@code {"completeAtOnce":true}}, {@code {"hold":true}},
     * {@code {"completeAfterReads":N}} or {@code {"completeAfterMillis":N}}.
     */
    private byte[] jobPolicy(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        InstanceJobs jobs = fake.instanceJobs();
        if (body.optionalLong("completeAfterReads").isPresent()) {
            jobs.completeAfterReads(
                    nonNegative(body.optionalLong("completeAfterReads").get(), "completeAfterReads"));
        } else if (body.optionalLong("completeAfterMillis").isPresent()) {
            jobs.completeAfter(Duration.ofMillis(
                    nonNegative(body.optionalLong("completeAfterMillis").get(), "completeAfterMillis")));
        } else if (flag(body, "hold").orElse(false)) {
            jobs.hold();
        } else if (flag(body, "completeAtOnce").orElse(false)) {
            jobs.completeAtOnce();
        } else {
            throw ApiException.invalid(
                    "instancejobs",
                    "give completeAtOnce or hold as true, or completeAfterReads or completeAfterMillis.");
        }
        return EMPTY_OBJECT;
    }

    private byte[] jobs() {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("InstanceJobs");
        fake.instanceJobs().jobs().forEach(job -> job(list.addObject(), job));
        return Json.bytes(body);
    }

    private static ObjectNode job(ObjectNode node, InstanceJob job) {
        return node.put("InstanceJobId", job.instanceJobId())
                .put("Type", job.type())
                .put("InstanceId", job.instanceId())
                .put("WorkspaceId", job.workspaceId())
                .put("Status", job.status())
                .put("ReasonMessage", job.reasonMessage());
    }

    /** Ends a running job: {@code {"Status":"Successful"}} or {@code {"Status":"Failed","ReasonMessage":".."}}. */
    private byte[] endJob(Context ctx, String instanceJobId) {
        if (fake.instanceJobs().job(instanceJobId).isEmpty()) {
            throw new ApiException(404, "InstanceJobNotFound", "Instance job not exists");
        }
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        String status = body.requiredString("Status");
        InstanceJob job = switch (status) {
            case "Successful" -> fake.instanceJobs().complete(instanceJobId);
            case "Failed" ->
                fake.instanceJobs()
                        .fail(
                                instanceJobId,
                                body.optionalString("ReasonMessage").orElse("Failed by test code"));
            default -> throw ApiException.invalid("Status", "valid values are Successful and Failed.");
        };
        return Json.bytes(job(Json.object(), job));
    }

    /** {@code {"ProductCode":..,"IsPurchased":true|false,"HasPermissionToPurchase":true|false}}. */
    private byte[] product(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        String productCode = body.requiredString("ProductCode");
        if (!Products.PRODUCT_CODES.contains(productCode)) {
            throw ApiException.invalid("ProductCode", "valid values are " + Products.PRODUCT_CODES + ".");
        }
        if (flag(body, "IsPurchased").orElse(true)) {
            fake.products().purchased(productCode);
        } else {
            fake.products()
                    .notPurchased(
                            productCode, flag(body, "HasPermissionToPurchase").orElse(true));
        }
        return EMPTY_OBJECT;
    }

    /** {@code {"ServiceCode":..,"IsOpen":true|false}}. */
    private byte[] service(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        fake.products()
                .serviceOpen(
                        body.requiredString("ServiceCode"), flag(body, "IsOpen").orElse(true));
        return EMPTY_OBJECT;
    }

    private byte[] orders() {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("Orders");
        for (ProductOrder order : fake.products().orders()) {
            ObjectNode node = list.addObject()
                    .put("OrderId", order.orderId())
                    .put("AccountId", order.accountId())
                    .put("Paid", order.paid());
            ArrayNode codes = node.putArray("ProductCodes");
            order.productCodes().forEach(codes::add);
        }
        return Json.bytes(body);
    }

    /**
     * {@code {"Name":..}} with optional {@code Id}, {@code DisplayName}, {@code Mode}, {@code ProductCode},
     * {@code QuotaType}, {@code CardType} and {@code Specs} (an object of names to values): adds a quota.
     */
    private byte[] quota(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        Quota usual = Quota.named(body.requiredString("Name"));
        Map<String, String> specs = new LinkedHashMap<>();
        JsonNode given = body.member("Specs");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw ApiException.invalid("Specs", "it must be an object of names to string values.");
            }
            given.fields().forEachRemaining(spec -> {
                if (!spec.getValue().isTextual()) {
                    throw ApiException.invalid("Specs", "the value of " + spec.getKey() + " must be a string.");
                }
                specs.put(spec.getKey(), spec.getValue().textValue());
            });
        }
        Quota quota;
        try {
            quota = fake.quotas()
                    .add(new Quota(
                            body.optionalString("Id").orElse(null),
                            usual.name(),
                            body.optionalString("DisplayName").orElse(usual.displayName()),
                            body.optionalString("Mode").orElse(usual.mode()),
                            body.optionalString("ProductCode").orElse(usual.productCode()),
                            body.optionalString("QuotaType").orElse(usual.quotaType()),
                            body.optionalString("CardType").orElse(usual.cardType()),
                            specs));
        } catch (IllegalStateException e) {
            throw ApiException.invalid("quota", e.getMessage());
        }
        return Json.bytes(Json.object().put("Id", quota.id()).put("Name", quota.name()));
    }

    /** {@code {"Enable":[..],"Disable":[..]}}: answers the features enabled then. */
    private byte[] features(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        body.optionalStringList("Enable").ifPresent(names -> fake.features().enable(names.toArray(String[]::new)));
        body.optionalStringList("Disable").ifPresent(names -> fake.features().disable(names.toArray(String[]::new)));
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("Features");
        fake.features().enabled().forEach(list::add);
        return Json.bytes(answer);
    }

    /** A boolean member that may be absent or null; other JSON types are refused. */
    private static Optional<Boolean> flag(JsonBody body, String name) {
        JsonNode value = body.member(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiException.invalid(name, "it must be true or false, got " + JsonBody.describe(value) + ".");
        }
        return Optional.of(value.booleanValue());
    }

    private static int nonNegative(long value, String name) {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw ApiException.invalid(name, "it must be a non-negative integer.");
        }
        return (int) value;
    }

    private static Operation operation(String name) {
        return Arrays.stream(Operation.values())
                .filter(op -> op.name().equals(name))
                .findFirst()
                .orElseThrow(() -> ApiException.invalid(
                        "operation", "valid values are " + Arrays.toString(Operation.values()) + "."));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        Function<String, E> lookup = text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        try {
            return lookup.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "valid values are " + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
