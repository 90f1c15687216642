package io.offsetkit.conformance.check;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.client.auth.AkSkCredentials;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.KitHttp;
import io.offsetkit.conformance.http.Operation;
import io.offsetkit.conformance.http.Operations;
import io.offsetkit.conformance.http.RawRequest;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Capability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a rule's check needs: the target, the HTTP sender, the contract, the optional fixture,
 * and the probes several rules share (the documented requests, the sweep over times), each sent once
 * and remembered, so that rules can run in any order (as JUnit runs them) and a full run sends each
 * shared request once.
 *
 * <p>Not thread-safe: one run, one thread, the rules' one. The only work done on another thread is that
 * of {@link #buildAhead}: the fixture's scenarios, each on a topic and a group created for it alone,
 * built beside the rules that need none and handed to the rules' thread when a rule first needs them.
 */
public final class KitContext {

    /**
     * The times of the sweep, before the "latest" reset that ends it. Ascending on purpose: on a
     * topic that receives messages while the kit runs, later requests can only see more messages,
     * so the sweep's monotonicity is not disturbed by live traffic.
     */
    static final List<Long> FIXED_SWEEP_TIMES = List.of(0L, 1L, 1_662_652_800_000L, 1_662_652_800_001L);

    private static final Probe<Exchange> DOCUMENTED_NUMERIC = new Probe<>("documented-numeric");
    private static final Probe<Exchange> DOCUMENTED_STRING = new Probe<>("documented-string");
    private static final Probe<List<TimedExchange>> SWEEP = new Probe<>("sweep");
    private static final Probe<ExactScenario> EXACT = new Probe<>("exact");
    private static final Probe<ReadBackScenario> READ_BACK = new Probe<>("read-back");
    private static final Probe<Exchange> PROGRESS_PROBE = new Probe<>("progress-read");
    private static final Probe<LongNameScenario> LONG_NAMES = new Probe<>("long-names");

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final Target target;
    private final KitHttp http;
    private final Fixture fixture;
    private final boolean documentedData;
    private final ContractFacts facts;
    private final ContractSchemas schemas;
    private final KitRandom random;
    private final String otherGroup;
    /** What each probe sent remembers; a value is always of its key's type (see {@link #once}). */
    private final Map<Probe<?>, Object> probes = new HashMap<>();
    /** The resets to one time on the target's engine that the sweep does not hold, by time. */
    private final Map<Long, Exchange> numericAnswers = new HashMap<>();
    /** The scenarios being built on the thread of {@link #buildAhead}, until a rule first needs them. */
    private final Map<Probe<?>, Future<KitHttp.HeldBack<?>>> builtAhead = new HashMap<>();

    /**
     * @param target the implementation and ids
     * @param http the sender, with the user's credentials
     * @param fixture the implementer's fixture, or null for none
     * @param documentedData whether the target holds the documented example's data
     * @param facts the contract's facts
     * @param schemas the contract's schemas
     * @param random every random choice of the run, from its seed
     */
    public KitContext(
            Target target,
            KitHttp http,
            Fixture fixture,
            boolean documentedData,
            ContractFacts facts,
            ContractSchemas schemas,
            KitRandom random) {
        this(target, http, fixture, documentedData, facts, schemas, random, null);
    }

    /**
     * @param otherGroup a second existing group on the target's topic, for the read-back rules; null
     *     for none
     */
    public KitContext(
            Target target,
            KitHttp http,
            Fixture fixture,
            boolean documentedData,
            ContractFacts facts,
            ContractSchemas schemas,
            KitRandom random,
            String otherGroup) {
        this.otherGroup = otherGroup;
        this.target = target;
        this.http = http;
        this.fixture = fixture;
        this.documentedData = documentedData;
        this.facts = facts;
        this.schemas = schemas;
        this.random = random;
    }

    public Target target() {
        return target;
    }

    public KitHttp http() {
        return http;
    }

    public ContractFacts facts() {
        return facts;
    }

    public ContractSchemas schemas() {
        return schemas;
    }

    public Optional<Fixture> fixture() {
        return Optional.ofNullable(fixture);
    }

    /** The run's random choices, from its seed. */
    public KitRandom random() {
        return random;
    }

    /**
     * Whether the target has a capability. The fixture's brokers are asked for when needed, so this
     * may call the fixture.
     */
    public boolean has(Capability capability) {
        Credentials credentials = http.credentials();
        return switch (capability) {
            case CREDENTIALS -> credentials != Credentials.none();
            case AKSK_CREDENTIALS -> credentials instanceof AkSkCredentials;
            case FIXTURE -> fixture != null;
            case SEVERAL_BROKERS -> fixture != null && exact().brokers().size() >= 2;
            case CHOSEN_STORE_TIMESTAMPS -> fixture != null && fixture.choosesStoreTimestamps();
            // A queue that starts at 1000 is laid out with chosen store times only (ExactScenario).
            case FIRST_OFFSET -> fixture != null && fixture.canSetFirstOffset() && fixture.choosesStoreTimestamps();
            case COMMITTED_OFFSETS -> readsProgress() || (fixture != null && fixture.canReadCommittedOffsets());
            case DOCUMENTED_DATA -> documentedData;
            case OFFLINE_GROUP -> fixture != null && fixture.canCreateOfflineGroup();
            case READ_ONLY_CREDENTIALS ->
                fixture != null && fixture.readOnlyCredentials().isPresent();
            case EXPIRED_TOKEN -> fixture != null && fixture.expiredToken().isPresent();
            case OTHER_PROJECT_TOKEN ->
                fixture != null && fixture.otherProjectToken().isPresent();
            case INTERNAL_ERROR -> fixture != null && fixture.canInduceInternalError();
        };
    }

    /** A reset of the target's group and topic to a numeric time, on an engine. */
    public Exchange reset(String engine, long timestamp) {
        return http.send(resetRequest(target, engine, timestamp));
    }

    /** The contract's operation with an id ({@link Operations#RESET} ...), read from the contract. */
    public Operation operation(String operationId) {
        return facts.operation(operationId);
    }

    /**
     * The request to an operation on a target, its path filled from the target's ids, with a query
     * (in the order given) and no body: the one way the kit addresses any operation.
     */
    public RawRequest request(String operationId, Target on, Map<String, String> query) {
        return operation(operationId).request(on.pathValues(), query);
    }

    /** {@link #request(String, Target, Map)} on this run's target, without query. */
    public RawRequest request(String operationId) {
        return request(operationId, target, Map.of());
    }

    /** The reset of the target's group and topic on an engine, with a JSON body (not sent). */
    public RawRequest resetRequest(Target on, String engine, String json) {
        return operation(Operations.RESET).request(on.pathValues(engine)).withJson(json);
    }

    /** The reset of a target's group and topic to a numeric time, on the target's engine (not sent). */
    public RawRequest resetRequest(Target on, long timestamp) {
        return resetRequest(on, on.engine(), timestamp);
    }

    /** The reset of a target's group and topic to a numeric time, on an engine (not sent). */
    public RawRequest resetRequest(Target on, String engine, long timestamp) {
        return resetRequest(on, engine, resetBody(on.topic(), timestamp));
    }

    /** The reset of this run's target with a JSON body, on its engine (not sent). */
    public RawRequest resetRequest(String json) {
        return resetRequest(target, target.engine(), json);
    }

    /** The JSON body {@code {"topic":..,"timestamp":..}} with a numeric timestamp. */
    public static String resetBody(String topic, long timestamp) {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("topic", topic);
        body.put("timestamp", timestamp);
        return JsonMapper.shared().writeValueAsString(body);
    }

    /** The documented request, numeric timestamp, on the target's engine. Sent once. */
    public Exchange documentedNumeric() {
        return once(DOCUMENTED_NUMERIC, () -> http.send(resetRequest(facts.numericRequest(target.topic()))));
    }

    /** The documented request with the timestamp as a string, on the target's engine. Sent once. */
    public Exchange documentedString() {
        return once(DOCUMENTED_STRING, () -> http.send(resetRequest(facts.stringRequest(target.topic()))));
    }

    /**
     * Resets to a range of times in ascending order, then to -1 (latest). Sent once.
     *
     * @return one exchange per time, -1 last
     */
    public List<TimedExchange> sweep() {
        return once(SWEEP, () -> {
            long now = http.clock().millis();
            List<Long> times = new ArrayList<>(FIXED_SWEEP_TIMES);
            times.addAll(List.of(now - DAY, now, ContractEdges.FAR_FUTURE));
            times.sort(Long::compare);
            List<TimedExchange> sweep = new ArrayList<>();
            for (long time : times) {
                sweep.add(new TimedExchange(time, reset(target.engine(), time)));
            }
            sweep.add(new TimedExchange(-1, reset(target.engine(), -1)));
            return List.copyOf(sweep);
        });
    }

    /**
     * A reset of the target's group and topic to a numeric time on the target's engine: the sweep's
     * exchange when the sweep holds that time, else one sent once for it.
     */
    public Exchange numericAnswer(long timestamp) {
        for (TimedExchange timed : sweep()) {
            if (timed.timestamp() == timestamp) {
                return timed.exchange();
            }
        }
        return numericAnswers.computeIfAbsent(timestamp, time -> reset(target.engine(), time));
    }

    /**
     * {@link #numericAnswer} for several times, the ones neither the sweep nor an earlier call has
     * sent going out at once: each answer depends on its time only, so their order does not matter
     * (a server may commit concurrent resets of a group together).
     */
    public Map<Long, Exchange> numericAnswers(List<Long> timestamps) {
        List<Long> unsent = timestamps.stream()
                .filter(time -> sweep().stream().noneMatch(timed -> timed.timestamp() == time))
                .filter(time -> !numericAnswers.containsKey(time))
                .distinct()
                .toList();
        List<Exchange> sent = http.sendAll(
                unsent.stream().map(time -> resetRequest(target, time)).toList(), true);
        for (int i = 0; i < unsent.size(); i++) {
            numericAnswers.put(unsent.get(i), sent.get(i));
        }
        Map<Long, Exchange> answers = new LinkedHashMap<>();
        timestamps.forEach(time -> answers.put(time, numericAnswer(time)));
        return answers;
    }

    /** The successful-answer probes the response rules judge: the documented requests and the sweep. */
    public void sendSuccessProbes() {
        documentedNumeric();
        documentedString();
        sweep();
    }

    /** The exact-answer scenario, built through the fixture on first use (or {@linkplain #buildAhead ahead}). */
    public ExactScenario exact() {
        return once(EXACT, () -> new ExactScenario(this, fixture));
    }

    /** The long-name scenario of RESET-EDGE-04, built through the fixture on first use (or {@linkplain #buildAhead ahead}). */
    LongNameScenario longNames() {
        return once(LONG_NAMES, () -> new LongNameScenario(this));
    }

    /** A scenario the fixture lays out on a topic and a group of its own, which {@link #buildAhead} can build. */
    public enum Scenario {
        /** {@link LongNameScenario}: RESET-EDGE-04's. */
        LONG_NAMES,
        /** {@link ExactScenario}: the exact-answer rules'. */
        EXACT
    }

    /**
     * Starts building the given scenarios through the fixture on a thread of their own, one after the
     * other, and returns at once; the rule that first needs one waits for it, and gets the very
     * scenario (or the very exception) it would have built itself. Why: each is a few dozen requests to
     * the fixture and the target in turn, which on a target with more cores than one go beside the
     * rules' requests instead of after them (server-stub/PERFORMANCE.md, section 6). Nothing else
     * sees them: each scenario's topic and group are made for it (fresh names, never the target's),
     * it draws its random choices from streams of its own ({@link KitRandom#stream}), and the exchanges
     * it sends are held back from the record until the rule takes it ({@link KitHttp#holdBack}), so a
     * rule's verdict, and the record the response rules and the coverage read, are the same built
     * ahead or not. The caller asks only for the scenarios that a rule of
     * the run will need (selected, not blocked), so that a run sends nothing it would not send
     * otherwise. Without a fixture, or for a scenario already built, nothing is started.
     */
    public void buildAhead(Set<Scenario> scenarios) {
        if (fixture == null) {
            return;
        }
        List<Callable<KitHttp.HeldBack<?>>> builds = new ArrayList<>();
        List<Probe<?>> probesBuilt = new ArrayList<>();
        // In the order the catalogue needs them: RESET-EDGE-04 comes before the exact-answer rules.
        if (scenarios.contains(Scenario.LONG_NAMES) && !probes.containsKey(LONG_NAMES)) {
            builds.add(() -> http.holdBack(() -> new LongNameScenario(this)));
            probesBuilt.add(LONG_NAMES);
        }
        if (scenarios.contains(Scenario.EXACT) && !probes.containsKey(EXACT)) {
            builds.add(() -> http.holdBack(() -> new ExactScenario(this, fixture)));
            probesBuilt.add(EXACT);
        }
        if (builds.isEmpty()) {
            return;
        }
        ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "offsetkit-kit-scenarios");
            thread.setDaemon(true); // a run that stops early does not wait for a scenario nobody needs
            return thread;
        });
        try {
            for (int i = 0; i < builds.size(); i++) {
                builtAhead.put(probesBuilt.get(i), builder.submit(builds.get(i)));
            }
        } finally {
            builder.shutdown(); // the thread ends after the last build
        }
    }

    /**
     * The resets whose effects the read-back rules judge, sent on first use: on the exact-answer
     * scenario's topic and group when there is a fixture, else on the target's own; read back through
     * {@link #offsetReader()}.
     */
    ReadBackScenario readBack() {
        return once(
                READ_BACK,
                () -> new ReadBackScenario(this, fixture == null ? null : exact(), offsetReader(), otherGroup));
    }

    /**
     * The probe of the contract's read of the group's progress on the topic, sent once: whether the
     * target implements it decides how committed offsets are read back.
     */
    public Exchange progressProbe() {
        return once(PROGRESS_PROBE, () -> http.send(Reads.progress(this, target)));
    }

    /** Whether the target implements the contract's read of a group's progress ({@link #progressProbe()}). */
    public boolean readsProgress() {
        return Reads.implemented(progressProbe());
    }

    /**
     * Who reads committed offsets back: the contract's progress read when the target implements it
     * (black-box), else the fixture when it can.
     *
     * @throws IllegalStateException when neither can (the rules that need one require {@link
     *     Capability#COMMITTED_OFFSETS})
     */
    OffsetReader offsetReader() {
        if (readsProgress()) {
            return OffsetReader.documentedRead(this);
        }
        if (fixture != null && fixture.canReadCommittedOffsets()) {
            return OffsetReader.fixture(fixture);
        }
        throw new IllegalStateException(Capability.COMMITTED_OFFSETS.missingReason());
    }

    /** Why a capability is missing, with what the target answered where a probe decides it. */
    public String whyMissing(Capability capability) {
        if (capability == Capability.COMMITTED_OFFSETS) {
            return capability.missingReason() + ": the probe " + progressProbe().requestLine() + " was answered "
                    + progressProbe().statusLine();
        }
        return capability.missingReason();
    }

    /**
     * What a probe holds: sent (or built) by {@code supplier} on the probe's first use in this run,
     * remembered after. The supplier may itself use other probes.
     */
    <T> T once(Probe<T> probe, Supplier<T> supplier) {
        Object remembered = probes.get(probe);
        if (remembered == null) {
            Future<KitHttp.HeldBack<?>> ahead = builtAhead.remove(probe);
            @SuppressWarnings("unchecked") // buildAhead puts only a T's build under a Probe<T>
            T value = ahead == null ? supplier.get() : (T) awaitBuilt(ahead);
            // Not computeIfAbsent: a supplier that uses other probes would change the map inside it.
            probes.put(probe, value);
            return value;
        }
        @SuppressWarnings("unchecked") // only this method puts, and only a T under a Probe<T>
        T value = (T) remembered;
        return value;
    }

    /**
     * What a build of {@link #buildAhead} gave: its value, or the exception it threw, thrown here; the
     * exchanges it sent recorded now, where the rule would have sent them.
     */
    private Object awaitBuilt(Future<KitHttp.HeldBack<?>> build) {
        try {
            return http.release(build.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a scenario's build failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a scenario was built", e);
        }
    }
}
