package io.offsetkit.server.readme;

import io.offsetkit.server.settings.ServerCommand;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
import io.offsetkit.server.testsupport.docs.FencedBlock;
import io.offsetkit.server.testsupport.docs.ShellScript;
import java.util.List;
import java.util.Map;

/** The {@code java -jar server-stub/target/offsetkit-server.jar ...} commands of a README block, read by the server's own command line. */
final class ServerCommands {

    /** The server's runnable jar, as the READMEs name it from the top of the repository. */
    static final String SERVER_JAR = "server-stub/target/offsetkit-server.jar";

    private ServerCommands() {}

    /** The arguments of each command of the block that runs the server's jar, in order. */
    static List<List<String>> arguments(FencedBlock block, Map<String, String> environment) {
        return ShellScript.commands(block, environment).stream()
                .filter(command -> command.words().size() >= 3
                        && command.words().subList(0, 3).equals(List.of("java", "-jar", SERVER_JAR)))
                .map(command -> command.after(3))
                .toList();
    }

    /** What the server's command line makes of the arguments. */
    static ServerCommand.Parsed parse(List<String> arguments) {
        return new ServerCommand("README").parse(arguments.toArray(String[]::new));
    }

    /** The settings the arguments give a start, without environment or config file. */
    static ServerSettings settings(List<String> arguments) {
        ServerCommand.Start start = (ServerCommand.Start) parse(arguments);
        return ServerSettings.from(SettingSources.of(start.settings(), Map.of(), start.configFile()));
    }
}
