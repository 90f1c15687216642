package io.offsetkit.conformance.cli;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The reference server of {@value CliArguments#LAUNCH}, started before the command line is read rather
 * than after: the reading (picocli's model of the kit's options, whose classes the class-data archive
 * cannot hold) takes a tenth of the README's main job, and the server's start, which the run waits
 * for, needs nothing from it (server-stub/PERFORMANCE.md, section 6). Only a command line that names
 * the jar plainly ({@code --launch JAR} or {@code --launch=JAR}, once) starts it early; the run then
 * {@linkplain #take takes} it when the command line, read, asks for that very jar, and any other
 * outcome (help, a bad argument, another jar) stops it and deletes its data at {@link #close()}, as
 * if it had never started. A failed early start is forgotten: the run launches the server itself and
 * reports why it cannot.
 */
final class EarlyLaunch implements AutoCloseable {

    /** The option that names the jar to launch, as {@link CliArguments} declares it. */
    private static final String LAUNCH = "--launch";

    private static final Set<String> QUICK_ANSWERS = Set.of("-h", "--help", "-V", "--version");

    private final Path jar;
    private LaunchedServer server;

    private EarlyLaunch(Path jar, LaunchedServer server) {
        this.jar = jar;
        this.server = server;
    }

    /** Starts the server the arguments name plainly, if they do; else an early launch of nothing. */
    static EarlyLaunch start(String[] args) {
        Optional<Path> jar = plainJar(args);
        if (jar.isEmpty()) {
            return new EarlyLaunch(null, null);
        }
        try {
            return new EarlyLaunch(jar.get(), LaunchedServer.launch(jar.get(), LaunchedServer.COMMAND_LINE_RUN));
        } catch (LaunchedServer.LaunchException e) {
            return new EarlyLaunch(null, null); // the run's own launch says why
        }
    }

    /**
     * The jar named by {@code --launch JAR} or {@code --launch=JAR}, when the arguments name one, once,
     * with a name not like an argument file's, and hold neither an argument file (whose content would
     * be read in their place) nor a request for the help or the version (answered without a server).
     */
    static Optional<Path> plainJar(String[] args) {
        String named = null;
        int times = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@") || arg.equals("--") || QUICK_ANSWERS.contains(arg)) {
                return Optional.empty();
            }
            if (arg.equals(LAUNCH) && i + 1 < args.length) {
                named = args[++i];
                times++;
            } else if (arg.startsWith(LAUNCH + "=")) {
                named = arg.substring(LAUNCH.length() + 1);
                times++;
            }
        }
        // A jar named "@..." would be an argument file to picocli, read in its place.
        if (times != 1 || named.isEmpty() || named.startsWith("-") || named.startsWith("@")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(named));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * The server started early, when it is the one the command line asks for: the caller owns it from
     * then on (and closes it); else empty, and the caller launches its own.
     */
    Optional<LaunchedServer> take(Path asked) {
        if (server == null || !jar.equals(asked)) {
            return Optional.empty();
        }
        LaunchedServer taken = server;
        server = null;
        return Optional.of(taken);
    }

    /** Where the server started early listens, while nobody has taken it. */
    Optional<URI> startedAt() {
        return server == null ? Optional.empty() : Optional.of(server.baseUrl());
    }

    /** Stops the server started early unless the run took it. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
