package io.offsetkit.server.testsupport.docs;

import io.offsetkit.server.emulator.OffsetkitEmulator;
import io.offsetkit.server.settings.ServerCommand;
import io.offsetkit.server.settings.Setting;
import io.offsetkit.server.settings.SettingSources;
import java.util.Map;
import picocli.CommandLine.ParameterException;

/**
 * Whether a name a README gives is one of the server's, asked of the server's own code: {@link
 * Setting} for settings, the command line ({@link ServerCommand}) for options, {@link SettingSources}
 * for environment variables.
 */
public final class ServerNames {

    private ServerNames() {}

    /** Whether the server has this name, of the kind the README gives it as; a rule id never is. */
    public static boolean has(NamesInMarkdown.Name name) {
        return switch (name.kind()) {
            case SETTING -> isSetting(name.text());
            case OPTION -> isOption(name.text());
            case ENVIRONMENT_VARIABLE -> isEnvironmentVariable(name.text());
            case RULE_ID -> false;
        };
    }

    /**
     * A setting's name ({@code server.port}), one of a family's ({@code logging.level.root}), or a
     * family's own pattern as the server's help writes it ({@code offsetkit.rocketmq.instances[N].FIELD}).
     * {@code [N]} stands for an instance's index.
     */
    public static boolean isSetting(String name) {
        if (name.equals(OffsetkitEmulator.TRANSPORT_PROPERTY)) {
            return true; // the emulator's one system property, read in an app's test JVM
        }
        for (Setting setting : Setting.values()) {
            if (setting.isFamily() && setting.key().equals(name)) {
                return true;
            }
        }
        return Setting.of(name.replace("[N]", "[0]")).isPresent();
    }

    /** An option the server's command line takes: {@code --help}, {@code --version}, {@code --config} or a setting's. */
    public static boolean isOption(String option) {
        ServerCommand command = new ServerCommand("names check");
        try {
            ServerCommand.Parsed alone = command.parse(option);
            if (alone instanceof ServerCommand.HelpRequested || alone instanceof ServerCommand.VersionRequested) {
                return true;
            }
        } catch (ParameterException e) {
            // an option that takes a value: asked again with one below
        }
        try {
            return command.parse(option + "=x") instanceof ServerCommand.Start;
        } catch (ParameterException e) {
            return false;
        }
    }

    /** An environment variable the server reads: one that gives a setting, or the one that names a config file. */
    public static boolean isEnvironmentVariable(String variable) {
        return variable.equals(SettingSources.CONFIG_VARIABLE)
                || !SettingSources.of(Map.of(), Map.of(variable, "x"), null)
                        .names()
                        .isEmpty();
    }
}
