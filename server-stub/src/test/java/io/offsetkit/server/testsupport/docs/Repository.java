package io.offsetkit.server.testsupport.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The repository this build runs in, found from the module's directory: the first directory upwards
 * that holds the Maven wrapper. The READMEs' commands are written from there.
 */
public final class Repository {

    private Repository() {}

    /** The top of the repository. */
    public static Path root() {
        Path module =
                Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
        for (Path dir = module; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory above " + module + " holds mvnw");
    }

    /** A file of the repository, by its path from the top ({@code server-stub/README.md}). */
    public static Path file(String path) {
        return root().resolve(path);
    }

    /**
     * The guides a module's README hands a part of its readers to, checked as its README is: the
     * emulator's guide for app developers, the store's design note for maintainers.
     */
    private static final Set<String> GUIDES = Set.of("EMULATOR.md", "STORE-DESIGN.md");

    /**
     * Every README.md of the repository, and every guide split from one ({@code EMULATOR.md}, {@code
     * STORE-DESIGN.md}), by its path from the top, sorted: build output, the Maven wrapper's and Git's
     * directories left out. A new README is found here without being listed.
     */
    public static List<String> readmes() {
        Path root = root();
        Set<String> skipped = Set.of("target", ".git", ".mvn", "node_modules");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().equals("README.md")
                            || GUIDES.contains(file.getFileName().toString()))
                    .map(root::relativize)
                    .filter(path -> {
                        for (Path part : path) {
                            if (skipped.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .map(path -> path.toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the READMEs under " + root, e);
        }
    }

    /** A README of the repository, by its path from the top, read. */
    public static MarkdownFile readme(String path) {
        return MarkdownFile.read(file(path), path);
    }
}
