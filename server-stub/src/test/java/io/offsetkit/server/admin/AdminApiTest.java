package io.offsetkit.server.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.TestServer;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The admin API over real HTTP, on a store that starts empty in a fresh data directory. */
@RunningServer("offsetkit.fixture=none")
class AdminApiTest {

    static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";

    @RunningServer.Server
    TestServer server;

    EmbeddedStore store;
    String instance;

    RequestSpecification admin() {
        return given().port(server.port()).contentType("application/json");
    }

    @BeforeEach
    void freshInstance() {
        store = server.engine().store();
        // each test works in its own instance, as the server (and the store) is shared
        instance = "inst-" + System.nanoTime();
        admin().body("{\"project_id\":\"" + PROJECT + "\",\"brokers\":[\"broker-2\",\"broker-1\"]}")
                .put("/admin/instances/" + instance)
                .then()
                .statusCode(200)
                .body("instance_id", equalTo(instance))
                .body("project_id", equalTo(PROJECT))
                .body("brokers", equalTo(List.of("broker-1", "broker-2")));
    }

    @Test
    void createsTopicGroupAndMessagesThenReadsOffsetsBack() {
        admin().body("{\"queues\":{\"broker-1\":2,\"broker-2\":1}}")
                .put("/admin/instances/" + instance + "/topics/topic_01")
                .then()
                .statusCode(200)
                .body("topic", equalTo("topic_01"))
                .body("queues.broker-1", equalTo(2))
                .body("queues.broker-2", equalTo(1));
        admin().put("/admin/instances/" + instance + "/groups/group_01")
                .then()
                .statusCode(200)
                .body("group", equalTo("group_01"));
        admin().body("{\"store_timestamps\":[1662652800000,1662652801000,1662652799000],\"min_offset\":10}")
                .post("/admin/instances/" + instance + "/topics/topic_01/brokers/broker-1/queues/1/messages")
                .then()
                .statusCode(200)
                .body("min_offset", equalTo(10))
                .body("max_offset", equalTo(13));

        // WHEN the group is reset through the store the contract's handler uses
        List<QueueOffset> reset =
                store.resetByTime(new ResetTarget(PROJECT, instance, "group_01", "topic_01"), 1662652800500L);

        // THEN the admin API reads back exactly those offsets, null where never committed before
        assertThat(reset).extracting(QueueOffset::offset).containsExactly(0L, 11L, 0L);
        given().port(server.port())
                .get("/admin/instances/" + instance + "/groups/group_01/offsets?topic=topic_01")
                .then()
                .statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("queues.broker_name", equalTo(List.of("broker-1", "broker-1", "broker-2")))
                .body("queues.queue_id", equalTo(List.of(0, 1, 0)))
                .body("queues.consumer_offset", equalTo(List.of(0, 11, 0)))
                .body("queues.min_offset", equalTo(List.of(0, 10, 0)))
                .body("queues.max_offset", equalTo(List.of(0, 13, 0)));
    }

    @Test
    void deletesATopicAndAGroupItCreatedAndSaysWhenTheyDoNotExist() {
        // GIVEN a topic and a group created through the admin API
        admin().body("{\"queues\":{\"broker-1\":1}}")
                .put("/admin/instances/" + instance + "/topics/offsetkit_ck_1_topic")
                .then()
                .statusCode(200);
        admin().put("/admin/instances/" + instance + "/groups/offsetkit_ck_1_g1")
                .then()
                .statusCode(200);

        // WHEN they are deleted
        admin().delete("/admin/instances/" + instance + "/topics/offsetkit_ck_1_topic")
                .then()
                .statusCode(200)
                .body("deleted", equalTo("offsetkit_ck_1_topic"));
        admin().delete("/admin/instances/" + instance + "/groups/offsetkit_ck_1_g1")
                .then()
                .statusCode(200)
                .body("deleted", equalTo("offsetkit_ck_1_g1"));

        // THEN the store no longer holds them, and deleting them again names what is missing
        assertThat(store.instance(instance).topics()).isEmpty();
        assertThat(store.instance(instance).groups()).isEmpty();
        expect(
                admin().delete("/admin/instances/" + instance + "/topics/offsetkit_ck_1_topic"),
                400,
                "DMS.00400876",
                "offsetkit_ck_1_topic");
        expect(
                admin().delete("/admin/instances/" + instance + "/groups/offsetkit_ck_1_g1"),
                404,
                "DMS.10240405",
                "offsetkit_ck_1_g1");
    }

    @Test
    void aQueueNeverCommittedShowsANullConsumerOffset() {
        admin().body("{\"queues\":{\"broker-1\":1}}").put("/admin/instances/" + instance + "/topics/t");
        admin().put("/admin/instances/" + instance + "/groups/g");

        given().port(server.port())
                .get("/admin/instances/" + instance + "/groups/g/offsets?topic=t")
                .then()
                .statusCode(200)
                .body("queues[0].consumer_offset", nullValue())
                .body("queues[0].max_offset", equalTo(0));
    }

    @Test
    void rePutAddsQueuesAndBrokersButNeverRemoves() {
        admin().body("{\"queues\":{\"broker-1\":3}}").put("/admin/instances/" + instance + "/topics/t");

        admin().body("{\"queues\":{\"broker-1\":1,\"broker-2\":2}}")
                .put("/admin/instances/" + instance + "/topics/t")
                .then()
                .statusCode(200)
                .body("queues.broker-1", equalTo(3))
                .body("queues.broker-2", equalTo(2));
        admin().body("{\"project_id\":\"" + PROJECT + "\",\"brokers\":[\"broker-3\"]}")
                .put("/admin/instances/" + instance)
                .then()
                .statusCode(200)
                .body("brokers", equalTo(List.of("broker-1", "broker-2", "broker-3")));
    }

    @Test
    void refusesBadInputWithTheDocumentedCodes() {
        String base = "/admin/instances/" + instance;
        admin().body("{\"queues\":{\"broker-1\":1}}").put(base + "/topics/t");
        admin().put(base + "/groups/g");

        expect(admin().body("{\"project_id\":\"other\"}").put(base), 400, "DMS.00400800", "belongs to project");
        expect(admin().body("").put(base), 400, "DMS.00400004", "needs a JSON object");
        expect(admin().body("{\"project_id\":").put(base), 400, "DMS.00400005", "not valid JSON");
        expect(admin().body("[]").put(base), 400, "DMS.00400800", "must be a JSON object");
        expect(admin().body("{\"project_id\":7}").put(base), 400, "DMS.00400800", "project_id must be a string");
        expect(
                admin().body("{\"project_id\":\"p\",\"colour\":1}").put(base),
                400,
                "DMS.00400800",
                "unknown field 'colour'");
        expect(admin().body("{\"project_id\":\"a b\"}").put(base), 400, "DMS.00400800", "outside");
        expect(
                admin().body("{\"queues\":{\"broker-9\":1}}").put(base + "/topics/t2"),
                400,
                "DMS.00400800",
                "no broker 'broker-9'");
        expect(
                admin().body("{\"queues\":{\"broker-1\":0}}").put(base + "/topics/t2"),
                400,
                "DMS.00400800",
                "between 1 and 1024");
        expect(admin().body("{\"queues\":{}}").put(base + "/topics/t2"), 400, "DMS.00400800", "non-empty");
        expect(
                admin().body("{\"queues\":{\"broker-1\":1}}").put("/admin/instances/nope/topics/t"),
                404,
                "DMS.00404022",
                "'nope'");
        String messages = base + "/topics/t/brokers/broker-1/queues/0/messages";
        expect(admin().body("{\"store_timestamps\":[1.5]}").post(messages), 400, "DMS.00400800", "integer");
        expect(admin().body("{\"store_timestamps\":[-3]}").post(messages), 400, "DMS.00400800", ">= 0");
        expect(
                admin().body("{\"store_timestamps\":[\"12\"]}").post(messages),
                400,
                "DMS.00400800",
                "store_timestamps[0]");
        expect(
                admin().body("{\"store_timestamps\":[99999999999999999999]}").post(messages),
                400,
                "DMS.00400800",
                "int64");
        expect(admin().body("{}").post(messages), 400, "DMS.00400800", "store_timestamps is required");
        expect(
                admin().body("{\"store_timestamps\":[1]}").post(base + "/topics/t/brokers/broker-1/queues/1/messages"),
                400,
                "DMS.00400800",
                "no queue 1");
        expect(
                admin().body("{\"store_timestamps\":[1]}").post(base + "/topics/t/brokers/broker-1/queues/x/messages"),
                400,
                "DMS.00400800",
                "queue_id 'x'");
        expect(
                admin().body("{\"store_timestamps\":[1]}").post(base + "/topics/zz/brokers/broker-1/queues/0/messages"),
                400,
                "DMS.00400876",
                "'zz'");
        admin().body("{\"store_timestamps\":[1]}").post(messages).then().statusCode(200);
        expect(
                admin().body("{\"store_timestamps\":[2],\"min_offset\":5}").post(messages),
                400,
                "DMS.00400800",
                "only be set while the queue is empty");
        // The one media-type rule of the request path, as for the contract's operations: a body not
        // declared as JSON is, as declared, not JSON.
        expect(
                given().port(server.port()).contentType("text/plain").body("{}").put(base + "/groups/g2"),
                400,
                "DMS.00400005",
                "Content-Type");
        expect(given().port(server.port()).get(base + "/groups/g/offsets"), 400, "DMS.00400800", "topic is required");
        expect(given().port(server.port()).get(base + "/groups/nope/offsets?topic=t"), 404, "DMS.10240405", "'nope'");
        expect(given().port(server.port()).get(base + "/groups/g/offsets?topic=nope"), 400, "DMS.00400876", "'nope'");
    }

    @Test
    void servesItsOwnOpenApiDocumentListingEveryRoute() {
        byte[] served = given().port(server.port())
                .get("/admin/openapi.yaml")
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("application/yaml"))
                .extract()
                .asByteArray();

        JsonNode document = YAMLMapper.shared().readTree(served);
        Set<String> documented = new TreeSet<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(documented).isEqualTo(servedRoutes());
    }

    /** What the server routes to the admin API: its operations, and its own document. */
    private static Set<String> servedRoutes() {
        Set<String> routes = new TreeSet<>();
        for (AdminApi.Operation operation : AdminApi.Operation.values()) {
            routes.add(operation.method() + " " + operation.pathTemplate());
        }
        routes.add("GET " + AdminApi.OPENAPI);
        return routes;
    }

    private static void expect(io.restassured.response.Response response, int status, String code, String inMessage) {
        response.then()
                .statusCode(status)
                .header("X-Request-Id", notNullValue())
                .body("error_code", equalTo(code))
                .body("error_msg", org.hamcrest.Matchers.containsString(inMessage));
    }
}
