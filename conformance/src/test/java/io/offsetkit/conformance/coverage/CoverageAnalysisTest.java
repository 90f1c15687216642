package io.offsetkit.conformance.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.fake.FakeDms;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;
import io.offsetkit.conformance.run.KitReport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The coverage comes from the exchanges of the run, and says why what was not exercised was not. */
class CoverageAnalysisTest {

    private static KitReport run(boolean everything) throws Exception {
        try (FakeDms fake = everything ? FakeDms.withAkSk("AK1", "a-secret-key") : FakeDms.start()) {
            KitConfig config = KitConfig.of(
                    new Target(fake.baseUrl(), FakeDms.PROJECT, FakeDms.INSTANCE, FakeDms.GROUP, FakeDms.TOPIC, null));
            if (everything) {
                config = config.withCredentials(Credentials.akSk("AK1", "a-secret-key"))
                        .withFixture("fake", fake.fixture())
                        .withDocumentedData(true);
            }
            return new ConformanceKit(config).run();
        }
    }

    private static Map<String, CoverageItem> byName(KitReport report) {
        return report.coverage().items().stream()
                .collect(Collectors.toMap(item -> item.dimension() + " " + item.name(), item -> item));
    }

    @Test
    void withEveryCapabilityEveryItemIsExercised_theInternalErrorIncluded() throws Exception {
        // WHEN the whole kit runs against a correct implementation with every capability
        KitReport report = run(true);

        // THEN every item is exercised, the internal error included: the fixture made the target fail
        List<CoverageItem> missing = report.coverage().items().stream()
                .filter(item -> !item.exercised())
                .toList();
        assertThat(missing).isEmpty();
        // AND the refusals the fixture induced are exercised: an offline group, refused credentials, a failure
        Map<String, CoverageItem> induced = byName(report);
        for (String item : List.of(
                "Status codes 403",
                "Status codes 500",
                "Error codes DMS.50050004",
                "Error codes DMS.10240102",
                "Error codes DMS.10240104",
                "Error codes DMS.00403007",
                "Error codes DMS.00500000")) {
            assertThat(induced.get(item).exercised()).as(item).isTrue();
        }
        Map<String, CoverageItem> items = byName(report);
        assertThat(items.get(
                                "Routes POST /v2/{project_id}/rocketmq/instances/{instance_id}/groups/{group}/reset-message-offset")
                        .exercised())
                .isTrue();
        // AND every operation of the contract is a route exercised, as the exchanges' descriptors say
        for (String route : List.of(
                "GET /v2/{project_id}/instances/{instance_id}/groups/{group}/topics",
                "GET /v2/{project_id}/instances/{instance_id}/topics/{topic}/status",
                "GET /v2/rocketmq/{project_id}/instances/{instance_id}/groups/{group}/clients")) {
            assertThat(items.get("Routes " + route).exercised()).as(route).isTrue();
        }
        assertThat(items.get("Engines reliability").detail()).matches("\\d+ requests?, \\d+ answered 2xx");
        assertThat(items.get("Wire forms chunked body, no Content-Length (official Java SDK)")
                        .exercised())
                .isTrue();
        assertThat(items.get("Timestamp forms JSON string \"-1\" (latest)").exercised())
                .isTrue();
        assertThat(items.get("Authentication schemes iamToken (X-Auth-Token)").detail())
                .endsWith("0 answered 2xx");
    }

    @Test
    void whatASkippedRuleWouldHaveExercisedNamesTheRuleAndTheReason() throws Exception {
        // WHEN the kit runs with the target only: no credentials, no fixture
        Map<String, CoverageItem> items = byName(run(false));

        // THEN 401 and the signature scheme were not exercised, because the rules that send them were skipped
        assertThat(items.get("Status codes 401").exercised()).isFalse();
        assertThat(items.get("Status codes 401").detail())
                .isEqualTo(
                        "RESET-AUTH-01, RESET-AUTH-02, RESET-AUTH-03, RESET-AUTH-04, RESET-AUTH-05 skipped: no credentials were"
                                + " given, so the target is taken not to authenticate; RESET-AUTH-07, RESET-AUTH-08"
                                + " skipped: no fixture was given, so the kit cannot create data with known timestamps");
        // AND 403 and the offline group say the same of the rules that would have provoked them
        assertThat(items.get("Status codes 403").detail())
                .isEqualTo("RESET-AUTH-09 skipped: no fixture was given, so the kit cannot create data with known"
                        + " timestamps");
        assertThat(items.get("Error codes DMS.50050004").detail()).startsWith("RESET-NEGATIVE-15 skipped: ");
        assertThat(items.get("Status codes 500").detail()).startsWith("RESET-NEGATIVE-16 skipped: ");
        assertThat(items.get("Error codes DMS.00500000").detail()).startsWith("RESET-NEGATIVE-16 skipped: ");
        assertThat(items.get("Authentication schemes akskSignature (Authorization)")
                        .exercised())
                .isFalse();
        assertThat(items.get("Status codes 404").exercised()).isTrue();
    }
}
