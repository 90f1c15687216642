package io.offsetkit.server.admin;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.call.Answer;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.GroupConsumer;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.TestCall;
import io.offsetkit.server.testsupport.TestEngines;
import io.offsetkit.server.testsupport.TestServer;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group's consumers through the admin API, over real HTTP, on a store that starts empty. */
@RunningServer("offsetkit.fixture=none")
class AdminConsumersTest {

    static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    static final String CLIENT = "192.168.0.10@4711#1662652800000";
    static final String DECLARATION = """
            {"consumers": [
              {"client_id": "192.168.0.10@4711#1662652800000", "client_addr": "192.168.0.10:53412",
               "language": "JAVA", "version": "V5_3_1", "online": true,
               "subscriptions": [{"topic": "topic_01", "type": "TAG", "expression": "*"}]},
              {"client_id": "10.0.0.2@9#1", "online": false}
            ]}""";

    @RunningServer.Server
    TestServer server;

    @TempDir
    Path dir;

    EmbeddedStore store;
    String instance;
    String base;

    /** A call as written: paths are sent as given, percent-encoding included (a client id's '#' is %23). */
    RequestSpecification admin() {
        return given().port(server.port()).urlEncodingEnabled(false).contentType("application/json");
    }

    @BeforeEach
    void freshInstanceAndGroup() {
        store = server.engine().store();
        instance = "inst-" + System.nanoTime(); // the server is shared: each test has its own instance
        base = "/admin/instances/" + instance + "/groups/group_01";
        admin().body("{\"project_id\":\"" + PROJECT + "\",\"brokers\":[\"broker-1\"]}")
                .put("/admin/instances/" + instance)
                .then()
                .statusCode(200);
        admin().put(base).then().statusCode(200);
    }

    @Test
    void declaredConsumersAreListedAndTheOnlineOnesAreWhatTheReadSees() {
        // WHEN two consumers are declared, one offline, one with every field left to its default
        admin().body(DECLARATION)
                .put(base + "/consumers")
                .then()
                .statusCode(200)
                .header("X-Request-Id", notNullValue())
                // THEN the answer is every consumer, sorted by client id, the defaults filled in
                .body("group", equalTo("group_01"))
                .body("consumers.client_id", equalTo(List.of("10.0.0.2@9#1", CLIENT)))
                .body("consumers[0].client_addr", equalTo("127.0.0.1:0"))
                .body("consumers[0].language", equalTo("JAVA"))
                .body("consumers[0].version", equalTo("V5_3_1"))
                .body("consumers[0].online", equalTo(false))
                .body("consumers[0].subscriptions", equalTo(List.of()))
                .body("consumers[1].client_addr", equalTo("192.168.0.10:53412"))
                .body("consumers[1].subscriptions[0].topic", equalTo("topic_01"))
                .body("consumers[1].subscriptions[0].type", equalTo("TAG"))
                .body("consumers[1].subscriptions[0].expression", equalTo("*"));
        given().port(server.port())
                .get(base + "/consumers")
                .then()
                .statusCode(200)
                .body("consumers.client_id", equalTo(List.of("10.0.0.2@9#1", CLIENT)))
                .body("consumers.online", equalTo(List.of(false, true)));

        // AND the backend's read lists the online one only
        assertThat(store.consumers(new GroupRef(PROJECT, instance, "group_01")))
                .extracting(ConsumerConnection::clientId)
                .containsExactly(CLIENT);
    }

    @Test
    void aConsumerIsSetOfflineAndOnlineByItsPercentEncodedClientId() {
        admin().body(DECLARATION).put(base + "/consumers").then().statusCode(200);

        // WHEN the online one goes offline ('#' is %23 in a path)
        admin().body("{\"online\":false}")
                .put(base + "/consumers/192.168.0.10@4711%231662652800000/online")
                .then()
                .statusCode(200)
                .body("client_id", equalTo(CLIENT))
                .body("online", equalTo(false));

        // THEN the group has no connected consumer: it is offline
        GroupRef group = new GroupRef(PROJECT, instance, "group_01");
        assertThat(store.consumers(group)).isEmpty();

        // WHEN the other comes online THEN it is the one listed
        admin().body("{\"online\":true}")
                .put(base + "/consumers/10.0.0.2@9%231/online")
                .then()
                .statusCode(200);
        assertThat(store.consumers(group))
                .extracting(ConsumerConnection::clientId)
                .containsExactly("10.0.0.2@9#1");
    }

    @Test
    void aNewDeclarationReplacesTheGroupsConsumersAndAnEmptyOneRemovesThem() {
        admin().body(DECLARATION).put(base + "/consumers").then().statusCode(200);

        admin().body("{\"consumers\":[{\"client_id\":\"c@3\"}]}")
                .put(base + "/consumers")
                .then()
                .statusCode(200)
                .body("consumers.client_id", equalTo(List.of("c@3")));
        admin().body("{\"consumers\":[]}")
                .put(base + "/consumers")
                .then()
                .statusCode(200)
                .body("consumers", equalTo(List.of()));

        assertThat(store.declaredConsumers(instance, "group_01")).isEmpty();
    }

    @Test
    void badDeclarationsAreRefusedNamingTheFieldAndChangeNothing() {
        admin().body(DECLARATION).put(base + "/consumers").then().statusCode(200);
        List<GroupConsumer> before = store.declaredConsumers(instance, "group_01");
        String consumers = base + "/consumers";

        expect(put(consumers, "{}"), 400, "DMS.00400800", "consumers is required");
        expect(put(consumers, "{\"consumers\":{}}"), 400, "DMS.00400800", "consumers must be an array of objects");
        expect(put(consumers, "{\"consumers\":[7]}"), 400, "DMS.00400800", "consumers[0] must be an object");
        expect(put(consumers, "{\"consumers\":[],\"colour\":1}"), 400, "DMS.00400800", "unknown field 'colour'");
        expect(
                put(consumers, "{\"consumers\":[{\"client_id\":\"a\",\"clientId\":\"b\"}]}"),
                400,
                "DMS.00400800",
                "unknown field 'consumers[0].clientId'; the fields there are [client_addr, client_id, language,"
                        + " online, subscriptions, version]");
        expect(put(consumers, "{\"consumers\":[{}]}"), 400, "DMS.00400800", "consumers[0].client_id is required");
        expect(
                put(consumers, "{\"consumers\":[{\"client_id\":\"\"}]}"),
                400,
                "DMS.00400800",
                "consumers[0].client_id is missing or empty");
        expect(
                put(consumers, "{\"consumers\":[{\"client_id\":7}]}"),
                400,
                "DMS.00400800",
                "consumers[0].client_id must be a string, was number");
        expect(
                put(consumers, "{\"consumers\":[{\"client_id\":\"a\",\"client_addr\":\"" + "h".repeat(256) + "\"}]}"),
                400,
                "DMS.00400800",
                "consumers[0].client_addr has 256 characters; at most 255 are allowed");
        expect(
                put(consumers, "{\"consumers\":[{\"client_id\":\"a\",\"online\":\"yes\"}]}"),
                400,
                "DMS.00400800",
                "consumers[0].online must be true or false, was \"yes\"");
        expect(
                put(
                        consumers,
                        "{\"consumers\":[{\"client_id\":\"a\",\"subscriptions\":[{\"topic\":\"t\",\"type\":\"tag\"}]}]}"),
                400,
                "DMS.00400800",
                "consumers[0].subscriptions[0].type 'tag' must be one of [TAG, SQL92]");
        expect(
                put(
                        consumers,
                        "{\"consumers\":[{\"client_id\":\"a\",\"subscriptions\":[{\"topic\":\"t\",\"filter\":\"*\"}]}]}"),
                400,
                "DMS.00400800",
                "unknown field 'consumers[0].subscriptions[0].filter'");
        expect(
                put(consumers, "{\"consumers\":[{\"client_id\":\"a\"},{\"client_id\":\"a\"}]}"),
                400,
                "DMS.00400800",
                "consumers[1].client_id 'a' is declared twice");
        expect(
                put("/admin/instances/" + instance + "/groups/nope/consumers", "{\"consumers\":[]}"),
                404,
                "DMS.10240405",
                "'nope'");
        expect(put("/admin/instances/nope/groups/g/consumers", "{\"consumers\":[]}"), 404, "DMS.00404022", "'nope'");
        expect(put(base + "/consumers/unknown@1/online", "{\"online\":true}"), 400, "DMS.00400800", "no consumer");
        expect(
                put(base + "/consumers/" + "x".repeat(256) + "/online", "{\"online\":true}"),
                400,
                "DMS.00400800",
                "client_id has 256 characters");
        expect(
                put(base + "/consumers/" + "a%20b" + "/online", "{\"online\":true}"),
                400,
                "DMS.00400800",
                "client_id 'a b' has a character outside");
        expect(put(base + "/consumers/10.0.0.2@9%231/online", "{}"), 400, "DMS.00400800", "online is required");
        expect(
                put(base + "/consumers/10.0.0.2@9%231/online", "{\"online\":1}"),
                400,
                "DMS.00400800",
                "online must be true or false");

        assertThat(store.declaredConsumers(instance, "group_01")).isEqualTo(before);
    }

    @Test
    void aClientOnAnotherMachineMayNotDeclareConsumers() throws Exception {
        // GIVEN the engine with the default fixture and no admin token
        try (Engine engine = TestEngines.start(dir)) {
            List<GroupConsumer> before = engine.store().declaredConsumers(Ids.INSTANCE, "group_01");

            // WHEN a client on another machine declares group_01's consumers, or sets one offline
            Answer declared = engine.requestPath()
                    .serve(TestCall.of("PUT", "/admin/instances/" + Ids.INSTANCE + "/groups/group_01/consumers")
                            .json("{\"consumers\":[]}")
                            .fromAnotherMachine());
            Answer offline = engine.requestPath()
                    .serve(TestCall.of(
                                    "PUT",
                                    "/admin/instances/" + Ids.INSTANCE
                                            + "/groups/group_01/consumers/192.168.0.10@4711%231662652800000/online")
                            .json("{\"online\":false}")
                            .fromAnotherMachine());

            // THEN both get the admin API's 403, and the consumers are as they were
            assertError(declared, 403, "DMS.00403007", "Authorization denied.", "offsetkit.admin.token");
            assertError(offline, 403, "DMS.00403007", "Authorization denied.", "offsetkit.admin.token");
            assertThat(engine.store().declaredConsumers(Ids.INSTANCE, "group_01"))
                    .isEqualTo(before)
                    .isNotEmpty();
        }
    }

    private Response put(String path, String body) {
        return admin().body(body).put(path);
    }

    private static void expect(Response response, int status, String code, String inMessage) {
        response.then()
                .statusCode(status)
                .header("X-Request-Id", notNullValue())
                .body("error_code", equalTo(code))
                .body("error_msg", containsString(inMessage));
    }
}
