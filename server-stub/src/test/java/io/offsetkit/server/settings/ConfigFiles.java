package io.offsetkit.server.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/** Writes settings given by name into a config file, as a user would: YAML with nested keys, or properties. */
final class ConfigFiles {

    private static final Pattern LISTED = Pattern.compile("(.+)\\[(\\d+)]");

    private ConfigFiles() {}

    /** The formats of a config file, each with the file name a user would give it. */
    enum Format {
        YAML("offsetkit.yaml"),
        PROPERTIES("offsetkit.properties");

        private final String fileName;

        Format(String fileName) {
            this.fileName = fileName;
        }

        /** Writes the settings in this format into a file of {@code dir}. */
        Path write(Path dir, Map<String, String> settings) throws IOException {
            Path file = dir.resolve(fileName);
            return this == YAML ? yaml(file, settings) : properties(file, settings);
        }
    }

    /** A YAML file of nested mappings ({@code a.b: x} as {@code a: {b: x}}, {@code l[0].f} as a list of mappings). */
    static Path yaml(Path file, Map<String, String> settings) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        settings.forEach((name, value) -> put(root, name.split("\\."), 0, value));
        Files.writeString(file, new Dump(DumpSettings.builder().build()).dumpToString(root));
        return file;
    }

    /** A properties file with the names as keys. */
    static Path properties(Path file, Map<String, String> settings) throws IOException {
        StringBuilder text = new StringBuilder("# offsetkit settings\n");
        settings.forEach(
                (name, value) -> text.append(name).append('=').append(value).append('\n'));
        Files.writeString(file, text);
        return file;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> map, String[] path, int at, String value) {
        String key = path[at];
        boolean last = at == path.length - 1;
        Matcher listed = LISTED.matcher(key);
        if (listed.matches()) {
            List<Object> list = (List<Object>) map.computeIfAbsent(listed.group(1), k -> new ArrayList<>());
            int index = Integer.parseInt(listed.group(2));
            while (list.size() <= index) {
                list.add(new LinkedHashMap<String, Object>());
            }
            put((Map<String, Object>) list.get(index), path, at + 1, value);
        } else if (last) {
            map.put(key, value);
        } else {
            put(
                    (Map<String, Object>) map.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>()),
                    path,
                    at + 1,
                    value);
        }
    }
}
