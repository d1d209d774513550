package io.github.paiworkspacefake.server.internal.http;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.RecordedRequest;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.Caller;
import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.FakeVersion;
import io.github.paiworkspacefake.server.internal.domain.FaultSchedule;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.RequestJournal;
import io.github.paiworkspacefake.server.internal.families.Families;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.AnswerRenderer;
import io.github.paiworkspacefake.server.internal.pipeline.BehaviourRegistry;
import io.github.paiworkspacefake.server.internal.pipeline.Binding;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.CallParser;
import io.github.paiworkspacefake.server.internal.pipeline.RequestParts;
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
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the fake: every request goes through the same stages. Its route is found in the catalogue's
 * route table; the caller is authenticated (V3 or legacy ROA signatures, when the fake requires them); injected
 * faults apply; the path, query and body are parsed and validated by the catalogue's declaration
 * ({@link CallParser}); the operation's behaviour runs (an operation without one answers {@code 501
 * NotImplemented}); the answer is written as the catalogue declares it ({@link AnswerRenderer}) with its request id;
 * and every failure, ours or the web server's, becomes the service's JSON error body.
 */
public final class FakeHttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(FakeHttpApi.class);
    private static final String ADMIN_PREFIX = AdminHttpApi.PREFIX;
    /** The largest request body served; the largest valid CreateWorkspace body is far smaller. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final byte[] NO_BODY = new byte[0];

    /** The HTTP methods the API's operations use; others reach no route. */
    private static final List<HandlerType> METHODS =
            List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.DELETE, HandlerType.HEAD);

    /** Every operation by method and path (as {@link Operation}, generated from the catalogue, declares them). */
    private static final class Routes {
        static final RouteTable<Operation> TABLE = table();

        /** Initialises this class: builds the table, once. */
        static void load() {}

        private static RouteTable<Operation> table() {
            RouteTable<Operation> table = new RouteTable<>();
            for (Operation operation : Operation.values()) {
                table.add(operation.method(), operation.route(), operation);
            }
            return table;
        }
    }

    private final FakeState state;
    private final Authenticator authenticator;
    private final String regionId;
    private final RequestJournal journal;
    private final FaultSchedule faults;
    private final Clock clock;
    private final boolean logRequests;
    private final boolean lenient;
    private final Set<Operation> withheld;
    private final AdminHttpApi admin;

    /**
     * @param admin       the fake's admin API, or null when it serves none
     * @param logRequests whether to log one line per request
     * @param lenient     whether parameters the fake does not honour are ignored rather than refused
     * @param withheld    operations answered 501 as if no family served them (for tests of that answer)
     */
    public FakeHttpApi(
            FakeState state,
            Authenticator authenticator,
            String regionId,
            RequestJournal journal,
            FaultSchedule faults,
            Clock clock,
            AdminHttpApi admin,
            boolean logRequests,
            boolean lenient,
            Set<Operation> withheld) {
        this.state = state;
        this.withheld = Set.copyOf(withheld);
        this.admin = admin;
        this.logRequests = logRequests;
        this.lenient = lenient;
        this.authenticator = authenticator;
        this.regionId = regionId;
        this.journal = journal;
        this.faults = faults;
        this.clock = clock;
    }

    /**
     * Declares, once for every fake the server holds, one route per HTTP method that takes every path (the fake's
     * own route table picks the operation or admin call) and the mapping of every failure to the error body;
     * {@code apiOf} finds the fake a request reached. Body size and exact-path routing are the same for every fake.
     */
    public static void declare(JavalinConfig config, Function<Context, FakeHttpApi> apiOf) {
        prepareInTheBackground();
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
        Handler handler = ctx -> {
            Exchange exchange = exchangeOf.apply(ctx);
            exchange.api().answer(ctx, exchange);
        };
        for (HandlerType method : METHODS) {
            config.routes.addEndpoint(new Endpoint(method, "/*", handler));
        }

        config.routes.exception(
                ApiException.class,
                (e, ctx) -> writeError(ctx, exchangeOf.apply(ctx), e.status(), e.code(), e.getMessage()));
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
     * Builds the route table, indexes the operation catalogue and binds the workspace family on a thread of their own
     * while the web server starts, so that the first request finds them ready (a request that comes sooner waits for
     * them, as the JVM initialises a class once).
     */
    private static void prepareInTheBackground() {
        Thread preparation = new Thread(
                () -> {
                    Routes.load();
                    Catalogue.get();
                    // the workspace family, which most clients call first; the others bind on their first call
                    Families.registry().serves(Operation.GetWorkspace);
                },
                "pai-workspace-fake-catalogue");
        preparation.setDaemon(true);
        preparation.start();
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

    /**
     * Journals a request (admin calls excepted) and, when asked to, logs one line for it off the request thread; reads
     * of the admin API, which the console sends every second, are not logged.
     */
    private void recordAndLog(Context ctx, Exchange exchange, float millis) {
        boolean adminCall = ctx.path().startsWith(ADMIN_PREFIX);
        if (!adminCall) {
            journal.record(recorded(ctx, exchange, millis));
        }
        if (logRequests && !(adminCall && HandlerType.GET.equals(ctx.method()))) {
            String query = RequestJournal.maskedQuery(specOf(exchange), ctx.queryString());
            RequestLog.line(ctx.method() + " " + ctx.path() + (query == null ? "" : "?" + query) + " -> "
                    + ctx.statusCode() + " (" + Math.round(millis) + " ms, RequestId " + exchange.requestId() + ")");
        }
    }

    /** Answers one request: an admin call, or an operation of the catalogue through the pipeline's stages. */
    private void answer(Context ctx, Exchange exchange) throws Exception {
        String path = ctx.path();
        if (path.startsWith(ADMIN_PREFIX)) {
            AdminHttpApi.answer(ctx, exchange, path);
            return;
        }
        RouteTable.Match<Operation> route = Routes.TABLE.find(ctx.method().name(), path);
        if (route == null) {
            throw new ApiException(ErrorCode.API_NOT_FOUND, apiNotFound(ctx));
        }
        OperationSpec operation = Catalogue.get().operation(route.value());
        exchange.operation(operation.operation());
        // an unsigned or forged request takes no injected fault and waits out no delay
        Caller caller = authenticator.authenticate(() -> signedRequest(ctx));
        if (!applyFaults(ctx, exchange, operation.operation())) {
            return;
        }
        BehaviourRegistry registry = Families.registry();
        Binding binding = registry.binding(operation.operation())
                .filter(served -> !withheld.contains(operation.operation()))
                .orElseThrow(() -> notImplemented(operation));
        Call call = CallParser.parse(
                operation,
                binding,
                new RequestParts(
                        route.pathParameters(), ctx.queryString(), ctx.header("Content-Type"), () -> rawBody(ctx)),
                caller.account(),
                caller.userId(),
                exchange.requestId(),
                state,
                lenient);
        Answer answer = state.lock().shared(() -> binding.behaviour().perform(call));
        exchange.answer(ctx, 200, AnswerRenderer.render(operation, exchange.requestId(), answer));
    }

    /** The answer of an operation the catalogue knows and no family serves yet. */
    private static ApiException notImplemented(OperationSpec operation) {
        return new ApiException(
                ErrorCode.NOT_IMPLEMENTED,
                operation.name() + " (" + operation.method() + " " + operation.path() + ") is an operation of the "
                        + "AIWorkSpace API that pai-workspace-fake " + FakeVersion.VERSION + " does not serve yet; "
                        + "docs/coverage.md lists what it serves.");
    }

    /**
     * Delay, then an injected error or a dropped connection, if test code asked for one on this operation; false when
     * the connection was dropped and nothing is to be answered.
     */
    private boolean applyFaults(Context ctx, Exchange exchange, Operation operation) throws InterruptedException {
        Duration delay = faults.delayOf(operation);
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        FaultSchedule.Action action = faults.take(operation).orElse(null);
        if (action instanceof FaultSchedule.Fail fail) {
            exchange.reason("A fault injected by test code: " + fail.status() + " " + fail.code() + ".");
            throw new InjectedFault(fail);
        }
        if (action instanceof FaultSchedule.Drop) {
            exchange.dropped("A fault injected by test code: the connection was dropped without an answer.");
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
        private final FaultSchedule.Fail error;

        InjectedFault(FaultSchedule.Fail error) {
            super(error.code(), null, false, false);
            this.error = error;
        }
    }

    private RecordedRequest recorded(Context ctx, Exchange exchange, float millis) {
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
        byte[] answer = exchange.answerBytes();
        String reason = exchange.reason();
        if (exchange.operation() == null && reason == null) {
            reason = Unrouted.reason(Routes.TABLE, ctx.method().name(), ctx.path());
        }
        OperationSpec operation = specOf(exchange);
        return RecordedRequest.builder()
                .operation(exchange.operation())
                .method(ctx.method().name())
                .path(ctx.path())
                .query(RequestJournal.maskedQuery(operation, ctx.queryString()))
                .headers(headers)
                .body(RequestJournal.maskedBody(operation, body))
                .status(exchange.dropped() ? 0 : ctx.statusCode())
                .time(clock.instant())
                .requestId(exchange.requestId())
                .answer(answer == null ? "" : RequestJournal.maskedAnswer(new String(answer, StandardCharsets.UTF_8)))
                .latency(Duration.ofNanos((long) (millis * 1_000_000.0)))
                .errorCode(exchange.errorCode())
                .reason(reason)
                .build();
    }

    /**
     * Journals a request the web server refused before any route (a malformed path, say): what of it Jetty parsed,
     * with its answer and why. Admin paths are not journaled, as ever.
     */
    void recordRefused(
            org.eclipse.jetty.server.Request request,
            int status,
            String requestId,
            byte[] answer,
            String errorCode,
            String reason) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        if (path == null || path.equals("/badMessage")) {
            path = ""; // Jetty could not read the request line: it names no path of the request's own
        }
        if (path.startsWith(ADMIN_PREFIX)) {
            return;
        }
        Map<String, String> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(
                    field.getLowerCaseName(), RequestJournal.masked(field.getLowerCaseName(), field.getValue()));
        }
        journal.record(RecordedRequest.builder()
                .method(request.getMethod() == null ? "" : request.getMethod())
                .path(path)
                .query(
                        request.getHttpURI() == null
                                ? null
                                : request.getHttpURI().getQuery())
                .headers(headers)
                .status(status)
                .time(clock.instant())
                .requestId(requestId)
                .answer(new String(answer, StandardCharsets.UTF_8))
                .latency(Duration.ofNanos(Math.max(0, System.nanoTime() - request.getBeginNanoTime())))
                .errorCode(errorCode)
                .reason(reason)
                .build());
    }

    /** The catalogue's declaration of the operation a request reached, or null for a path no operation has. */
    private static OperationSpec specOf(Exchange exchange) {
        return exchange.operation() == null ? null : Catalogue.get().operation(exchange.operation());
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

    static void writeError(Context ctx, Exchange exchange, ErrorCode code, String message) {
        writeError(ctx, exchange, code.status(), code.code(), message);
    }

    private static void writeError(Context ctx, Exchange exchange, int status, String code, String message) {
        // again: an exception may have reset the response the exchange set it on
        ctx.header(RequestIds.HEADER, exchange.requestId());
        if (!exchange.answered()) {
            exchange.errorCode(code);
        }
        exchange.answer(
                ctx,
                status,
                ErrorBody.render(exchange.requestId(), exchange.api().regionId(), code, message));
    }
}
