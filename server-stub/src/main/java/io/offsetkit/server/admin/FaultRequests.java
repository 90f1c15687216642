package io.offsetkit.server.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import io.offsetkit.server.fault.AppliedFault;
import io.offsetkit.server.fault.FaultKind;
import io.offsetkit.server.fault.FaultSpec;
import io.offsetkit.server.fault.Faults;
import io.offsetkit.server.fault.InvalidFaultException;
import io.offsetkit.server.fault.SetFault;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin API's routes for faults on demand ({@link Faults}): set one ({@code POST /admin/faults}),
 * list them, remove one or all, and read the journal of the calls that got one. The body is read
 * field by field ({@link AdminJson}); the fault is checked by {@link FaultSpec.Builder#build()}, whose
 * refusal, naming the field, is a 400 {@code DMS.00400800}: nothing is set then.
 */
final class FaultRequests {

    /** The fields of a fault's JSON body. */
    static final Set<String> FIELDS = Set.of(
            "operation",
            "group",
            "topic",
            "kind",
            "error_code",
            "delay_ms",
            "delay_max_ms",
            "failed_brokers",
            "times",
            "probability");

    private final Faults faults;

    FaultRequests(Faults faults) {
        this.faults = faults;
    }

    /** {@code POST /admin/faults}. */
    FaultResponse add(byte[] body) {
        AdminJson json = AdminJson.parse(body, false, FIELDS);
        FaultSpec spec;
        try {
            spec = FaultSpec.on(json.optionalString("operation"))
                    .group(json.optionalString("group"))
                    .topic(json.optionalString("topic"))
                    .kind(json.optionalString("kind"))
                    .errorCode(json.optionalString("error_code"))
                    .delayMillis(json.optionalLong("delay_ms"))
                    .delayMaxMillis(json.optionalLong("delay_max_ms"))
                    .failedBrokers(json.has("failed_brokers") ? json.strings("failed_brokers") : null)
                    .times(json.optionalLong("times"))
                    .probability(json.optionalNumber("probability"))
                    .build();
        } catch (InvalidFaultException e) {
            throw AdminJson.invalid(e.getMessage());
        }
        return add(spec);
    }

    /** Sets a checked fault. */
    FaultResponse add(FaultSpec spec) {
        try {
            return FaultResponse.of(faults.add(spec));
        } catch (InvalidFaultException e) {
            throw AdminJson.invalid(e.getMessage());
        }
    }

    /** {@code GET /admin/faults}. */
    FaultsResponse list(byte[] body) {
        AdminJson.parse(body, true, Set.of());
        return new FaultsResponse(faults.list().stream().map(FaultResponse::of).toList());
    }

    /** {@code DELETE /admin/faults}: every fault goes; the journal stays. */
    FaultsResponse removeAll(byte[] body) {
        AdminJson.parse(body, true, Set.of());
        faults.removeAll();
        return new FaultsResponse(List.of());
    }

    /** {@code DELETE /admin/faults/{fault_id}}. */
    DeletedFault remove(Map<String, String> path, byte[] body) {
        AdminJson.parse(body, true, Set.of());
        String id = path.get("fault_id");
        if (!faults.remove(id)) {
            throw new DmsException(
                    DmsError.INVALID_PARAMETER,
                    "fault_id " + ErrorText.quote(id) + " is not a fault set now; GET /admin/faults lists them.");
        }
        return new DeletedFault(id);
    }

    /** {@code GET /admin/faults/journal}. */
    JournalResponse journal(byte[] body) {
        AdminJson.parse(body, true, Set.of());
        return new JournalResponse(
                faults.journal().stream().map(AppliedResponse::of).toList());
    }

    record FaultsResponse(@JsonProperty("faults") List<FaultResponse> faults) {}

    record DeletedFault(@JsonProperty("deleted") String deleted) {}

    record JournalResponse(@JsonProperty("calls") List<AppliedResponse> calls) {}

    /** A fault as set, in the body's own field names, with its id and how far it got. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FaultResponse(
            @JsonProperty("id") String id,
            @JsonProperty("operation") String operation,
            @JsonProperty("group") String group,
            @JsonProperty("topic") String topic,
            @JsonProperty("kind") String kind,
            @JsonProperty("error_code") String errorCode,
            @JsonProperty("status") Integer status,
            @JsonProperty("delay_ms") Long delayMillis,
            @JsonProperty("delay_max_ms") Long delayMaxMillis,
            @JsonProperty("failed_brokers") List<String> failedBrokers,
            @JsonProperty("times") Integer times,
            @JsonProperty("probability") double probability,
            @JsonProperty("applied") long applied,
            @JsonProperty("remaining") Integer remaining) {

        static FaultResponse of(SetFault fault) {
            FaultSpec spec = fault.spec();
            boolean delay = spec.kind() == FaultKind.DELAY;
            return new FaultResponse(
                    fault.id(),
                    spec.operation().operationId(),
                    spec.group(),
                    spec.topic(),
                    spec.kind().jsonName(),
                    spec.error() == null ? null : spec.error().code(),
                    spec.error() == null ? null : spec.error().status(),
                    delay ? spec.delayMillis() : null,
                    delay ? spec.delayMaxMillis() : null,
                    spec.kind() == FaultKind.PARTIAL_RESET ? spec.failedBrokers() : null,
                    spec.times(),
                    spec.probability(),
                    fault.applied(),
                    fault.remaining());
        }
    }

    /** A call that got a fault. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AppliedResponse(
            @JsonProperty("received_at") String receivedAt,
            @JsonProperty("request_id") String requestId,
            @JsonProperty("operation") String operation,
            @JsonProperty("group") String group,
            @JsonProperty("topic") String topic,
            @JsonProperty("fault_id") String faultId,
            @JsonProperty("fault") String fault) {

        static AppliedResponse of(AppliedFault applied) {
            return new AppliedResponse(
                    applied.receivedAt().toString(),
                    applied.requestId(),
                    applied.operationId(),
                    applied.group(),
                    applied.topic(),
                    applied.faultId(),
                    applied.fault());
        }
    }
}
