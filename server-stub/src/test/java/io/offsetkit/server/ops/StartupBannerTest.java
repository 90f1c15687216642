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
}
