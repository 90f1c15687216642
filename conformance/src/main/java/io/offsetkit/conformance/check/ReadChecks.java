package io.offsetkit.conformance.check;

import io.offsetkit.api.SchemaViolation;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.Operation;
import io.offsetkit.conformance.http.Operations;
import io.offsetkit.conformance.http.RawRequest;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The rules of the contract's three reads taken one by one: their answers against their own schemas,
 * their documented examples, their documented errors, their authentication and the SDKs' wire form
 * of a GET. What each expects (statuses, codes, schemas, examples) is read from the operation's
 * descriptor, never restated.
 */
final class ReadChecks {

    /** The reads that show where the target's group stands, each answered once per run. */
    record ReadProbes(Exchange groupTopics, Exchange progress, Exchange topicStatus, Exchange consumers) {
        List<Exchange> all() {
            return List.of(groupTopics, progress, topicStatus, consumers);
        }
    }

    private static final Probe<ReadProbes> READS = new Probe<>("reads");
    private static final Probe<List<Exchange>> PAGING_REFUSALS = new Probe<>("paging-refusals");

    /** The paging cases: a name, a read, the query, the documented status and code. */
    record PagingCase(String operationId, String parameter, String value, int status, String code) {
        String name() {
            return parameter + "=" + value + " on " + operationId;
        }
    }

    private ReadChecks() {}

    /**
     * The four reads, sent once after the reset probes (so the group has offsets on the topic): the
     * group's topics, its progress on the topic, the topic's status and its consumers with details.
     */
    static ReadProbes reads(KitContext context) {
        return context.once(READS, () -> {
            context.sendSuccessProbes();
            Target target = context.target();
            return new ReadProbes(
                    context.http().send(Reads.groupTopics(context, target, Map.of())),
                    context.http().send(Reads.progress(context, target)),
                    context.http().send(Reads.topicStatus(context, target)),
                    context.http().send(Reads.consumers(context, target, Reads.query("is_detail", "true"))));
        });
    }

    static void responseSchema(KitContext context) {
        ReadProbes probes = reads(context);
        Findings findings = new Findings(Rule.RESPONSE_READ_SCHEMA);
        int judged = 0;
        for (Exchange exchange : context.http().recorded()) {
            Operation operation = exchange.operation();
            if (operation == null
                    || !Rule.RESPONSE_READ_SCHEMA.operations().contains(operation.id())
                    || !exchange.method().equals(operation.method())
                    || !exchange.answered()
                    || exchange.status() != 200) {
                continue;
            }
            judged++;
            Optional<String> type = exchange.header("Content-Type");
            if (type.isEmpty() || !ResponseChecks.isJson(type.get())) {
                findings.add(
                        exchange.requestLine() + " was answered 200 with Content-Type "
                                + type.map(t -> "'" + t + "'").orElse("missing"),
                        exchange);
                continue;
            }
            Optional<JsonNode> body = Answers.json(exchange);
            if (body.isEmpty()) {
                findings.add(exchange.requestLine() + " was answered 200 with a body that is not JSON", exchange);
                continue;
            }
            for (SchemaViolation violation :
                    context.schemas().validateComponent(operation.successSchema(), body.get())) {
                findings.add(
                        exchange.requestLine() + ": " + violation.instanceLocation() + ": " + violation.message()
                                + " (schema " + operation.successSchema() + ")",
                        exchange);
            }
        }
        for (Exchange probe : probes.all()) {
            if (!probe.answered() || probe.status() != 200) {
                findings.add(probe.requestLine() + " was answered " + probe.statusLine() + ", not 200", probe);
            }
        }
        if (judged == 0 && findings.isEmpty()) {
            findings.add("no read was answered 200", probes.progress());
        }
        findings.throwIfAny("each read of the target's group and topic answered 200, application/json, with a body"
                + " valid against the read's schema: ShowConsumerListOrDetailsResp, ShowTopicStatusResp,"
                + " ShowConsumerConnectionsResp");
    }

    static void documentedExamples(KitContext context) {
        Findings findings = new Findings(Rule.EXAMPLE_READS);
        Operation groupTopics = context.operation(Operations.GROUP_TOPICS);
        Operation topicStatus = context.operation(Operations.TOPIC_STATUS);
        Target target = context.target();
        // the documented reset first: the documented progress is the one after it, and the group's
        // topics then list the topic it has offsets on, whatever ran before
        Exchange reset =
                context.http().send(context.resetRequest(context.facts().numericRequest(target.topic())));

        Exchange topics = context.http().send(Reads.groupTopics(context, target, Map.of()));
        Set<String> listed = new LinkedHashSet<>();
        Answers.json(topics).ifPresent(body -> body.path("topics").forEach(topic -> listed.add(topic.asString())));
        for (JsonNode topic : groupTopics.successExample("topics").path("topics")) {
            if (!listed.contains(topic.asString())) {
                findings.add(
                        "the group's topics " + listed + " (answered " + topics.statusLine() + ") lack the documented "
                                + topic,
                        topics);
            }
        }

        Exchange status = context.http().send(Reads.topicStatus(context, target));
        Map<String, Long> documentedMin = new LinkedHashMap<>();
        for (JsonNode broker : topicStatus.successExample("topic01").path("brokers")) {
            for (JsonNode queue : broker.path("queues")) {
                documentedMin.put(
                        broker.path("broker_name").asString() + "/"
                                + queue.path("id").asLong(),
                        queue.path("min_offset").asLong());
            }
        }
        try {
            Map<String, Long> answeredMin = Answers.topicStatus(status).minOffsets();
            if (!answeredMin.equals(documentedMin)) {
                findings.add(
                        "the topic's status lists queues and min offsets " + answeredMin + ", the documented example "
                                + documentedMin,
                        status);
            }
        } catch (Answers.Unreadable e) {
            findings.add("the topic's status could not be read: " + e.getMessage(), status);
        }

        Exchange progress = context.http().send(Reads.progress(context, target));
        Map<String, Long> documentedConsumer = new LinkedHashMap<>();
        for (JsonNode broker : groupTopics.successExample("progress").path("brokers")) {
            for (JsonNode queue : broker.path("queues")) {
                documentedConsumer.put(
                        broker.path("broker_name").asString() + "/"
                                + queue.path("id").asLong(),
                        queue.path("consumer_offset").asLong());
            }
        }
        try {
            Map<String, Long> consumer = Answers.progress(progress).consumerOffsets();
            if (!consumer.equals(documentedConsumer)) {
                findings.add(
                        "after the documented reset (answered " + reset.statusLine() + ") the group's progress lists"
                                + " consumer offsets " + consumer + ", the documented example " + documentedConsumer,
                        progress);
                findings.show(reset);
            }
        } catch (Answers.Unreadable e) {
            findings.add("the group's progress could not be read: " + e.getMessage(), progress);
        }
        findings.throwIfAny("on the documented data: the documented topics among the group's topics; the documented"
                + " queues and min offsets in the topic's status " + documentedMin + "; after the documented reset,"
                + " the documented consumer offsets " + documentedConsumer);
    }

    static void unknownNames(KitContext context) {
        Target target = context.target();
        Target unknownInstance =
                target.with(context.random().uuid("read-unknown-instance").toString(), target.group(), target.topic());
        Target unknownGroup = target.with(
                target.instanceId(),
                "offsetkit_ck_no_such_group_" + context.random().hex("read-unknown-group", 4),
                target.topic());
        Target unknownTopic = target.with(
                target.instanceId(),
                target.group(),
                "offsetkit_ck_no_such_topic_" + context.random().hex("read-unknown-topic", 4));
        List<RefusalCase> cases = new ArrayList<>();
        cases.add(documented(
                context, "unknown instance, progress", Reads.progress(context, unknownInstance), 404, "DMS.00404022"));
        cases.add(documented(
                context,
                "unknown instance, topic status",
                Reads.topicStatus(context, unknownInstance),
                404,
                "DMS.00404022"));
        cases.add(documented(
                context,
                "unknown instance, consumers",
                Reads.consumers(context, unknownInstance, Map.of()),
                404,
                "DMS.00404022"));
        cases.add(documented(
                context,
                "unknown group, its topics",
                Reads.groupTopics(context, unknownGroup, Map.of()),
                404,
                Reads.NO_SUCH_GROUP));
        cases.add(documented(
                context, "unknown group, progress", Reads.progress(context, unknownGroup), 404, Reads.NO_SUCH_GROUP));
        cases.add(documented(
                context,
                "unknown group, consumers",
                Reads.consumers(context, unknownGroup, Map.of()),
                404,
                Reads.NO_SUCH_GROUP));
        cases.add(documented(
                context, "unknown topic, progress", Reads.progress(context, unknownTopic), 400, "DMS.00400876"));
        cases.add(documented(
                context, "unknown topic, topic status", Reads.topicStatus(context, unknownTopic), 400, "DMS.00400876"));
        Refusals.check(context, Rule.NEGATIVE_READ_UNKNOWN, cases);
    }

    /** The bad paging values of the paged reads, each with its documented status and code. */
    static List<PagingCase> pagingCases() {
        List<PagingCase> cases = new ArrayList<>();
        for (String operationId : List.of(Operations.GROUP_TOPICS, Operations.CONSUMERS)) {
            cases.add(new PagingCase(operationId, "limit", "0", 400, NegativeChecks.BAD_PARAMETER));
            cases.add(new PagingCase(operationId, "limit", "-1", 400, NegativeChecks.BAD_PARAMETER));
            cases.add(new PagingCase(operationId, "limit", "ten", 400, NegativeChecks.BAD_PARAMETER));
            // spelt otherwise than a decimal integer, though a lenient number parser reads 10
            cases.add(new PagingCase(operationId, "limit", "1e1", 400, NegativeChecks.BAD_PARAMETER));
            cases.add(new PagingCase(operationId, "limit", "51", 400, "DMS.10240042"));
            cases.add(new PagingCase(operationId, "offset", "-1", 400, NegativeChecks.BAD_PARAMETER));
            cases.add(new PagingCase(operationId, "offset", "x", 400, NegativeChecks.BAD_PARAMETER));
            cases.add(new PagingCase(operationId, "offset", "2147483648", 400, "DMS.10240043"));
        }
        cases.add(new PagingCase(Operations.CONSUMERS, "is_detail", "yes", 400, NegativeChecks.BAD_PARAMETER));
        // the contract's boolean is spelt true or false; another spelling is not the contract's value
        cases.add(new PagingCase(Operations.CONSUMERS, "is_detail", "1", 400, NegativeChecks.BAD_PARAMETER));
        return cases;
    }

    /** The paging refusals, sent once: both the paging rule and the error-message rule judge them. */
    static List<Exchange> pagingRefusals(KitContext context) {
        return context.once(
                PAGING_REFUSALS,
                () -> Refusals.send(
                        context,
                        pagingCases().stream()
                                .map(paging -> documented(
                                        context,
                                        paging.name(),
                                        context.request(
                                                paging.operationId(),
                                                context.target(),
                                                Map.of(paging.parameter(), paging.value())),
                                        paging.status(),
                                        paging.code()))
                                .toList()));
    }

    static void paging(KitContext context) {
        List<PagingCase> paging = pagingCases();
        List<Exchange> exchanges = pagingRefusals(context);
        Findings findings = new Findings(Rule.NEGATIVE_READ_PAGING);
        StringBuilder expected =
                new StringBuilder("each bad paging value refused with its documented status and code:");
        for (int i = 0; i < paging.size(); i++) {
            PagingCase one = paging.get(i);
            RefusalCase refusal = documented(context, one.name(), null, one.status(), one.code());
            String problem = Refusals.problem(context, refusal, exchanges.get(i));
            if (problem != null) {
                findings.add(one.name() + ": " + problem, exchanges.get(i));
            }
            expected.append("\n- ")
                    .append(one.name())
                    .append(": ")
                    .append(one.status())
                    .append(' ')
                    .append(one.code());
        }
        findings.throwIfAny(expected.toString());
    }

    static void wrongMethod(KitContext context) {
        List<RefusalCase> cases = new ArrayList<>();
        for (String operationId : Rule.NEGATIVE_READ_WRONG_METHOD.operations()) {
            cases.addAll(NegativeChecks.wrongMethods(context, operationId, 2));
        }
        Refusals.check(context, Rule.NEGATIVE_READ_WRONG_METHOD, cases);
    }

    static void noCredentials(KitContext context) {
        Target target = context.target();
        List<RawRequest> requests = List.of(
                Reads.progress(context, target),
                Reads.topicStatus(context, target),
                Reads.consumers(context, target, Map.of()));
        List<RefusalCase> cases = new ArrayList<>();
        for (RawRequest request : requests) {
            Operation operation = request.operation();
            cases.add(new RefusalCase(
                    operation.id() + " without credentials", request, false, Set.of(401), operation.errorCodes(401)));
        }
        Refusals.check(context, Rule.AUTH_READS, cases);
    }

    static void sdkWireForm(KitContext context) {
        Target target = context.target();
        context.sendSuccessProbes(); // the group has offsets on the topic, whatever ran before
        Findings findings = new Findings(Rule.WIRE_READ_SDK);
        for (RawRequest plain : List.of(Reads.progress(context, target), Reads.topicStatus(context, target))) {
            Map<String, String> headers = new LinkedHashMap<>();
            // both official SDKs send a Content-Type on a GET without body; the Java SDK adds these two
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", WireChecks.JAVA_SDK_USER_AGENT);
            headers.put("X-Project-Id", target.projectId());
            Exchange asPlain = context.http().send(plain);
            Exchange asSdk = context.http().send(plain.withHeaders(headers));
            Optional<JsonNode> plainBody = asPlain.status() == 200 ? Answers.json(asPlain) : Optional.empty();
            Optional<JsonNode> sdkBody = asSdk.status() == 200 ? Answers.json(asSdk) : Optional.empty();
            if (plainBody.isEmpty()) {
                findings.add(
                        "the plain " + plain.operationId() + " was answered " + asPlain.statusLine()
                                + ", so there is no answer to compare with",
                        asPlain);
            } else if (sdkBody.isEmpty()) {
                findings.add(
                        "the SDK's " + plain.operationId() + " was answered " + asSdk.statusLine()
                                + ", the plain one 200",
                        asSdk);
            } else if (!plainBody.get().equals(sdkBody.get())) {
                findings.add(
                        "the SDK's " + plain.operationId() + " got " + sdkBody.get() + ", the plain one "
                                + plainBody.get(),
                        asSdk);
            }
        }
        findings.throwIfAny("a read with Content-Type application/json and no body, User-Agent and X-Project-Id"
                + " answered 200 as the same read without them");
    }

    /** A refusal with its documented status and code, which the operation's descriptor must document. */
    private static RefusalCase documented(
            KitContext context, String name, RawRequest request, int status, String code) {
        Operation operation = request == null ? null : request.operation();
        if (operation != null && !operation.errorCodes(status).contains(code)) {
            throw new IllegalStateException(
                    "the contract's " + operation.id() + " does not document " + status + " " + code + "; it documents "
                            + new TreeSet<>(operation.errors().keySet()));
        }
        return new RefusalCase(name, request, true, Set.of(status), Set.of(code));
    }
}
