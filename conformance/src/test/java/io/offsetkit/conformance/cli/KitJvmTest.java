package io.offsetkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the command line goes on in a JVM started for its run: only when the user typed {@code java
 * -jar offsetkit-conformance.jar ...} with no JVM option, for a run (not a quick answer), and not
 * twice.
 */
class KitJvmTest {

    @TempDir
    Path directory;

    @Test
    void javaDashJarWithoutOptionsRelaunchesFromThatJar() throws IOException {
        // GIVEN java -jar JAR --launch SERVER, nothing before -jar
        Path jar = jar();

        // WHEN the JVM decides where the run goes on THEN it is the jar, in a JVM of its own
        assertThat(KitJvm.jarToRelaunch(new String[] {"--launch", "server.jar"}, null, jar.toString(), new String[] {
                    "-jar", jar.toString(), "--launch", "server.jar"
                }))
                .contains(jar.toAbsolutePath());
    }

    @Test
    void jvmOptionsOfTheUsersOwnKeepTheRunInThisJvm() throws IOException {
        // GIVEN java -Xmx1g -jar JAR ...: the user chose the JVM
        Path jar = jar();

        // WHEN / THEN the run stays in this JVM
        assertThat(KitJvm.jarToRelaunch(new String[] {"--launch", "server.jar"}, null, jar.toString(), new String[] {
                    "-Xmx1g", "-jar", jar.toString(), "--launch", "server.jar"
                }))
                .isEmpty();
    }

    @Test
    void quickAnswersTheRelaunchedJvmAndRunsFromClassesStayInThisJvm() throws IOException {
        Path jar = jar();
        String[] javaDashJar = {"-jar", jar.toString()};

        // GIVEN --help or --version THEN a second JVM start would cost more than it saves
        assertThat(KitJvm.jarToRelaunch(new String[] {"--help"}, null, jar.toString(), javaDashJar))
                .isEmpty();
        assertThat(KitJvm.jarToRelaunch(new String[] {"-V"}, null, jar.toString(), javaDashJar))
                .isEmpty();
        // GIVEN the JVM that was relaunched THEN it does not relaunch again
        assertThat(KitJvm.jarToRelaunch(new String[] {"--launch", "s.jar"}, "true", jar.toString(), javaDashJar))
                .isEmpty();
        // GIVEN the kit run from classes (tests, an IDE) THEN there is no runnable jar to relaunch
        assertThat(KitJvm.jarToRelaunch(
                        new String[] {"--launch", "s.jar"},
                        null,
                        directory + "/classes" + java.io.File.pathSeparator + jar,
                        new String[] {"-cp", "classes", "io.offsetkit.conformance.cli.Main"}))
                .isEmpty();
        // GIVEN an operating system that does not tell the JVM's command line THEN nothing is guessed
        assertThat(KitJvm.jarToRelaunch(new String[] {"--launch", "s.jar"}, null, jar.toString(), new String[0]))
                .isEmpty();
    }

    private Path jar() throws IOException {
        return Files.write(directory.resolve("offsetkit-conformance.jar"), new byte[] {0x50, 0x4b, 3, 4});
    }
}
