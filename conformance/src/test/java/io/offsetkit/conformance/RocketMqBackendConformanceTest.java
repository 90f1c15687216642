package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.check.ContractFacts;
import io.offsetkit.conformance.cli.LaunchedServer;
import io.offsetkit.conformance.fixture.CommittedOffset;
import io.offsetkit.conformance.fixture.QueueRef;
import io.offsetkit.conformance.fixture.rocketmq.RocketMqFixture;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.report.ConsoleReport;
import io.offsetkit.conformance.rules.Capability;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.ConformanceKit;
import io.offsetkit.conformance.run.KitConfig;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.Verdict;
import io.offsetkit.server.rocketmq.InProcessRocketMq;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit against a real Apache RocketMQ cluster (a name server and two brokers in this JVM, started
 * once for the class): {@link RocketMqFixture} on its own, then the whole kit against the reference
 * server on its RocketMQ backend, the fixture making the exact-answer rules' data on the cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RocketMqBackendConformanceTest {

    private static final ContractFacts FACTS = new ContractFacts(OpenApiDocument.bundled());

    private InProcessRocketMq cluster;
    private RocketMqFixture fixture;

    @BeforeAll
    void startCluster(@TempDir Path directory) throws Exception {
        cluster = InProcessRocketMq.start(directory.resolve("cluster"), "broker-1", "broker-2");
        // Each call to the cluster within 15 s (the default is 5 s): the cluster shares this JVM and a busy
        // CI machine's 2 cores, and an admin call or a send that outlasts its limit fails the rule it sets up.
        fixture = new RocketMqFixture(cluster.nameServer(), null, null, Duration.ofSeconds(15));
    }

    @AfterAll
    void stopCluster() {
        if (fixture != null) {
            fixture.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theFixtureReadsBackTheStoreTimesTheBrokerGaveAPacedPlan() {
        // GIVEN a topic on both brokers and a group, made by the fixture
        fixture.createTopic("fixture_check_topic", Map.of("broker-1", 2, "broker-2", 1));
        fixture.createGroup("fixture_check_group");

        // WHEN it produces a plan of +0, two at +100 and +200 into broker-1/0
        List<Long> stamps = fixture.produceMessages(
                new QueueRef("fixture_check_topic", "broker-1", 0), List.of(1000L, 1100L, 1100L, 1200L));

        // THEN there is one store time per message, the batch of two shares one, and the pace is kept
        assertThat(stamps).hasSize(4).isSorted();
        assertThat(stamps.get(1)).isEqualTo(stamps.get(2));
        assertThat(stamps.get(3) - stamps.get(2)).isGreaterThanOrEqualTo(90);
        assertThat(stamps.get(0)).isCloseTo(System.currentTimeMillis(), within(60_000L));
        // AND the group has committed on no queue of the topic yet
        assertThat(fixture.committedOffsets("fixture_check_group", "fixture_check_topic"))
                .hasValueSatisfying(offsets -> assertThat(offsets)
                        .containsExactly(
                                new CommittedOffset("broker-1", 0, null),
                                new CommittedOffset("broker-1", 1, null),
                                new CommittedOffset("broker-2", 0, null)));
    }

    @Test
    void everyRulePassesOrIsSkippedWithTheReasonAgainstTheRocketMqBackend() throws Exception {
        Path jar = Path.of(
                System.getProperty(ReferenceServerConformanceTest.SERVER_JAR, "server jar not set by the build"));
        assertThat(jar).as("the reference server jar").isRegularFile();

        // GIVEN the documented example on the cluster: topic_01 with one queue on broker-1 and no
        // message yet (so every time gives offset 0 there), and group_01
        fixture.createTopic(FACTS.topic(), Map.of("broker-1", 1));
        fixture.createGroup(FACTS.group());

        // AND the reference server in front of it, the target's instance mapped to the cluster
        try (LaunchedServer server = LaunchedServer.start(
                jar,
                List.of(
                        "--offsetkit.backend=rocketmq",
                        "--offsetkit.rocketmq.instances[0].id=" + FACTS.instanceId(),
                        "--offsetkit.rocketmq.instances[0].project-id=" + FACTS.projectId(),
                        "--offsetkit.rocketmq.instances[0].name-server=" + cluster.nameServer(),
                        // Each reset asks the cluster's lock and every broker within this one deadline; on a
                        // busy 2-core CI machine the in-process cluster, the server and the kit share, a
                        // reset took more than the default 3 s and was answered 500 (a failed rule, not the
                        // kit's subject here). The deadline itself is HungBrokerDeadlineTest's subject.
                        "--offsetkit.rocketmq.request-timeout=10s",
                        // the fixture's groups have no consumer running: the brokers' server-side reset
                        // needs none, and the fixture cannot induce an offline group either way
                        "--offsetkit.reset.require-online-consumer=false"))) {

            // WHEN the whole kit runs against it, with the RocketMQ fixture
            KitConfig config = KitConfig.of(new Target(
                            server.baseUrl(),
                            FACTS.projectId(),
                            FACTS.instanceId(),
                            FACTS.group(),
                            FACTS.topic(),
                            null))
                    .withCredentials(Credentials.akSk(server.accessKey(), server.secretKey()))
                    .withFixture("rocketmq", fixture)
                    .withDocumentedData(true);
            KitReport report = new ConformanceKit(config).run();
            String console = ConsoleReport.render(report);
            // The build log shows the kit's verdict on this backend, as the main job shows it.
            System.out.println("RocketMQ backend: " + report.summary() + " in "
                    + Duration.between(report.info().started(), report.info().finished())
                            .toMillis()
                    + " ms, of which the exact-answer scenario (set-up and resets) "
                    + report.results().stream()
                            .filter(result -> result.rule() == Rule.EXACT_BEFORE_FIRST)
                            .findFirst()
                            .orElseThrow()
                            .elapsed()
                            .toMillis()
                    + " ms");

            // THEN every rule passes but the clock step back and the first offset 1000, skipped with why, and
            // what the RocketMQ fixture cannot induce (an offline group, refused credentials, a failure)
            assertThat(report.results())
                    .as(console)
                    .filteredOn(result -> result.verdict() != Verdict.PASSED)
                    .extracting(RuleResult::rule)
                    .containsExactlyInAnyOrder(
                            Rule.EXACT_STEP_BACK,
                            Rule.EXACT_FIRST_OFFSET_NOT_ZERO,
                            Rule.NEGATIVE_GROUP_OFFLINE,
                            Rule.NEGATIVE_INTERNAL_ERROR,
                            Rule.AUTH_EXPIRED_TOKEN,
                            Rule.AUTH_OTHER_PROJECT_TOKEN,
                            Rule.AUTH_READ_ONLY);
            assertThat(skipReason(report, Rule.NEGATIVE_GROUP_OFFLINE))
                    .isEqualTo(Capability.OFFLINE_GROUP.missingReason());
            assertThat(skipReason(report, Rule.NEGATIVE_INTERNAL_ERROR))
                    .isEqualTo(Capability.INTERNAL_ERROR.missingReason());
            assertThat(skipReason(report, Rule.EXACT_STEP_BACK))
                    .isEqualTo(Capability.CHOSEN_STORE_TIMESTAMPS.missingReason());
            assertThat(skipReason(report, Rule.EXACT_FIRST_OFFSET_NOT_ZERO))
                    .isEqualTo(Capability.FIRST_OFFSET.missingReason());
            assertThat(report.summary()).isEqualTo("67 passed, 0 failed (0 MUST), 7 skipped, of 74 rules");
        }
    }

    private static String skipReason(KitReport report, Rule rule) {
        RuleResult result = report.results().stream()
                .filter(candidate -> candidate.rule() == rule)
                .findFirst()
                .orElseThrow();
        assertThat(result.verdict()).as(rule.id()).isEqualTo(Verdict.SKIPPED);
        return result.reason();
    }
}
