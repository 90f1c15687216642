package io.offsetkit.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.store.InstanceView;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StartupBannerTest {

    @Test
    void printsTheIdsThePortAndACurlOfTheDocumentedExample() {
        InstanceView instance = new InstanceView(
                "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d",
                "77b6a44cba5143ab91d13ab9a8ff44fd",
                List.of("broker-1"),
                List.of(new InstanceView.TopicView("topic_01", new TreeMap<>(java.util.Map.of("broker-1", 1)))),
                List.of("group_01"));

        List<String> lines = StartupBanner.embedded("http://localhost:8080", AuthMode.NONE, true, List.of(instance));

        assertThat(lines.get(0)).contains("listening on http://localhost:8080").contains("authentication none");
        assertThat(lines.get(1)).contains("clients on this machine only").contains("offsetkit.admin.token");
        assertThat(String.join("\n", lines))
                .contains("project 77b6a44cba5143ab91d13ab9a8ff44fd")
                .contains("instance 11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d")
                .contains("topic topic_01")
                .contains("groups [group_01]");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo(
                        "  curl -sS -X POST 'http://localhost:8080/v2/rocketmq/77b6a44cba5143ab91d13ab9a8ff44fd"
                                + "/instances/11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d/groups/group_01/reset-message-offset'"
                                + " -H 'Content-Type: application/json' -d '{\"topic\":\"topic_01\",\"timestamp\":1662652800000}'");
    }

    @Test
    void anEmptyStorePointsToTheAdminApi() {
        List<String> lines = StartupBanner.embedded("http://localhost:9090", AuthMode.TOKEN, false, List.of());

        assertThat(lines.get(1))
                .isEqualTo("Admin API (http://localhost:9090/admin/openapi.yaml): open to clients that send"
                        + " X-Admin-Token");
        assertThat(lines.get(lines.size() - 1)).contains("/admin/openapi.yaml").contains("9090");
    }

    @Test
    void theCurlUsesTheDocumentedGroupAndTopicWhenOtherDataSortsBeforeThem() {
        // GIVEN a store that holds the documented example and a conformance run's leftovers, which sort first
        InstanceView instance = new InstanceView(
                "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d",
                "77b6a44cba5143ab91d13ab9a8ff44fd",
                List.of("broker-1", "broker-2"),
                List.of(
                        new InstanceView.TopicView(
                                "offsetkit_ck_1a2b_topic", new TreeMap<>(java.util.Map.of("broker-1", 2))),
                        new InstanceView.TopicView("topic_01", new TreeMap<>(java.util.Map.of("broker-1", 1)))),
                List.of("aaa_group", "group_01", "offsetkit_ck_1a2b_g1"));

        // WHEN the banner is made
        List<String> lines = StartupBanner.embedded("http://localhost:8080", AuthMode.NONE, true, List.of(instance));

        // THEN its curl resets the documented group on the documented topic
        assertThat(lines.get(lines.size() - 1))
                .contains("/groups/group_01/reset-message-offset")
                .contains("\"topic\":\"topic_01\"");
    }

    @Test
    void inAkSkModeTheBannerSaysWhatCanSignTheRequest() {
        InstanceView instance = new InstanceView(
                "i-1",
                "p-1",
                List.of("broker-1"),
                List.of(new InstanceView.TopicView("topic_01", new TreeMap<>(java.util.Map.of("broker-1", 1)))),
                List.of("group_01"));

        List<String> lines = StartupBanner.embedded("http://localhost:8080", AuthMode.AKSK, true, List.of(instance));

        assertThat(lines.get(lines.size() - 2))
                .startsWith("Try it: in AK/SK mode a request is signed (SDK-HMAC-SHA256), which curl cannot do by hand")
                .contains("the offsetkit Java client")
                .contains("an official Huawei Cloud SDK");
        assertThat(lines.get(lines.size() - 1)).contains("/groups/group_01/reset-message-offset");
    }

    @Test
    void inTokenModeTheCurlCarriesTheTokenHeaderToFillIn() {
        InstanceView instance = new InstanceView(
                "i-1",
                "p-1",
                List.of("broker-1"),
                List.of(new InstanceView.TopicView("topic_01", new TreeMap<>(java.util.Map.of("broker-1", 1)))),
                List.of("group_01"));

        List<String> lines = StartupBanner.embedded("http://localhost:8080", AuthMode.TOKEN, true, List.of(instance));

        assertThat(lines.get(lines.size() - 2)).contains("offsetkit.auth.tokens");
        assertThat(lines.get(lines.size() - 1)).contains("-H 'X-Auth-Token: YOUR_TOKEN'");
    }
}
