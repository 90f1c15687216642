package io.offsetkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The client README's coordinates and class path are this module's: the Maven and Gradle blocks name
 * its group, artifact and version as client/pom.xml declares them, and the class path block names
 * the "-all" jar this build writes and the program ReadmeSnippetTest checks.
 */
class ReadmeCoordinatesTest {

    private static final Pattern TAG = Pattern.compile("<(groupId|artifactId|version)>([^<]+)</\\1>");

    @Test
    void mavenAndGradleBlocksNameThisModuleAtThisVersion() throws Exception {
        // GIVEN the pom's coordinates
        String pom = Files.readString(ClientReadme.module().resolve("pom.xml"));
        String version = first(pom.substring(pom.indexOf("<parent>"), pom.indexOf("</parent>")), "version");
        String artifactId = first(pom.substring(pom.indexOf("</parent>")), "artifactId");

        // WHEN the README's blocks are read
        List<String> maven = ClientReadme.block("client-maven", "xml");
        List<String> gradle = ClientReadme.block("client-gradle", "kotlin");

        // THEN they name them
        assertThat(String.join("\n", maven))
                .isEqualTo("<dependency>\n  <groupId>io.offsetkit</groupId>\n  <artifactId>" + artifactId
                        + "</artifactId>\n  <version>" + version + "</version>\n</dependency>");
        assertThat(gradle).containsExactly("implementation(\"io.offsetkit:" + artifactId + ":" + version + "\")");
    }

    @Test
    void classPathBlockRunsTheCheckedProgramWithTheJarThisBuildWrites() throws Exception {
        // GIVEN the pom's coordinates and the README's class path block
        String pom = Files.readString(ClientReadme.module().resolve("pom.xml"));
        String version = first(pom.substring(pom.indexOf("<parent>"), pom.indexOf("</parent>")), "version");
        String artifactId = first(pom.substring(pom.indexOf("</parent>")), "artifactId");
        String block = String.join("\n", ClientReadme.block("client-classpath", "bash"));

        // WHEN / THEN it puts the -all jar (shadedClassifierName "all") on the class path of the program's source
        assertThat(pom).contains("<shadedClassifierName>all</shadedClassifierName>");
        assertThat(block)
                .contains("java -cp client/target/" + artifactId + "-" + version + "-all.jar \\\n" + "    client/"
                        + ReadmeSnippetTest.EXAMPLE + " \\\n")
                // the server's documented project id and the key pair the server is started with
                .contains("--offsetkit.auth.mode=aksk --offsetkit.auth.aksk=my-ak:my-sk")
                .endsWith("http://127.0.0.1:8080 " + Documented.PROJECT + " my-ak my-sk");
    }

    private static String first(String xml, String tag) {
        Matcher matcher = TAG.matcher(xml);
        while (matcher.find()) {
            if (matcher.group(1).equals(tag)) {
                return matcher.group(2).strip();
            }
        }
        throw new AssertionError("no <" + tag + ">");
    }
}
