package io.offsetkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The client README's run-time dependencies (block client-runtime-dependencies) are what the build
 * resolves: the root is this module, its children the client pom's run-time dependencies, each
 * grandchild a dependency its parent's own pom declares, and every artifact of the tree is on the
 * class path the build gives these tests, at the version the README writes.
 */
class ReadmeDependenciesTest {

    /** {@code group:artifact:jar:version[:scope]}, after the tree's drawing. */
    private static final Pattern ARTIFACT =
            Pattern.compile("^((?:[|\\\\+ -]{3})*)([\\w.-]+):([\\w.-]+):jar:([\\w.-]+)(?::(\\w+))?$");

    private record Artifact(int depth, String groupId, String artifactId, String version, String scope) {
        String key() {
            return groupId + ":" + artifactId;
        }
    }

    @Test
    void theTreeIsThePomsRunTimeDependenciesAtTheVersionsOnTheClassPath() throws Exception {
        // GIVEN the README's tree and the client's pom
        List<Artifact> tree = tree(ClientReadme.block("client-runtime-dependencies", "text"));
        Element pom = xml(Files.readString(ClientReadme.module().resolve("pom.xml")));
        String version = text(child(pom, "parent"), "version");

        // WHEN / THEN the root is this module at this version
        Artifact root = tree.get(0);
        assertThat(root.depth()).isZero();
        assertThat(root.key()).isEqualTo("io.offsetkit:" + text(pom, "artifactId"));
        assertThat(root.version()).isEqualTo(version);

        // its children are the pom's dependencies that reach run time, in the pom's order
        List<String> runTime = new ArrayList<>();
        List<String> provided = new ArrayList<>();
        for (Element dependency : elements(child(pom, "dependencies"), "dependency")) {
            String scope = textOr(dependency, "scope", "compile");
            String key = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
            if (scope.equals("compile") || scope.equals("runtime")) {
                runTime.add(key);
            } else if (scope.equals("provided")) {
                provided.add(key);
            }
        }
        assertThat(tree.stream().filter(a -> a.depth() == 1).map(Artifact::key))
                .as("the tree's first level vs client/pom.xml")
                .containsExactlyElementsOf(runTime);
        // and jakarta.annotation-api, which the README says is provided, is
        assertThat(provided).containsExactly("jakarta.annotation:jakarta.annotation-api");

        // every artifact of the tree is on the class path at the README's version
        Map<String, String> onClassPath = classPathVersions();
        for (Artifact artifact : tree.subList(1, tree.size())) {
            assertThat(onClassPath)
                    .as("%s on the test class path", artifact.key())
                    .containsEntry(artifact.artifactId(), artifact.version());
        }

        // and each one deeper is a dependency that its parent's own pom declares
        for (int i = 1; i < tree.size(); i++) {
            Artifact child = tree.get(i);
            if (child.depth() < 2) {
                continue;
            }
            int parent = i - 1;
            while (tree.get(parent).depth() != child.depth() - 1) {
                parent--;
            }
            assertThat(declaredDependencies(tree.get(parent)))
                    .as("the dependencies %s's pom declares", tree.get(parent).key())
                    .contains(child.key());
        }
    }

    private static List<Artifact> tree(List<String> lines) {
        List<Artifact> tree = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = ARTIFACT.matcher(line);
            assertThat(matcher.matches())
                    .as("a line of the dependency tree: " + line)
                    .isTrue();
            tree.add(new Artifact(
                    matcher.group(1).length() / 3,
                    matcher.group(2),
                    matcher.group(3),
                    matcher.group(4),
                    matcher.group(5)));
        }
        return tree;
    }

    /** Artifact id to version, for each jar of the class path and each reactor module's classes directory. */
    private static Map<String, String> classPathVersions() throws Exception {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            Path parent = path.getParent();
            if (parent == null || parent.getParent() == null) {
                continue;
            }
            if (Files.isDirectory(path) || parent.getFileName().toString().equals("target")) {
                // a module of this reactor: target/classes, or the jar it packaged into target/
                Path module = parent.getParent();
                Path pomFile = module.resolve("pom.xml");
                if (Files.isRegularFile(pomFile)) {
                    Element pom = xml(Files.readString(pomFile));
                    versions.put(
                            text(pom, "artifactId"), textOr(pom, "version", text(child(pom, "parent"), "version")));
                }
            } else if (entry.endsWith(".jar")) {
                // a repository's <group path>/<artifact>/<version>/<artifact>-<version>.jar
                versions.put(
                        parent.getParent().getFileName().toString(),
                        parent.getFileName().toString());
            }
        }
        return versions;
    }

    /** The compile and runtime dependencies the artifact's own pom, inside its jar, declares. */
    private static List<String> declaredDependencies(Artifact artifact) throws Exception {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(artifact.artifactId() + "-" + artifact.version() + ".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                ZipEntry pomEntry =
                        jar.getEntry("META-INF/maven/" + artifact.groupId() + "/" + artifact.artifactId() + "/pom.xml");
                assertThat(pomEntry).as("the pom inside " + entry).isNotNull();
                try (InputStream in = jar.getInputStream(pomEntry)) {
                    Element pom = xml(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    List<String> keys = new ArrayList<>();
                    for (Element dependency : elements(child(pom, "dependencies"), "dependency")) {
                        String scope = textOr(dependency, "scope", "compile");
                        if (scope.equals("compile") || scope.equals("runtime")) {
                            keys.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
                        }
                    }
                    return keys;
                }
            }
        }
        throw new AssertionError("no jar of " + artifact.key() + " " + artifact.version() + " on the class path");
    }

    private static Element xml(String text) throws Exception {
        Document document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    /** The direct child element of that name. */
    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element
                    && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }

    private static String textOr(Element parent, String name, String otherwise) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip();
            }
        }
        return otherwise;
    }
}
