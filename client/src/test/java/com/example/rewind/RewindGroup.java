package com.example.rewind;

import io.offsetkit.client.ConsumerProgress;
import io.offsetkit.client.OffsetkitApiException;
import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.ResetResult;
import io.offsetkit.client.TopicStatus;
import io.offsetkit.client.auth.Credentials;
import java.time.Instant;

/** Rewinds group_01 on topic_01 to 16:00 UTC: read, reset, read back. */
public class RewindGroup {

    public static void main(String[] args) {
        // args: endpoint (e.g. https://dms.cn-north-4.myhuaweicloud.com), project id, access key, secret key
        OffsetkitClient client = OffsetkitClient.builder()
                .endpoint(args[0])
                .projectId(args[1])
                .credentials(Credentials.akSk(args[2], args[3])) // or Credentials.token(iamToken)
                .build();
        String instanceId = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
        try {
            // read: the topic's queues, where a reset can go
            TopicStatus status = client.topicStatus(instanceId, "topic_01");
            System.out.println("queues: " + status.queues());
            // reset: each queue to its first message stored at or after the time
            ResetResult reset =
                    client.resetToTime(instanceId, "group_01", "topic_01", Instant.parse("2022-09-08T16:00:00Z"));
            System.out.println("reset to: " + reset.queues());
            // read back: the group's committed offsets are the ones the reset answered
            ConsumerProgress progress = client.groupProgress(instanceId, "group_01", "topic_01");
            System.out.println("now at: " + progress.consumerOffsets() + ", lag " + progress.lag());
        } catch (OffsetkitApiException e) {
            // The server answered an error. The message is "HTTP <status> <error_code>: <error_msg>
            // (X-Request-Id: <id>)"; errorCode(), errorMsg() and requestId() are Optional<String>, empty
            // when the answer did not carry them (a proxy's HTML page has no error_code).
            System.err.println(e.getMessage());
            System.exit(e.hasErrorCode("DMS.00400876") ? 2 : 1); // DMS.00400876: the topic does not exist
        }
    }
}
