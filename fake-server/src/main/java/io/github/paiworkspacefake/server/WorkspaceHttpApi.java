package io.github.paiworkspacefake.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the fake: routes of the Workspace API onto {@link WorkspaceService}, and every failure, ours or
 * the web server's, into the service's JSON error body. Handlers only parse, call the service and render.
 */
final class WorkspaceHttpApi {

    private static final Logger REQUEST_LOG = LoggerFactory.getLogger("io.github.paiworkspacefake.requests");
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceHttpApi.class);
    private static final String REQUEST_ID = "pai.requestId";
    private static final String CALLER = "pai.caller";
    private static final String OPERATION = "pai.operation";
    private static final String ADMIN_PREFIX = AdminHttpApi.PREFIX;
    /** The largest request body served; the largest valid CreateWorkspace body is far smaller. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String ERROR_WRITTEN = "pai.errorWritten";
    private static final String JSON = "application/json;charset=utf-8";

    private final WorkspaceService service;
    private final Authenticator authenticator;
    private final String regionId;
    private final RequestJournal journal;
    private final Faults faults;
    private final java.time.Clock clock;

    WorkspaceHttpApi(WorkspaceService service, Authenticator authenticator, String regionId, RequestJournal journal,
                     Faults faults, java.time.Clock clock) {
        this.service = service;
        this.authenticator = authenticator;
        this.regionId = regionId;
        this.journal = journal;
        this.faults = faults;
        this.clock = clock;
    }

    /** Declares the routes, error mapping and server settings on a Javalin configuration. */
    void configure(JavalinConfig config, boolean logRequests) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.requestLogger.http((ctx, millis) -> {
            if (!ctx.path().startsWith(ADMIN_PREFIX)) {
                journal.record(recorded(ctx));
            }
            if (logRequests) {
                REQUEST_LOG.info("{} {}{} -> {} ({} ms, RequestId {})", ctx.method(), ctx.path(),
                        ctx.queryString() == null ? "" : "?" + ctx.queryString(), ctx.statusCode(), Math.round(millis),
                        requestId(ctx));
            }
        });

        config.routes.before(ctx -> {
            String requestId = RequestIds.next();
            ctx.attribute(REQUEST_ID, requestId);
            ctx.header(RequestIds.HEADER, requestId);
        });
        config.routes.beforeMatched(ctx -> {
            if (ctx.path().startsWith(ADMIN_PREFIX)) {
                return;
            }
            Operation operation = Operation.of(ctx.method().name(), ctx.endpoints().matchedHttpEndpoint().path).orElseThrow();
            ctx.attribute(OPERATION, operation);
            // authenticated first: an unsigned or forged request takes no injected fault and waits out no delay
            ctx.attribute(CALLER, authenticator.authenticate(signedRequest(ctx)));
            applyFaults(ctx, operation);
        });
        config.routes.post("/api/v1/workspaces", this::createWorkspace);
        config.routes.get("/api/v1/workspaces/{WorkspaceId}", this::getWorkspace);
        config.routes.get("/api/v1/defaultWorkspaces", this::getDefaultWorkspace);
        config.routes.head("/api/v1/workspaces/{WorkspaceId}", this::getWorkspace);
        config.routes.head("/api/v1/defaultWorkspaces", this::getDefaultWorkspace);
        config.routes.post("/api/v1/defaultWorkspaces", this::createDefaultWorkspace);

        config.routes.exception(ApiException.class, (e, ctx) -> writeError(ctx, e.errorCode(), e.getMessage()));
        config.routes.exception(InjectedFault.class, (e, ctx) -> writeError(ctx, e.error.status(), e.error.code(), e.error.message()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> writeError(ctx, errorFor(e),
                errorFor(e) == ErrorCode.API_NOT_FOUND ? apiNotFound(ctx) : e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> JettyEdge.clientFault(e).ifPresentOrElse(
                fault -> writeError(ctx, fault.status(), fault.errorCode().code(), fault.message()),
                () -> {
                    LOG.error("Unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
                    writeError(ctx, ErrorCode.INTERNAL_ERROR, "The request processing has failed due to some unknown error.");
                }));
        config.routes.error(404, ctx -> writeErrorUnlessWritten(ctx, ErrorCode.API_NOT_FOUND, apiNotFound(ctx)));
        config.routes.error(405, ctx -> writeErrorUnlessWritten(ctx, ErrorCode.API_NOT_FOUND, apiNotFound(ctx)));
    }

    private void createWorkspace(Context ctx) {
        CreateWorkspaceRequest request = CreateWorkspaceRequest.from(jsonBody(ctx));
        Workspace created = service.create(caller(ctx), request);
        writeJson(ctx, WorkspaceResponses.created(requestId(ctx), created));
    }

    private void getWorkspace(Context ctx) {
        boolean verbose = verbose(ctx);
        Workspace workspace = service.get(caller(ctx), ctx.pathParam("WorkspaceId"));
        writeJson(ctx, WorkspaceResponses.workspace(requestId(ctx), workspace, service.isDefault(workspace), verbose));
    }

    private void getDefaultWorkspace(Context ctx) {
        boolean verbose = verbose(ctx);
        Workspace workspace = service.getDefault(caller(ctx));
        writeJson(ctx, WorkspaceResponses.defaultWorkspace(requestId(ctx), workspace, service.stagesReached(workspace), verbose));
    }

    private void createDefaultWorkspace(Context ctx) {
        CreateDefaultWorkspaceRequest request = CreateDefaultWorkspaceRequest.from(jsonBody(ctx));
        Workspace created = service.createDefault(caller(ctx), request);
        writeJson(ctx, WorkspaceResponses.created(requestId(ctx), created));
    }

    /** Delay, then an injected error or a dropped connection, if test code asked for one on this operation. */
    private void applyFaults(Context ctx, Operation operation) throws InterruptedException {
        java.time.Duration delay = faults.delayOf(operation);
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        Faults.Action action = faults.take(operation).orElse(null);
        if (action instanceof Faults.Fail fail) {
            throw new InjectedFault(fail.error());
        }
        if (action instanceof Faults.Drop) {
            org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(ctx.req())
                    .getConnectionMetaData().getConnection().getEndPoint().close();
            ctx.skipRemainingHandlers();
        }
    }

    /** An error test code asked for; it bypasses the service. */
    private static final class InjectedFault extends RuntimeException {
        private final FaultError error;

        InjectedFault(FaultError error) {
            super(error.code(), null, false, false);
            this.error = error;
        }
    }

    private RecordedRequest recorded(Context ctx) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        ctx.headerMap().forEach(headers::put);
        String body;
        try {
            body = new String(ctx.bodyAsBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception tooLargeOrUnreadable) { // Kotlin code throws IOException unchecked
            body = "";
        }
        return new RecordedRequest(ctx.attribute(OPERATION), ctx.method().name(), ctx.path(), ctx.queryString(),
                RequestJournal.masked(headers), body, ctx.statusCode(), clock.instant(), requestId(ctx));
    }

    private static Account caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    private static SignedRequest signedRequest(Context ctx) {
        return new SignedRequest(ctx.method().name(), ctx.req().getRequestURI(), ctx.queryString(), ctx::header,
                ctx.bodyAsBytes());
    }

    /** The body as a JSON object; a body that declares another media type is refused before it is read. */
    private static JsonBody jsonBody(Context ctx) {
        JsonBody.requireJsonContentType(ctx.contentType(), false);
        return JsonBody.parse(ctx.bodyAsBytes());
    }

    /** {@code Verbose}: absent means false; otherwise exactly one {@code true} or {@code false}, in any case. */
    private static boolean verbose(Context ctx) {
        List<String> values = ctx.queryParams("Verbose");
        if (values.isEmpty()) {
            return false;
        }
        if (values.size() > 1) {
            throw ApiException.invalid("Verbose", "it must be given once.");
        }
        String value = values.get(0);
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiException.invalid("Verbose", "it must be true or false, got \"" + value + "\".");
    }

    private static ErrorCode errorFor(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> ErrorCode.REQUEST_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 404, 405 -> ErrorCode.API_NOT_FOUND;
            default -> e.getStatus() >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
    }

    private static String apiNotFound(Context ctx) {
        return "Specified api is not found, please check your url and method: " + ctx.method() + " " + ctx.path();
    }

    private static String requestId(Context ctx) {
        String requestId = ctx.attribute(REQUEST_ID);
        return requestId != null ? requestId : RequestIds.next();
    }

    private static void writeJson(Context ctx, ObjectNode body) {
        ctx.status(200).contentType(JSON).result(Json.bytes(body));
    }

    private void writeErrorUnlessWritten(Context ctx, ErrorCode code, String message) {
        if (ctx.attribute(ERROR_WRITTEN) == null) {
            writeError(ctx, code, message);
        }
    }

    private void writeError(Context ctx, ErrorCode code, String message) {
        writeError(ctx, code.status(), code.code(), message);
    }

    private void writeError(Context ctx, int status, String code, String message) {
        String requestId = requestId(ctx);
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.header(RequestIds.HEADER, requestId);
        ctx.status(status).contentType(JSON).result(ErrorBody.render(requestId, regionId, code, message));
    }
}
