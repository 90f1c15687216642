package io.offsetkit.server.settings;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UnmatchedArgsBinding;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The server's command line, built by picocli from {@link Setting}: every setting is an option of its
 * documented name ({@code --server.port=9090}), listed with its default by {@code --help}; the two
 * families ({@code --offsetkit.rocketmq.instances[N].FIELD=VALUE}, {@code
 * --logging.level.LOGGER=LEVEL}) are taken in that form; {@code --config=FILE} names a config file;
 * {@code --version} prints the version.
 */
public final class ServerCommand {

    /** What a parse asks for. */
    public sealed interface Parsed {}

    /** Print the help and exit 0. */
    public record HelpRequested(String text) implements Parsed {}

    /** Print the version and exit 0. */
    public record VersionRequested(String text) implements Parsed {}

    /**
     * Start the server.
     *
     * @param settings the settings given on the command line, by name
     * @param configFile the config file, or null
     */
    public record Start(Map<String, String> settings, Path configFile) implements Parsed {}

    private final String version;

    /** @param version the server's version, as {@code --version} prints it */
    public ServerCommand(String version) {
        this.version = version;
    }

    /**
     * Reads the arguments.
     *
     * @throws ParameterException with a message naming the argument (and the closest option, for an
     *     unknown one) when they cannot be used
     */
    public Parsed parse(String... args) {
        Optional<Start> plain = plainStart(args);
        return plain.isPresent() ? plain.get() : parseWithPicocli(args);
    }

    /**
     * The start a command line of known settings asks for, each written {@code --NAME=VALUE} (as the
     * kit and the scripts launch the server), read without picocli; empty for any other command line
     * (help, version, a name then its value, an unknown or misspelt name, an argument file), which
     * picocli reads with its messages. Why: building picocli's model takes a large share of the
     * server's start, and its classes are compiled for Java 5, which class-data sharing cannot
     * archive (server-stub/PERFORMANCE.md, section 6). Both readings give the same {@link Start}:
     * the settings in the order picocli gives them (the settings of their own in {@link Setting}'s
     * order, then the families in the command line's), the last of one given twice winning.
     */
    static Optional<Start> plainStart(String... args) {
        Map<String, String> own = new LinkedHashMap<>();
        Map<String, String> families = new LinkedHashMap<>();
        Path config = null;
        for (String argument : args) {
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals < 0) {
                return Optional.empty();
            }
            String name = argument.substring(2, equals);
            String value = argument.substring(equals + 1);
            if (name.equals("config")) {
                try {
                    config = Path.of(value);
                } catch (InvalidPathException e) {
                    return Optional.empty(); // picocli says what is wrong with it
                }
                continue;
            }
            Optional<Setting> setting = Setting.of(name);
            if (setting.isEmpty()) {
                return Optional.empty();
            }
            (setting.get().isFamily() ? families : own).put(name, value);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            if (own.containsKey(setting.key())) {
                settings.put(setting.key(), own.get(setting.key()));
            }
        }
        settings.putAll(families);
        return Optional.of(new Start(settings, config));
    }

    /** Reads the arguments with picocli's model of the command. */
    Parsed parseWithPicocli(String... args) {
        List<String> families = new ArrayList<>();
        CommandLine commandLine = new CommandLine(spec(families, false));
        commandLine.setUnmatchedArgumentsAllowed(true);
        commandLine.setOverwrittenOptionsAllowed(true);
        ParseResult result = commandLine.parseArgs(args);
        if (result.isUsageHelpRequested()) {
            return new HelpRequested(usage());
        }
        if (result.isVersionHelpRequested()) {
            return new VersionRequested("offsetkit-server " + version);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            if (!setting.isFamily() && result.hasMatchedOption("--" + setting.key())) {
                settings.put(setting.key(), result.matchedOptionValue("--" + setting.key(), ""));
            }
        }
        for (int i = 0; i < families.size(); i++) {
            String argument = families.get(i);
            if (!argument.contains("=")
                    && isFamilyName(argument)
                    && i + 1 < families.size()
                    && !families.get(i + 1).startsWith("--")) {
                argument = argument + "=" + families.get(++i); // --name value, as for the other settings
            }
            settings.putAll(family(commandLine, argument));
        }
        Path config = result.hasMatchedOption("--config") ? result.matchedOptionValue("--config", (Path) null) : null;
        return new Start(settings, config);
    }

    /** The help text. */
    public String usage() {
        return new CommandLine(spec(new ArrayList<>(), true)).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** Prints a usage error the way picocli does, and how to get the help. */
    public static void printError(ParameterException e, PrintWriter err) {
        err.println("offsetkit-server: " + e.getMessage());
        err.println("Try 'java -jar offsetkit-server.jar --help' for the settings.");
        err.flush();
    }

    private static boolean isFamilyName(String argument) {
        String name = argument.startsWith("--") ? argument.substring(2) : argument;
        return Setting.instanceField(name).isPresent() || Setting.logger(name).isPresent();
    }

    private static Map<String, String> family(CommandLine commandLine, String argument) {
        int equals = argument.indexOf('=');
        if (equals < 0 && isFamilyName(argument)) {
            throw new ParameterException(commandLine, "Missing required parameter for option '" + argument + "'");
        }
        if (!argument.startsWith("--") || equals < 0) {
            String hint = argument.startsWith("--")
                    ? SettingNames.closest(argument.substring(2))
                            .map(known -> "; did you mean --" + known + "?")
                            .orElse("")
                    : "";
            throw new ParameterException(commandLine, "Unknown option: '" + argument + "'" + hint);
        }
        String name = argument.substring(2, equals);
        String value = argument.substring(equals + 1);
        if (Setting.instanceField(name).isEmpty() && Setting.logger(name).isEmpty()) {
            String hint = SettingNames.closest(name)
                    .map(known -> "; did you mean --" + known + "?")
                    .orElse("");
            throw new ParameterException(commandLine, "Unknown option: '--" + name + "'" + hint);
        }
        return Map.of(name, value);
    }

    /**
     * The command's model. The help's sections are built only for the help: a start, which only
     * parses, does without them.
     */
    private CommandSpec spec(List<String> families, boolean withSections) {
        CommandSpec spec = CommandSpec.create()
                .name("java -jar offsetkit-server.jar")
                .mixinStandardHelpOptions(true)
                .version("offsetkit-server " + version);
        spec.usageMessage()
                .description("The offsetkit reference server: the reset-consumer-offset API of the contract, over an"
                        + " embedded time-indexed store or a RocketMQ cluster. Every setting below is also"
                        + " read from the environment (OFFSETKIT_AUTH_MODE=token, SERVER_PORT=9090) and from"
                        + " a config file (--config); the command line wins over the environment, which"
                        + " wins over the file.")
                .width(110)
                .sortOptions(false)
                .customSynopsis("java -jar offsetkit-server.jar [--SETTING=VALUE ...] [--config=FILE]")
                .footerHeading("%nSettings with a parameter in their name:%n")
                .footer(footer());
        spec.addOption(OptionSpec.builder("--config")
                .paramLabel("FILE")
                .type(Path.class)
                .description("A config file of settings, YAML or .properties (also OFFSETKIT_CONFIG).")
                .build());
        Map<String, ArgGroupSpec.Builder> sections = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            if (setting.isFamily()) {
                continue;
            }
            OptionSpec option = OptionSpec.builder("--" + setting.key())
                    .paramLabel(setting.label())
                    .type(String.class)
                    .description(setting.description() + " Default: " + setting.defaultShown() + ".")
                    .build();
            if (withSections) {
                sections.computeIfAbsent(
                                section(setting),
                                heading -> ArgGroupSpec.builder()
                                        .heading("%n" + heading + ":%n")
                                        .exclusive(false)
                                        .multiplicity("0..1"))
                        .addArg(option);
            } else {
                spec.addOption(option);
            }
        }
        sections.values().forEach(section -> spec.addArgGroup(section.build()));
        spec.addUnmatchedArgsBinding(UnmatchedArgsBinding.forStringArrayConsumer(new CommandLine.Model.ISetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T set(T value) {
                if (value != null) {
                    families.addAll(List.of((String[]) value));
                }
                return null;
            }
        }));
        return spec;
    }

    /** The two families, laid out as picocli lays out an option: its name, then its wrapped description. */
    private static String[] footer() {
        List<String> lines = new ArrayList<>();
        for (Setting family : List.of(Setting.ROCKETMQ_INSTANCE, Setting.LOGGING_LEVEL)) {
            lines.add("      --" + family.key() + "=" + family.label());
            String text = family.description() + " Default: " + family.defaultShown() + ".";
            String indent = " ".repeat(27);
            StringBuilder line = new StringBuilder(indent);
            for (String word : text.split(" ")) {
                if (line.length() + word.length() + 1 > 110 && line.length() > indent.length()) {
                    lines.add(line.toString());
                    line = new StringBuilder(indent + "  ");
                }
                line.append(line.toString().isBlank() ? "" : " ").append(word);
            }
            lines.add(line.toString());
        }
        lines.add("");
        return lines.toArray(String[]::new);
    }

    private static String section(Setting setting) {
        String key = setting.key();
        if (key.startsWith("server.")) {
            return "Server";
        }
        if (key.startsWith("offsetkit.auth.")) {
            return "Authentication of API calls";
        }
        if (key.startsWith("offsetkit.rocketmq.")) {
            return "RocketMQ backend";
        }
        if (key.startsWith("offsetkit.http.") || key.startsWith("offsetkit.admin.")) {
            return "Requests and the admin API";
        }
        return "Backend and embedded store";
    }
}
