package io.offsetkit.server.settings;

import io.offsetkit.server.error.SettingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The names of the settings: checks, and the closest known name to a mistyped one. */
final class SettingNames {

    private SettingNames() {}

    /**
     * Checks that {@code name} is a setting of the server.
     *
     * @param where where the name was found, for the message (e.g. {@code the config file x.yaml})
     * @throws SettingException naming it and the closest known name when it is not
     */
    static void requireKnown(String name, String value, String where) {
        if (Setting.of(name).isEmpty()) {
            Optional<String> closest = closest(name);
            String hint = closest.map(known -> "; did you mean " + known + "?").orElse("");
            // A mistyped secret is still a secret: shown as the setting it was meant to be would be.
            String shown = ServerSettings.shown(closest.orElse(name), value);
            throw new SettingException(name, shown, "no such setting (" + where + ")" + hint);
        }
    }

    /** The known name closest to {@code name} by edit distance, when one is close enough to be a typo. */
    static Optional<String> closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : knownNames()) {
            int distance = distance(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static List<String> knownNames() {
        List<String> names = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            if (setting == Setting.ROCKETMQ_INSTANCE) {
                Setting.ROCKETMQ_INSTANCE_FIELDS.forEach(
                        field -> names.add("offsetkit.rocketmq.instances[0]." + field));
            } else if (setting != Setting.LOGGING_LEVEL) {
                names.add(setting.key());
            }
        }
        return names;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
