package io.offsetkit.server.settings;

import io.offsetkit.server.error.SettingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a config file ({@code --config=FILE}) into settings by their documented names. YAML (and so
 * JSON) with nested keys, or a {@code .properties} file with the names as keys:
 *
 * <pre>
 * server:
 *   port: 9090
 * offsetkit:
 *   auth:
 *     mode: token
 *     tokens: [dev-token]            # a list, or one comma-separated string
 *   rocketmq:
 *     instances:
 *       - id: 11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d
 *         name-server: 10.0.0.1:9876
 * logging:
 *   level:
 *     io.offsetkit.server.access: WARN
 * </pre>
 *
 * A nested key joins its path with dots; a list of objects gives {@code name[0].field}; a list of
 * values gives one comma-separated value. A name the server does not know is an error, so that a
 * typo never goes unnoticed.
 */
final class ConfigFile {

    private ConfigFile() {}

    /**
     * The settings of a file.
     *
     * @throws SettingException when the file cannot be read, is not YAML (or properties), or names a
     *     setting the server does not have
     */
    static Map<String, String> read(Path file) {
        if (Files.isDirectory(file)) {
            throw new SettingException("--config", file.toString(), "it is a directory, not a file");
        }
        Map<String, String> values;
        try {
            values = file.toString().endsWith(".properties") ? properties(file) : yaml(file);
        } catch (NoSuchFileException e) {
            throw new SettingException("--config", file.toString(), "no such file (" + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new SettingException("--config", file.toString(), "the file cannot be read: " + e.getMessage());
        } catch (YamlEngineException e) {
            throw new SettingException("--config", file.toString(), "not valid YAML: " + e.getMessage());
        }
        values.forEach((name, value) -> SettingNames.requireKnown(name, value, "in the config file " + file));
        return values;
    }

    private static Map<String, String> properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .sorted()
                .forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private static Map<String, String> yaml(Path file) throws IOException {
        Object root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromInputStream(in);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (root != null) {
            if (!(root instanceof Map)) {
                throw new SettingException(
                        "--config", file.toString(), "the file must hold a YAML mapping of settings");
            }
            flatten("", root, values);
        }
        return values;
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach(
                    (key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
        } else if (node instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else if (node instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(String.valueOf(item)));
            into.put(prefix, String.join(",", items));
        } else if (node != null) {
            into.put(prefix, String.valueOf(node));
        }
    }
}
