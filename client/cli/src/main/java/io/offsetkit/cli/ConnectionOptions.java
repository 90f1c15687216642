package io.offsetkit.cli;

import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.auth.Credentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where the service is and who calls it. The credentials are never options, so they stay out of
 * shell histories and process lists: {@value #AK} and {@value #SK}, or {@value #TOKEN}, from
 * {@code --credentials-file} (a properties file with those keys) when given, else from the
 * environment. With none at all the requests carry no authentication, for an emulator started
 * without it. No output ever shows a secret.
 */
final class ConnectionOptions {

    static final String AK = "OFFSETKIT_AK";
    static final String SK = "OFFSETKIT_SK";
    static final String TOKEN = "OFFSETKIT_TOKEN";

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            required = true,
            description = "The service's base URL, such as https://dms.cn-north-4.myhuaweicloud.com.")
    String endpoint;

    @Option(names = "--project-id", paramLabel = "ID", required = true, description = "The project id.")
    String projectId;

    @Option(names = "--instance-id", paramLabel = "ID", required = true, description = "The instance id.")
    String instanceId;

    @Option(
            names = "--credentials-file",
            paramLabel = "FILE",
            description = "A properties file with OFFSETKIT_AK and OFFSETKIT_SK, or OFFSETKIT_TOKEN;"
                    + " read instead of the environment.")
    Path credentialsFile;

    /**
     * The client for this endpoint, project and credentials.
     *
     * @throws BadInputException naming the option or variable at fault
     */
    OffsetkitClient client(Map<String, String> environment) {
        Credentials credentials = credentials(environment);
        OffsetkitClient.Builder builder = OffsetkitClient.builder();
        try {
            builder.endpoint(endpoint);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--endpoint", e.getMessage());
        }
        try {
            builder.projectId(projectId);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--project-id", "must not be blank");
        }
        if (instanceId.isBlank()) {
            throw new BadInputException("--instance-id", "must not be blank");
        }
        return builder.credentials(credentials).userAgentSuffix("offsetkit-cli").build();
    }

    private Credentials credentials(Map<String, String> environment) {
        boolean fromFile = credentialsFile != null;
        Map<String, String> source = fromFile ? readFile(credentialsFile) : environment;
        String where = fromFile ? credentialsFile.toString() : "the environment";
        String ak = text(source.get(AK));
        String sk = text(source.get(SK));
        String token = text(source.get(TOKEN));
        if (ak != null || sk != null) {
            if (ak == null || sk == null) {
                // The one at fault: the file, or the variable that is missing.
                String missing = fromFile ? "--credentials-file" : (ak == null ? AK : SK);
                throw new BadInputException(missing, "set both " + AK + " and " + SK + " in " + where + ", or neither");
            }
            if (token != null) {
                throw new BadInputException(
                        fromFile ? "--credentials-file" : TOKEN,
                        "set either " + AK + " and " + SK + " or " + TOKEN + " in " + where + ", not both");
            }
            return Credentials.akSk(ak, sk);
        }
        if (token != null) {
            return Credentials.token(token);
        }
        if (fromFile) {
            throw new BadInputException(
                    "--credentials-file", credentialsFile + " has neither " + AK + " and " + SK + " nor " + TOKEN);
        }
        return Credentials.none();
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new BadInputException(
                    "--credentials-file",
                    file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--credentials-file", file + " is not a properties file");
        }
        return Map.of(
                AK, properties.getProperty(AK, ""),
                SK, properties.getProperty(SK, ""),
                TOKEN, properties.getProperty(TOKEN, ""));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
