package io.offsetkit.server.settings;

import io.offsetkit.server.error.SettingException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where each setting's value comes from: the command line first, then the environment, then the
 * config file; a setting given nowhere takes its default ({@link ServerSettings}).
 *
 * <p>An environment variable is the name in upper case with {@code .}, {@code -}, {@code [} and
 * {@code ]} as {@code _} ({@code OFFSETKIT_AUTH_MODE}, {@code SERVER_PORT},
 * {@code OFFSETKIT_HTTP_MAX_BODY_SIZE}, {@code OFFSETKIT_ROCKETMQ_INSTANCES_0_NAME_SERVER},
 * {@code LOGGING_LEVEL_IO_OFFSETKIT_SERVER_ACCESS}); the form without the dashes
 * ({@code OFFSETKIT_HTTP_MAXBODYSIZE}) is read too. {@code OFFSETKIT_CONFIG} names a config file when
 * {@code --config} does not.
 */
public final class SettingSources {

    /** The environment variable that names a config file. */
    public static final String CONFIG_VARIABLE = "OFFSETKIT_CONFIG";

    /** A RocketMQ instance's field in the environment: its name in upper case, '-' as '_' or left out. */
    private static final Pattern INSTANCE_VARIABLE = Pattern.compile("OFFSETKIT_ROCKETMQ_INSTANCES_(\\d{1,4})_("
            + Setting.ROCKETMQ_INSTANCE_FIELDS.stream()
                    .map(field -> field.toUpperCase(Locale.ROOT).replace("-", "_?"))
                    .collect(Collectors.joining("|"))
            + ")");

    private static final String LOGGING_PREFIX = "LOGGING_LEVEL_";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    private SettingSources() {}

    /**
     * The settings given by each source.
     *
     * @param commandLine the settings given as options, by name
     * @param environment the process's environment variables
     * @param configFile the config file, or null (then {@link #CONFIG_VARIABLE} may name one)
     * @throws SettingException when the config file cannot be read or names an unknown setting
     */
    public static SettingSources of(Map<String, String> commandLine, Map<String, String> environment, Path configFile) {
        SettingSources sources = new SettingSources();
        Path file = configFile;
        if (file == null && environment.get(CONFIG_VARIABLE) != null) {
            file = Path.of(environment.get(CONFIG_VARIABLE));
        }
        if (file != null) {
            String origin = "the config file " + file;
            ConfigFile.read(file).forEach((name, value) -> sources.put(name, value, origin));
        }
        fromEnvironment(environment)
                .forEach((name, variable) ->
                        sources.put(name, environment.get(variable), "the environment variable " + variable));
        commandLine.forEach((name, value) -> sources.put(name, value, "the command line"));
        return sources;
    }

    /** Only the given values (the emulator's settings, and tests). */
    public static SettingSources of(Map<String, String> values) {
        SettingSources sources = new SettingSources();
        values.forEach((name, value) -> sources.put(name, value, "the given settings"));
        return sources;
    }

    /** The value of a setting, when a source gives it. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Where the value of a setting came from, for messages. */
    public String origin(String name) {
        return origins.getOrDefault(name, "the default");
    }

    /** The names given by any source, sorted. */
    public TreeSet<String> names() {
        return new TreeSet<>(values.keySet());
    }

    private void put(String name, String value, String origin) {
        values.put(name, value);
        origins.put(name, origin);
    }

    /** Setting name to the variable that gives it, for every variable that names a setting. */
    private static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            if (setting.isFamily()) {
                continue;
            }
            String underscores =
                    setting.key().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            String dashless =
                    setting.key().toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
            if (environment.containsKey(underscores)) {
                found.put(setting.key(), underscores);
            } else if (environment.containsKey(dashless)) {
                found.put(setting.key(), dashless);
            }
        }
        for (String variable : new TreeSet<>(environment.keySet())) {
            Matcher instance = INSTANCE_VARIABLE.matcher(variable);
            if (instance.matches()) {
                String field = instanceField(instance.group(2));
                found.put(
                        "offsetkit.rocketmq.instances[" + Integer.parseInt(instance.group(1)) + "]." + field, variable);
            } else if (variable.startsWith(LOGGING_PREFIX) && variable.length() > LOGGING_PREFIX.length()) {
                String logger = variable.substring(LOGGING_PREFIX.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '.');
                found.put("logging.level." + logger, variable);
            }
        }
        return found;
    }

    /** The field an environment variable's last part names ({@code NAME_SERVER}, {@code NAMESERVER}: name-server). */
    private static String instanceField(String variablePart) {
        String squeezed = variablePart.replace("_", "");
        return Setting.ROCKETMQ_INSTANCE_FIELDS.stream()
                .filter(field -> field.toUpperCase(Locale.ROOT).replace("-", "").equals(squeezed))
                .findFirst()
                .orElseThrow(); // INSTANCE_VARIABLE matches only the fields' names
    }
}
