package io.github.paiworkspacefake.server.internal.http;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.FaultError;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.RecordedRequest;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.ChangeResourceGroupRequest;
import io.github.paiworkspacefake.server.internal.domain.CreateDefaultWorkspaceRequest;
import io.github.paiworkspacefake.server.internal.domain.CreateMemberRequest;
import io.github.paiworkspacefake.server.internal.domain.CreateWorkspaceRequest;
import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import io.github.paiworkspacefake.server.internal.domain.FaultSchedule;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.JsonBody;
import io.github.paiworkspacefake.server.internal.domain.ListMembersRequest;
import io.github.paiworkspacefake.server.internal.domain.ListWorkspacesRequest;
import io.github.paiworkspacefake.server.internal.domain.MemberService;
import io.github.paiworkspacefake.server.internal.domain.QueryParameters;
import io.github.paiworkspacefake.server.internal.domain.RequestJournal;
import io.github.paiworkspacefake.server.internal.domain.UpdateDefaultWorkspaceRequest;
import io.github.paiworkspacefake.server.internal.domain.UpdateWorkspaceRequest;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceService;
import io.github.paiworkspacefake.server.internal.signature.Authenticator;
import io.github.paiworkspacefake.server.internal.signature.SignedRequest;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the fake: routes of the Workspace API onto {@link WorkspaceService}, and every failure, ours or
 * the web server's, into the service's JSON error body. Handlers only parse, call the service and render.
 */
public final class WorkspaceHttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceHttpApi.class);
    private static final String ADMIN_PREFIX = AdminHttpApi.PREFIX;
    /** The largest request body served; the largest valid CreateWorkspace body is far smaller. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final byte[] NO_BODY = new byte[0];

    private final WorkspaceService service;
    private final MemberService members;
    private final Authenticator authenticator;
    private final String regionId;
    private final RequestJournal journal;
    private final FaultSchedule faults;
    private final Clock clock;
    private final boolean logRequests;
    private final AdminHttpApi admin;

    /**
     * @param admin       the fake's admin API, or null when it serves none
     * @param logRequests whether to log one line per request
     */
    public WorkspaceHttpApi(
            WorkspaceService service,
            MemberService members,
            Authenticator authenticator,
            String regionId,
            RequestJournal journal,
            FaultSchedule faults,
            Clock clock,
            AdminHttpApi admin,
            boolean logRequests) {
        this.admin = admin;
        this.logRequests = logRequests;
        this.service = service;
        this.members = members;
        this.authenticator = authenticator;
        this.regionId = regionId;
        this.journal = journal;
        this.faults = faults;
        this.clock = clock;
    }

    /**
     * Declares, once for every fake the server holds, the operations' routes (each from its {@link Operation}), the
     * admin routes and the mapping of every failure to the error body; {@code apiOf} finds the fake a request
     * reached. Body size and exact-path routing are the same for every fake.
     */
    public static void declare(JavalinConfig config, Function<Context, WorkspaceHttpApi> apiOf) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.http.compressionStrategy = jsonCompression();
        // the gateway routes exact paths: /api/v1/workspaces/ is not ListWorkspaces
        config.router.ignoreTrailingSlashes = false;
        Function<Context, Exchange> exchangeOf = ctx -> Exchange.of(ctx, apiOf);
        config.requestLogger.http((ctx, millis) -> {
            Exchange exchange = exchangeOf.apply(ctx);
            exchange.api().recordAndLog(ctx, exchange, millis);
        });
        for (Operation operation : Operation.values()) {
            Handler handler = ctx -> {
                Exchange exchange = exchangeOf.apply(ctx);
                exchange.api().answer(operation, ctx, exchange);
            };
            config.routes.addEndpoint(
                    new Endpoint(HandlerType.findOrCreate(operation.method()), operation.route(), handler));
            if (operation.method().equals("GET")) {
                config.routes.addEndpoint(new Endpoint(HandlerType.HEAD, operation.route(), handler));
            }
        }
        AdminHttpApi.declare(config, exchangeOf);

        config.routes.exception(
                ApiException.class, (e, ctx) -> writeError(ctx, exchangeOf.apply(ctx), e.errorCode(), e.getMessage()));
        config.routes.exception(
                InjectedFault.class,
                (e, ctx) ->
                        writeError(ctx, exchangeOf.apply(ctx), e.error.status(), e.error.code(), e.error.message()));
        config.routes.exception(
                HttpResponseException.class,
                (e, ctx) -> writeError(
                        ctx,
                        exchangeOf.apply(ctx),
                        errorFor(e),
                        errorFor(e) == ErrorCode.API_NOT_FOUND ? apiNotFound(ctx) : e.getMessage()));
        config.routes.exception(
                Exception.class,
                (e, ctx) -> JettyEdge.clientFault(e)
                        .ifPresentOrElse(
                                fault -> writeError(
                                        ctx,
                                        exchangeOf.apply(ctx),
                                        fault.status(),
                                        fault.errorCode().code(),
                                        fault.message()),
                                () -> {
                                    LOG.error("Unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
                                    writeError(
                                            ctx,
                                            exchangeOf.apply(ctx),
                                            ErrorCode.INTERNAL_ERROR,
                                            "The request processing has failed due to some unknown error.");
                                }));
        for (int status : new int[] {404, 405}) {
            config.routes.error(status, ctx -> {
                Exchange exchange = exchangeOf.apply(ctx);
                if (!exchange.answered()) {
                    writeError(ctx, exchange, ErrorCode.API_NOT_FOUND, apiNotFound(ctx));
                }
            });
        }
    }

    /**
     * Javalin's default, gzip for answers of 1,500 bytes or more to clients that accept it, told that every answer is
     * JSON: naming the type as allowed spares each answer Javalin's case-insensitive search through the excluded types
     * (a tenth of a GetWorkspace's time). A new strategy, as Javalin's default one is shared by every app of the JVM.
     */
    private static CompressionStrategy jsonCompression() {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        gzip.setAllowedMimeTypes(List.of(Json.MEDIA_TYPE));
        return gzip;
    }

    /** The region this fake reports in error bodies' HostId. */
    public String regionId() {
        return regionId;
    }

    /** This fake's admin API, when it serves one. */
    public Optional<AdminHttpApi> admin() {
        return Optional.ofNullable(admin);
    }

    /** Journals a request (admin calls excepted) and, when asked to, logs one line for it off the request thread. */
    private void recordAndLog(Context ctx, Exchange exchange, float millis) {
        if (!ctx.path().startsWith(ADMIN_PREFIX)) {
            journal.record(recorded(ctx, exchange));
        }
        if (logRequests) {
            String query = ctx.queryString();
            RequestLog.line(ctx.method() + " " + ctx.path() + (query == null ? "" : "?" + query) + " -> "
                    + ctx.statusCode() + " (" + Math.round(millis) + " ms, RequestId " + exchange.requestId() + ")");
        }
    }

    /**
     * Answers one request for an operation: the caller is authenticated before anything else happens to the request
     * (an unsigned or forged request takes no injected fault and waits out no delay), then faults apply, then the
     * operation runs.
     */
    private void answer(Operation operation, Context ctx, Exchange exchange) throws InterruptedException {
        exchange.operation(operation);
        Account caller = authenticator.authenticate(() -> signedRequest(ctx));
        if (applyFaults(ctx, operation)) {
            exchange.answer(ctx, 200, perform(operation, ctx, caller, exchange.requestId()));
        }
    }

    /** What each operation does: parse, call the service, render. The compiler checks every operation is here. */
    private byte[] perform(Operation operation, Context ctx, Account caller, String requestId) {
        return switch (operation) {
            case CreateWorkspace ->
                WorkspaceResponses.created(
                        requestId, service.create(caller, CreateWorkspaceRequest.from(jsonBody(ctx))));
            case GetWorkspace -> {
                boolean verbose = query(ctx).verbose();
                Workspace workspace = service.get(caller, ctx.pathParam("WorkspaceId"));
                yield WorkspaceResponses.workspace(requestId, workspace, service.isDefault(workspace), verbose);
            }
            case GetDefaultWorkspace -> {
                boolean verbose = query(ctx).verbose();
                Workspace workspace = service.getDefault(caller);
                yield WorkspaceResponses.defaultWorkspace(
                        requestId, workspace, service.stagesReached(workspace), verbose);
            }
            case CreateDefaultWorkspace ->
                WorkspaceResponses.created(
                        requestId, service.createDefault(caller, CreateDefaultWorkspaceRequest.from(jsonBody(ctx))));
            case ListWorkspaces -> listWorkspaces(caller, ListWorkspacesRequest.from(query(ctx)), requestId);
            case UpdateWorkspace -> {
                UpdateWorkspaceRequest request = UpdateWorkspaceRequest.from(jsonBody(ctx));
                service.update(caller, ctx.pathParam("WorkspaceId"), request);
                yield WorkspaceResponses.requestIdOnly(requestId);
            }
            case DeleteWorkspace -> {
                service.delete(caller, ctx.pathParam("WorkspaceId"));
                yield WorkspaceResponses.requestIdOnly(requestId);
            }
            case UpdateDefaultWorkspace -> {
                service.updateDefault(
                        caller,
                        UpdateDefaultWorkspaceRequest.from(jsonBody(ctx)).workspaceId());
                yield WorkspaceResponses.requestIdOnly(requestId);
            }
            case ChangeResourceGroup -> {
                service.changeResourceGroup(caller, ChangeResourceGroupRequest.from(jsonBody(ctx)));
                yield WorkspaceResponses.lowerCamelRequestIdOnly(requestId);
            }
            case CreateMember ->
                MemberResponses.created(
                        requestId, members.create(caller, workspaceId(ctx), CreateMemberRequest.from(jsonBody(ctx))));
            case ListMembers ->
                MemberResponses.list(
                        requestId, members.list(caller, workspaceId(ctx), ListMembersRequest.from(query(ctx))));
            case GetMember -> {
                QueryParameters query = query(ctx);
                yield MemberResponses.member(
                        requestId,
                        members.get(caller, workspaceId(ctx), query.optional("MemberId"), query.optional("UserId")));
            }
            case DeleteMembers -> {
                String memberIds =
                        query(ctx).optional("MemberIds").orElseThrow(() -> ApiException.missing("MemberIds"));
                members.delete(
                        caller,
                        workspaceId(ctx),
                        Set.of(memberIds.split(",")).stream()
                                .map(String::trim)
                                .collect(Collectors.toUnmodifiableSet()));
                yield WorkspaceResponses.requestIdOnly(requestId);
            }
            case AddMemberRole -> {
                members.addRole(caller, workspaceId(ctx), ctx.pathParam("MemberId"), ctx.pathParam("RoleName"));
                yield WorkspaceResponses.requestIdOnly(requestId);
            }
            case RemoveMemberRole -> {
                members.removeRole(caller, workspaceId(ctx), ctx.pathParam("MemberId"), ctx.pathParam("RoleName"));
                yield WorkspaceResponses.requestIdOnly(requestId);
            }
            case ListWorkspaceUsers -> {
                QueryParameters query = query(ctx);
                yield MemberResponses.users(
                        requestId,
                        members.availableUsers(
                                caller, workspaceId(ctx), query.optional("UserId"), query.optional("UserName")));
            }
        };
    }

    private byte[] listWorkspaces(Account caller, ListWorkspacesRequest request, String requestId) {
        return switch (request.option()) {
            case GetResourceLimits -> WorkspaceResponses.resourceLimits(requestId);
            case CheckWorkspaceExists ->
                WorkspaceResponses.workspaceExists(
                        requestId,
                        request.workspaceName().orElseThrow(),
                        service.list(caller, request).totalCount() > 0);
            case GetWorkspaces -> {
                WorkspaceService.Page<Workspace> page = service.list(caller, request);
                yield WorkspaceResponses.workspaceList(requestId, page.items(), page.totalCount(), service::isDefault);
            }
        };
    }

    /**
     * Delay, then an injected error or a dropped connection, if test code asked for one on this operation; false when
     * the connection was dropped and nothing is to be answered.
     */
    private boolean applyFaults(Context ctx, Operation operation) throws InterruptedException {
        Duration delay = faults.delayOf(operation);
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        FaultSchedule.Action action = faults.take(operation).orElse(null);
        if (action instanceof FaultSchedule.Fail fail) {
            throw new InjectedFault(fail.error());
        }
        if (action instanceof FaultSchedule.Drop) {
            ServletContextRequest.getServletContextRequest(ctx.req())
                    .getConnectionMetaData()
                    .getConnection()
                    .getEndPoint()
                    .close();
            return false;
        }
        return true;
    }

    /** An error test code asked for; it bypasses the service. */
    private static final class InjectedFault extends RuntimeException {
        private final FaultError error;

        InjectedFault(FaultError error) {
            super(error.code(), null, false, false);
            this.error = error;
        }
    }

    private RecordedRequest recorded(Context ctx, Exchange exchange) {
        // one pass over the fields Jetty parsed; a repeated header keeps its first value, as Context.header gives it
        HttpFields fields =
                ServletContextRequest.getServletContextRequest(ctx.req()).getHeaders();
        Map<String, String> headers = new HashMap<>(2 * fields.size());
        for (HttpField field : fields) {
            String name = field.getLowerCaseName();
            if (!headers.containsKey(name)) {
                headers.put(name, RequestJournal.masked(name, field.getValue()));
            }
        }
        String body;
        try {
            body = new String(rawBody(ctx), StandardCharsets.UTF_8);
        } catch (Exception tooLargeOrUnreadable) { // Kotlin code throws IOException unchecked
            body = "";
        }
        return RecordedRequest.builder()
                .operation(exchange.operation())
                .method(ctx.method().name())
                .path(ctx.path())
                .query(ctx.queryString())
                .headers(headers)
                .body(body)
                .status(ctx.statusCode())
                .time(clock.instant())
                .requestId(exchange.requestId())
                .build();
    }

    private static SignedRequest signedRequest(Context ctx) {
        return new SignedRequest(
                ctx.method().name(),
                ctx.req().getRequestURI(),
                ctx.queryString(),
                ctx::header,
                ctx.headerMap().keySet(),
                rawBody(ctx));
    }

    /**
     * The body as received. A request that declares none (no {@code Content-Length} above 0 and no
     * {@code Transfer-Encoding}, as with nearly every GET) has none in HTTP/1.1, so its input is not read at all:
     * reading an empty body through the servlet input costs a GET about a twentieth of its time.
     */
    private static byte[] rawBody(Context ctx) {
        if (ctx.req().getContentLengthLong() <= 0 && ctx.header("Transfer-Encoding") == null) {
            return NO_BODY;
        }
        return ctx.bodyAsBytes();
    }

    /** The body as a JSON object; a body that declares another media type is refused before it is read. */
    private static JsonBody jsonBody(Context ctx) {
        // the raw header: the servlet API would throw on a charset it cannot name
        JsonBody.requireJsonContentType(ctx.header("Content-Type"), false);
        return JsonBody.parse(ctx.bodyAsBytes());
    }

    private static String workspaceId(Context ctx) {
        return ctx.pathParam("WorkspaceId");
    }

    private static QueryParameters query(Context ctx) {
        return QueryParameters.parse(ctx.queryString());
    }

    private static ErrorCode errorFor(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> ErrorCode.REQUEST_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 404, 405 -> ErrorCode.API_NOT_FOUND;
            default -> e.getStatus() >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
    }

    static String apiNotFound(Context ctx) {
        return "Specified api is not found, please check your url and method: " + ctx.method() + " " + ctx.path();
    }

    private static void writeError(Context ctx, Exchange exchange, ErrorCode code, String message) {
        writeError(ctx, exchange, code.status(), code.code(), message);
    }

    private static void writeError(Context ctx, Exchange exchange, int status, String code, String message) {
        // again: an exception may have reset the response the exchange set it on
        ctx.header(RequestIds.HEADER, exchange.requestId());
        exchange.answer(
                ctx,
                status,
                ErrorBody.render(exchange.requestId(), exchange.api().regionId(), code, message));
    }
}
