package io.offsetkit.conformance.run;

import io.offsetkit.conformance.check.ReadBackChecks;
import io.offsetkit.conformance.rules.Capability;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why rules did not run, in a few words each, for the result line: {@code no credentials (4), no
 * fixture (16)}. A skipped rule's cause is the missing {@link Capability} its reason names, {@code not
 * selected} when the selection left it out, {@code blocked by <id>} when a rule it needs did not hold,
 * and {@code other reasons} otherwise (the table has the whole reason).
 */
public final class NotRun {

    private NotRun() {}

    /** The cause of one skipped rule, in a few words. */
    public static String cause(RuleResult skipped) {
        String reason = skipped.reason();
        if (reason.startsWith(RuleSelection.NOT_SELECTED)) {
            return RuleSelection.NOT_SELECTED;
        }
        if (reason.startsWith(ConformanceKit.BLOCKED_BY)) {
            // "blocked by RESET-EXAMPLE-01: ..." counts as "blocked by RESET-EXAMPLE-01"
            int colon = reason.indexOf(':');
            return colon < 0 ? reason : reason.substring(0, colon);
        }
        for (Capability capability : Capability.values()) {
            if (reason.startsWith(capability.missingReason())) {
                return label(capability);
            }
        }
        if (reason.startsWith(ReadBackChecks.NO_OTHER_GROUP)) {
            return "no second group (--other-group)";
        }
        return "other reasons";
    }

    /**
     * The causes of the rules given with how many rules each, in the order first met: {@code no
     * credentials (4), no fixture (16)}.
     */
    public static String causes(List<RuleResult> skipped) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        skipped.forEach(result -> counts.merge(cause(result), 1, Integer::sum));
        return counts.entrySet().stream()
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    /** {@code 1 MUST rule}, {@code 20 MUST rules}: a count with its noun, singular or plural. */
    public static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    private static String label(Capability capability) {
        // A default, not an exhaustive switch: a capability added later still gets a label.
        return switch (capability) {
            case CREDENTIALS -> "no credentials";
            case AKSK_CREDENTIALS -> "no AK/SK pair";
            case FIXTURE -> "no fixture";
            case CHOSEN_STORE_TIMESTAMPS -> "the brokers stamp store times";
            case SEVERAL_BROKERS -> "fewer than two brokers";
            case FIRST_OFFSET -> "queues start at offset 0";
            case COMMITTED_OFFSETS -> "committed offsets cannot be read";
            case DOCUMENTED_DATA -> "no --documented-data";
            case OFFLINE_GROUP -> "no offline group";
            case READ_ONLY_CREDENTIALS -> "no read-only credentials";
            case EXPIRED_TOKEN -> "no expired token";
            case OTHER_PROJECT_TOKEN -> "no token of another project";
            case INTERNAL_ERROR -> "no induced failure";
            default -> capability.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
