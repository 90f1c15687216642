package io.offsetkit.api.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The api README's pom snippet for a depending project (api/README.md) is the one our own build runs and the one the
 * integration test's project runs: the same lines as {@code api/pom.xml} and as {@code
 * src/it/breaking-change-fails-the-build/pom.xml} between the same markers, at most ten of them,
 * naming this plugin, one of its goals and only parameters that goal has (as the plugin descriptor
 * the build generated says). A change to one of them alone fails here, so the README cannot rot.
 */
class ReadmeSnippetTest {

    private static final String README_BEGIN = "<!-- contract-gate-snippet:begin -->";
    private static final String README_END = "<!-- contract-gate-snippet:end -->";

    private static final Path MODULE =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path README = Path.of(System.getProperty("offsetkit.readme", "../README.md"));
    private static final Path API_POM = Path.of(System.getProperty("offsetkit.api.pom", "../pom.xml"));
    private static final Path DESCRIPTOR = MODULE.resolve("target/classes/META-INF/maven/plugin.xml");
    private static final Path IT_POM = MODULE.resolve("src/it/breaking-change-fails-the-build/pom.xml");

    @Test
    void readmeSnippetIsWhatTheApiBuildAndTheIntegrationTestRun() throws IOException {
        // GIVEN the fenced block between the README's markers, and the lines between the poms' markers
        List<String> readme = between(Files.readAllLines(README), README_BEGIN, README_END);
        List<String> apiPom = between(Files.readAllLines(API_POM), README_BEGIN, README_END);
        List<String> itPom = between(Files.readAllLines(IT_POM), README_BEGIN, README_END);

        // WHEN the fence is taken off the README's block
        assertThat(readme.get(0)).isEqualTo("```xml");
        assertThat(readme.get(readme.size() - 1)).isEqualTo("```");
        List<String> fenced = readme.subList(1, readme.size() - 1);

        // THEN they are the same lines, and few
        assertThat(fenced).as("README snippet vs api/pom.xml").isEqualTo(apiPom);
        assertThat(fenced).as("README snippet vs the integration test's pom").isEqualTo(itPom);
        assertThat(fenced).hasSizeBetween(3, 10);
    }

    @Test
    void readmeSnippetNamesThisPluginItsGoalAndItsParameters() throws Exception {
        // GIVEN the README's snippet and the descriptor this build generated for the plugin
        List<String> readme = between(Files.readAllLines(README), README_BEGIN, README_END);
        Element snippet = parse(String.join("\n", readme.subList(1, readme.size() - 1)));
        Element descriptor = parse(Files.readString(DESCRIPTOR));

        // WHEN / THEN the coordinates are the plugin's
        assertThat(text(snippet, "groupId")).isEqualTo(text(descriptor, "groupId"));
        assertThat(text(snippet, "artifactId")).isEqualTo(text(descriptor, "artifactId"));
        // the goal is one of its goals
        String goal = text(snippet, "goal");
        Element mojo = mojo(descriptor, goal);
        assertThat(mojo).as("goal " + goal + " in the plugin descriptor").isNotNull();
        // and every configured element is an editable parameter of that goal
        List<String> editable = new ArrayList<>();
        NodeList parameters = mojo.getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            if (text(parameter, "editable").equals("true")) {
                editable.add(text(parameter, "name"));
            }
        }
        Element configuration =
                (Element) snippet.getElementsByTagName("configuration").item(0);
        assertThat(children(configuration))
                .isNotEmpty()
                .allSatisfy(
                        name -> assertThat(editable).as("parameters of " + goal).contains(name));
    }

    /** The lines strictly between the first line holding {@code begin} and the next holding {@code end}, trimmed. */
    static List<String> between(List<String> lines, String begin, String end) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (from < 0 && lines.get(i).contains(begin)) {
                from = i + 1;
            } else if (from >= 0 && lines.get(i).contains(end)) {
                return lines.subList(from, i).stream().map(String::trim).toList();
            }
        }
        throw new AssertionError("No lines between " + begin + " and " + end);
    }

    private static Element parse(String xml) throws Exception {
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        return document.getDocumentElement();
    }

    /** The text of the first element named {@code name} that is a child of {@code parent}. */
    private static String text(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        NodeList anywhere = parent.getElementsByTagName(name);
        if (anywhere.getLength() == 0) {
            throw new AssertionError("No <" + name + "> in <" + parent.getTagName() + ">");
        }
        return anywhere.item(0).getTextContent().trim();
    }

    private static Element mojo(Element descriptor, String goal) {
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (text(mojo, "goal").equals(goal)) {
                return mojo;
            }
        }
        return null;
    }

    private static List<String> children(Element element) {
        List<String> names = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                names.add(child.getTagName());
            }
        }
        return names;
    }
}
