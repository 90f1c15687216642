package io.offsetkit.conformance.junit;

import io.offsetkit.conformance.rules.Rule;
import java.lang.reflect.Method;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names each test of {@link ResetConsumeOffsetVerification} after its rule, from the catalogue:
 * {@code RESET-DOMAIN-04 MUST: Offsets are monotone in time: ...}. The test method's name carries the
 * level and id ({@code must_RESET_DOMAIN_04_monotone}); the statement comes from {@link Rule}, so
 * the catalogue stays the one place where rules are written.
 */
public final class RuleDisplayNames extends DisplayNameGenerator.Standard {

    private static final Pattern METHOD = Pattern.compile("^(must|should)_RESET_([A-Z]+)_(\\d\\d)_.*$");

    /** Whether a method's name is a rule test's, {@code must_|should_RESET_<FAMILY>_<NN>_...}. */
    static boolean isRuleTest(String methodName) {
        return METHOD.matcher(methodName).matches();
    }

    /** The rule a test method checks, from its name. */
    static Rule ruleOf(String methodName) {
        Matcher matcher = METHOD.matcher(methodName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "Test method " + methodName + " is not named must_|should_RESET_<FAMILY>_<NN>_...");
        }
        return Rule.byId("RESET-" + matcher.group(2) + "-" + matcher.group(3));
    }

    @Override
    public String generateDisplayNameForMethod(
            List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        if (!METHOD.matcher(testMethod.getName()).matches()) {
            return super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
        }
        return of(ruleOf(testMethod.getName()));
    }

    /** A rule test's name in both JUnit forms: {@code <id> <level>: <statement>}. */
    static String of(Rule rule) {
        return rule.id() + " " + rule.level() + ": " + rule.statement();
    }
}
