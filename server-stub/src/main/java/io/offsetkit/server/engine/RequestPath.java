package io.offsetkit.server.engine;

import io.offsetkit.server.admin.AdminAccess;
import io.offsetkit.server.admin.AdminApi;
import io.offsetkit.server.auth.Access;
import io.offsetkit.server.auth.RequestAuthenticator;
import io.offsetkit.server.call.Answer;
import io.offsetkit.server.call.Call;
import io.offsetkit.server.call.Call.BodyTooLargeException;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.fault.AppliedFault;
import io.offsetkit.server.fault.Faults;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.generated.model.ResetConsumeOffsetRespQueues;
import io.offsetkit.server.generated.model.ShowConsumerConnectionsResp;
import io.offsetkit.server.generated.model.ShowConsumerListOrDetailsResp;
import io.offsetkit.server.generated.model.ShowTopicStatusResp;
import io.offsetkit.server.ops.AccessLog;
import io.offsetkit.server.ops.Health;
import io.offsetkit.server.ops.Pages;
import io.offsetkit.server.ops.QueryString;
import io.offsetkit.server.ops.RequestIds;
import io.offsetkit.server.ops.ServerMetrics;
import io.offsetkit.server.request.CheckedRequest;
import io.offsetkit.server.request.MediaTypes;
import io.offsetkit.server.request.PathParameters;
import io.offsetkit.server.route.Router;
import io.offsetkit.server.store.EmbeddedStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The one path every request takes, from what the HTTP server received to the answer it sends. Each
 * step either passes the request on or ends it with the documented error; nothing else answers a
 * request and there is no second route to any operation:
 *
 * <pre>
 * refused by the HTTP server (not HTTP, no URI,   its status and the code for it (refused)
 *   headers too large, the server stopping)
 * route match (on the raw path)                   404 DMS.00404001, 405 DMS.00405001 (+ Allow)
 * ├─ an operation of the contract
 * │    body-size limit                            400 DMS.00400800
 * │    authentication                             401 DMS.10240103, DMS.10240101, DMS.10240102, DMS.10240104
 * │    authorization (read-only credentials)      403 DMS.00403007
 * │    Content-Type (with a body), Accept         400 DMS.00400005, DMS.00400800
 * │    path parameters (decoded, then checked)    400 DMS.00400800
 * │    query parameters (unknown, repeated,       400 DMS.00400800, DMS.10240042 (limit), DMS.10240043 (offset)
 * │      each by its type and range; defaults)
 * │    strict read of the body (none on a GET)    400 DMS.00400004, 00400005, 00400800, 00400142
 * │    a fault set on demand, if one matches      its error, delay, reset, ... (/admin/faults)
 * │    the operation's typed dispatch (generated) → the handler (the generated interface)
 * │      → the backend                            404 DMS.00404022, DMS.10240405; 400 DMS.00400876; 500
 * │      (a reset: a consumer online first)        400 DMS.50050004
 * │    answer (the operation's typed model)       200 and the contract's response body
 * ├─ an operation of the admin API
 * │    body-size limit (its own size)             400 DMS.00400800
 * │    admin access                               403 DMS.00403007
 * │    Content-Type (with a body), path           as above
 * │    parameters, strict read, the store
 * └─ a page of the server (contract, Swagger UI, health, metrics)
 * every failure: one error writer ({@link Failures}), the contract's {error_code, error_msg}; the
 *   backend's exceptions by one mapping (BackendRefusals)
 * every answer, refusals of the HTTP server too: X-Request-Id, one access-log line, the request timer
 * every answer of an operation of the contract: told to the {@link OperationObserver} (the emulator's journal)
 * </pre>
 *
 * Free of any HTTP server's types: a {@link Call} in, an {@link Answer} out, once it is final ({@link
 * #answer}: a reset on the embedded store is finished by the thread that made its offsets durable, on
 * this same path, from the backend's result on). Thread-safe.
 */
public final class RequestPath {

    private static final String PRIME_RESET =
            "/v2/rocketmq/77b6a44cba5143ab91d13ab9a8ff44fd/instances/i/groups/g/reset-message-offset";
    private static final byte[] PRIME_BODY =
            "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}".getBytes(StandardCharsets.UTF_8);
    private static final String PRIME_READ = "/v2/77b6a44cba5143ab91d13ab9a8ff44fd/instances/i/groups/g/topics";

    /** What an admin call's body may be: JSON, as the contract's bodies. */
    private static final List<String> ADMIN_CONSUMES = List.of(Answer.JSON);

    private final Router<Object> router;
    private final ConsumerOffsetsApi handler;
    private final Answers answers = new Answers();
    private final RequestAuthenticator authenticator;
    private final int maxBodyBytes;
    private final AdminApi admin;
    private final AdminAccess adminAccess;
    private final Pages pages;
    private final Health health;
    private final RequestIds requestIds;
    private final AccessLog accessLog;
    private final ServerMetrics metrics;
    private final OperationObserver observer;
    private final InjectedFaults faults;

    /**
     * @param handler the contract's operations, over the backend
     * @param authenticator how calls of the contract's operations are authenticated
     * @param maxBodyBytes the largest body of a call of the contract's operations
     * @param admin the admin API, or null when the backend has none (then its routes do not exist)
     * @param observer told of every call of the contract's operations once answered
     * @param faults the faults set on demand, which the calls of the contract's operations may get
     * @param store the embedded store a partial reset (a fault) applies on, or null on another backend
     */
    public RequestPath(
            ConsumerOffsetsApi handler,
            RequestAuthenticator authenticator,
            int maxBodyBytes,
            AdminApi admin,
            AdminAccess adminAccess,
            Pages pages,
            Health health,
            RequestIds requestIds,
            AccessLog accessLog,
            ServerMetrics metrics,
            OperationObserver observer,
            Faults faults,
            EmbeddedStore store) {
        this.handler = handler;
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
        this.admin = admin;
        this.adminAccess = adminAccess;
        this.pages = pages;
        this.health = health;
        this.requestIds = requestIds;
        this.accessLog = accessLog;
        this.metrics = metrics;
        this.observer = observer;
        this.faults = new InjectedFaults(faults, store);
        this.router = routes(admin != null);
    }

    /**
     * Serves one request and waits for its answer: {@link #answer} joined. Never throws: every failure
     * is answered.
     */
    public Answer serve(Call call) {
        return answer(call).toCompletableFuture().join();
    }

    /**
     * Serves one request: the returned stage completes with its answer once that is final. Every step
     * up to the backend runs on the calling thread; a reset on the embedded store is answered once its
     * offsets are on disk, by the thread that forced them (the rest of the path, from the backend's
     * result to the access-log line, runs there), so that the calling thread never waits for an fsync.
     * Every other request is answered before this method returns. Never completes exceptionally: every
     * failure is answered.
     */
    public CompletionStage<Answer> answer(Call call) {
        long started = System.nanoTime();
        String requestId = requestIds.next();
        // Taken now, on the thread that received the request: the answer may be finished on another.
        String method = call.method();
        String rawPath = call.rawPath();
        String rawQuery = call.rawQuery();
        String route = null;
        Exchange exchange = null;
        CompletionStage<Answered> outcome;
        try {
            Router.Match<Object> match = router.match(method, rawPath);
            route = match.template();
            Object target = match.target();
            if (target instanceof Operation operation) {
                exchange = new Exchange(operation, match.rawPathParameters());
                outcome = operation(exchange, call);
            } else if (target instanceof AdminApi.Operation operation) {
                outcome = CompletableFuture.completedFuture(
                        new Answered(admin(operation, match.rawPathParameters(), call), null));
            } else {
                outcome = CompletableFuture.completedFuture(
                        new Answered(page((Page) target, match.rawPathParameters(), call), null));
            }
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        String matched = route;
        Exchange served = exchange;
        return outcome.handle((answered, failure) -> {
            Answered made = failure == null ? answered : Failures.answered(unwrap(failure), requestId);
            if (served != null && served.taken != null) {
                served.applied = faults.record(served.received, requestId, served.operation, served.taken);
            }
            Answer sent = finished(made.answer(), requestId, method, matched, rawPath, rawQuery, started);
            if (served != null && observer != OperationObserver.NONE) {
                observer.served(served.served(requestId, made.typed()));
            }
            return sent;
        });
    }

    /**
     * The answer to a request the HTTP server refused itself, before it could hand it over as a {@link
     * Call}: a request line or headers that are not HTTP or are too large, a request that arrived while
     * the server stops. Written by the one error writer, with the contract's body and the documented
     * code for the status, and counted and logged as every answer is: {@code X-Request-Id}, an
     * access-log line, the request timer. Never throws.
     *
     * @param method the request's method, or null when the HTTP server could not read it
     * @param status the status the HTTP server refused it with (400, 413, 414, 431, 503, ...)
     * @param reason what the HTTP server said, or null
     */
    public Answer refused(String method, int status, String reason) {
        long started = System.nanoTime();
        String requestId = requestIds.next();
        return finished(
                Failures.refusal(status, reason),
                requestId,
                method == null ? "-" : method,
                null,
                "(refused by the HTTP layer)",
                null,
                started);
    }

    /** Every answer's last step: its request id, the request timer, the access-log line. */
    private Answer finished(
            Answer answer,
            String requestId,
            String method,
            String route,
            String rawPath,
            String rawQuery,
            long started) {
        Answer sent = answer.withHeader(RequestIds.HEADER, requestId);
        metrics.request(method, route, sent.status(), started);
        accessLog.log(requestId, method, rawPath, rawQuery, sent.status(), started);
        return sent;
    }

    /** The failure a stage completed with, as thrown where it arose; an error is not answered but thrown on. */
    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RuntimeException e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }

    /**
     * Runs the request path's own code once on the documented example, without a request and without
     * effect (no reset, no log line, no count): its classes are loaded and its timers registered here,
     * while the HTTP server starts, rather than in the first request's time.
     */
    public void prime() {
        Router.Match<Object> reset = router.match("POST", PRIME_RESET);
        CheckedRequest.check(Operation.RESET_CONSUME_OFFSET_FOR_ROCKET_MQ, reset.rawPathParameters(), null, PRIME_BODY);
        Router.Match<Object> read = router.match("GET", PRIME_READ);
        CheckedRequest.check(
                Operation.SHOW_CONSUMER_LIST_OR_DETAILS,
                read.rawPathParameters(),
                "topic=topic_01&limit=10&offset=0",
                new byte[0]);
        ResetConsumeOffsetRespQueues queue = new ResetConsumeOffsetRespQueues()
                .brokerName("broker-1")
                .queueId(0)
                .timestampOffset(0L);
        answers.resetConsumeOffset(200, new ResetConsumeOffsetResp().queues(List.of(queue)));
        answers.showConsumerListOrDetails(200, new ShowConsumerListOrDetailsResp().topics(List.of("topic_01")));
        answers.showTopicStatus(200, new ShowTopicStatusResp().minOffset(0L));
        answers.showConsumerConnections(200, new ShowConsumerConnectionsResp().groupName("g"));
        Failures.answer(new DmsException(DmsError.URL_NOT_FOUND, null), "0").withHeader(RequestIds.HEADER, "0");
        for (Operation operation : Operation.values()) {
            metrics.register(operation.method(), operation.pathTemplate(), operation.successStatus());
        }
    }

    /**
     * A call of one of the contract's operations; what it got as far as is kept in {@code exchange}.
     * Every operation takes the same steps; what differs between them is generated: their parameters'
     * and body's constraints, and their typed dispatch ({@link Operation#serve}).
     */
    private CompletionStage<Answered> operation(Exchange exchange, Call call) {
        Operation operation = exchange.operation;
        byte[] body = body(call, maxBodyBytes, "offsetkit.http.max-body-size");
        exchange.body = body;
        if (authenticator.authenticate(call, body) == Access.READ_ONLY && !"GET".equals(operation.method())) {
            throw new DmsException(
                    DmsError.AUTHORIZATION_DENIED,
                    "These credentials may read but not reset (they are among the server's read-only credentials,"
                            + " offsetkit.auth.read-only-tokens or offsetkit.auth.read-only-aksk); reset with"
                            + " credentials that are allowed to.");
        }
        if (operation.hasBody()) {
            // A GET carries no body; the official SDKs still send Content-Type: application/json on it.
            MediaTypes.requireContentType(call.header("Content-Type"), operation.consumes());
        }
        MediaTypes.requireAcceptable(call.header("Accept"), operation.produces());
        CheckedRequest request = CheckedRequest.check(operation, exchange.rawPathParameters, call.rawQuery(), body);
        exchange.request = request;
        if (!faults.none()) {
            exchange.taken = faults.take(operation, request.pathParameters(), request);
            if (exchange.taken != null) {
                return faults.answer(
                        exchange.taken, operation, request, () -> operation.serve(handler, request, answers));
            }
        }
        return operation.serve(handler, request, answers);
    }

    /** A call of one of the contract's operations, as far as the path got with it: for the observer. */
    private static final class Exchange {

        private final Instant received = Instant.now();
        private final Operation operation;
        private final Map<String, String> rawPathParameters;
        private byte[] body = new byte[0];
        private CheckedRequest request;
        private InjectedFaults.Taken taken;
        private AppliedFault applied;

        Exchange(Operation operation, Map<String, String> rawPathParameters) {
            this.operation = operation;
            this.rawPathParameters = rawPathParameters;
        }

        OperationObserver.ServedOperation served(String requestId, TypedAnswer answer) {
            return new OperationObserver.ServedOperation(
                    received,
                    requestId,
                    operation,
                    // Decoded once read; as sent when the request was refused before (its encoding among the reasons).
                    Map.copyOf(request != null ? request.pathParameters() : rawPathParameters),
                    body,
                    request,
                    answer,
                    applied);
        }
    }

    /** A call of the admin API: the same steps as an operation's, in the same order, with its own limit and access. */
    private Answer admin(AdminApi.Operation operation, Map<String, String> rawPath, Call call) {
        byte[] body =
                body(call, AdminApi.MAX_BODY_BYTES, AdminApi.MAX_TIMESTAMPS_PER_REQUEST + " timestamps per request");
        adminAccess.check(call);
        if (body.length > 0) {
            MediaTypes.requireContentType(call.header("Content-Type"), ADMIN_CONSUMES);
        }
        return Answer.json(
                200,
                admin.perform(operation, PathParameters.decode(rawPath), QueryString.parse(call.rawQuery()), body));
    }

    /** A page of the server's own. */
    private Answer page(Page page, Map<String, String> rawPath, Call call) {
        return switch (page) {
            case CONTRACT -> pages.contract();
            case ADMIN_CONTRACT -> pages.adminContract();
            case SWAGGER_UI, SWAGGER_UI_SLASH -> Answer.redirect(Pages.SWAGGER_UI);
            case SWAGGER_UI_FILE -> pages.swaggerFile(PathParameters.decode("file", rawPath.get("file")));
            case WEBJAR_FILE -> pages.webjarFile(PathParameters.decode("file", rawPath.get("file")));
            case HEALTH -> health.answer();
            case METRICS -> {
                ServerMetrics.Scrape scrape = metrics.scrape(call.header("Accept"));
                yield Answer.text(200, scrape.contentType(), scrape.text());
            }
        };
    }

    /**
     * The body of a call, within its route's limit: the one body-size limit, applied right after the
     * route match, before authentication (an AK/SK signature covers the body, so it is read first).
     *
     * @param limitName what sets the limit, for the message
     */
    private static byte[] body(Call call, int limit, String limitName) {
        try {
            return call.body(limit);
        } catch (BodyTooLargeException e) {
            throw new DmsException(
                    DmsError.INVALID_PARAMETER,
                    "The request body is too large: " + e.getMessage() + "; the limit is " + limit + " bytes ("
                            + limitName + ").");
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static DmsException unreadable(IOException e) {
        return new DmsException(
                DmsError.BODY_NOT_JSON,
                "The request body could not be read (" + e.getClass().getSimpleName()
                        + "); check the Content-Length or chunked encoding.");
    }

    private static Router<Object> routes(boolean withAdmin) {
        List<String> operations = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            operations.add(operation.method() + " " + operation.pathTemplate());
        }
        Router.Builder<Object> routes =
                Router.builder("The API's routes are " + String.join(" and ", operations) + "; see /openapi.yaml.");
        for (Operation operation : Operation.values()) {
            routes.add(operation.method(), operation.pathTemplate(), operation);
        }
        for (Page page : Page.values()) {
            if (withAdmin || page != Page.ADMIN_CONTRACT) {
                routes.add("GET", page.pathTemplate(), page);
            }
        }
        if (withAdmin) {
            for (AdminApi.Operation operation : AdminApi.Operation.values()) {
                routes.add(operation.method(), operation.pathTemplate(), operation);
            }
        }
        return routes.build();
    }
}
