package io.offsetkit.conformance.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The JVM the command line's run goes on: {@code java -jar offsetkit-conformance.jar ...} as a user
 * types it starts a JVM with the defaults of a long-lived application (the optimising compiler, the
 * G1 collector), whose optimising compiler alone takes more CPU than it gives back in a run of seconds. When
 * the jar was started so, without JVM options, {@link #relaunch} runs the same command line in a JVM
 * started for a run of seconds ({@link #OPTIONS}, and the kit jar's class-data archive, see {@link
 * ClassDataArchive}), its input and output those of this one, and answers its exit code; this JVM only
 * waits (server-stub/PERFORMANCE.md, section 6, has the figures).
 *
 * <p>It does not relaunch when the user gave the JVM options of their own (they are the user's
 * choice), when the kit runs from classes rather than its runnable jar (tests, the JUnit base
 * class), for {@code --help} and {@code --version} (a JVM start would cost more than it saves), or when
 * it already is the relaunched JVM ({@value #STARTED_FOR_A_RUN} set). When the JVM cannot be started,
 * the run goes on in this one.
 */
final class KitJvm {

    /** The system property that marks the relaunched JVM. */
    static final String STARTED_FOR_A_RUN = "offsetkit.conformance.started-for-a-run";

    /**
     * The options of a JVM started for a run of seconds, the kit's and the server's it launches: the
     * first compiler only (the second one's work does not pay back within a run of seconds, and it
     * competes for the cores with the other JVM's work), the serial collector (no collector threads
     * for a heap this small).
     */
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** How long this JVM, stopped itself, waits for the relaunched one to stop its server and exit. */
    private static final long STOP_WAIT_SECONDS = 15;

    private static final Set<String> QUICK_ANSWERS = Set.of("-h", "--help", "-V", "--version");

    private KitJvm() {}

    /**
     * Runs the command line in a JVM started for it, when that helps.
     *
     * @return the exit code of the relaunched JVM, or empty when the run is to go on in this JVM
     */
    static OptionalInt relaunch(String[] args) {
        Optional<String> java = ProcessHandle.current().info().command();
        Optional<Path> jar = java.isEmpty()
                ? Optional.empty()
                : jarToRelaunch(
                        args,
                        System.getProperty(STARTED_FOR_A_RUN),
                        System.getProperty("java.class.path", ""),
                        ProcessHandle.current().info().arguments().orElse(new String[0]));
        if (jar.isEmpty()) {
            return OptionalInt.empty();
        }
        ClassDataArchive.Use archive = ClassDataArchive.forJar(jar.get());
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(OPTIONS);
        command.addAll(archive.options());
        command.add("-D" + STARTED_FOR_A_RUN + "=true");
        command.addAll(List.of("-cp", jar.get().toString(), Main.class.getName()));
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            archive.finish(false);
            return OptionalInt.empty();
        }
        // Stopped itself (Ctrl-C, a kill), this JVM passes the stop on and waits: the relaunched one
        // then stops the server it launched and deletes its data, as the run would in this JVM.
        Thread passStopOn = new Thread(
                () -> {
                    child.destroy();
                    try {
                        child.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "offsetkit-stop-kit-jvm");
        Runtime.getRuntime().addShutdownHook(passStopOn);
        int code;
        try {
            code = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(Main.CANNOT_RUN);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(passStopOn);
        } catch (IllegalStateException shuttingDown) {
            // This JVM was stopped while the run ended: its hook has passed the stop on already.
        }
        // The kit's own exit codes are its normal ends; anything else is a JVM killed or crashed.
        archive.finish(code == Main.PASS || code == Main.FAIL || code == Main.CANNOT_RUN);
        return OptionalInt.of(code);
    }

    /**
     * The runnable jar to run the command line from in a JVM of its own, or empty when the run is to
     * go on in this JVM.
     *
     * @param args the command line's arguments
     * @param marker the system property {@value #STARTED_FOR_A_RUN} of this JVM, or null
     * @param classPath this JVM's class path
     * @param jvmArguments this JVM's command line after the {@code java} executable, as the operating
     *     system tells it (empty when it does not)
     */
    static Optional<Path> jarToRelaunch(String[] args, String marker, String classPath, String[] jvmArguments) {
        if (marker != null) {
            return Optional.empty();
        }
        for (String arg : args) {
            if (QUICK_ANSWERS.contains(arg)) {
                return Optional.empty();
            }
        }
        // java -jar JAR ...: the class path is that jar, and nothing comes before -jar.
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        if (jvmArguments.length < 2 || !jvmArguments[0].equals("-jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }
}
