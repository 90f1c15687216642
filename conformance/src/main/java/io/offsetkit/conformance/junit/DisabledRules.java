package io.offsetkit.conformance.junit;

import io.offsetkit.conformance.rules.Rule;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The condition behind {@link DisableRule}: a rule test of {@link ResetConsumeOffsetVerification} is
 * disabled, with the reason, when the vendor's test class (the outermost class of the test, which
 * extends the base class) carries {@code @DisableRule} for its rule.
 */
public final class DisabledRules implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty() || !RuleDisplayNames.isRuleTest(method.get().getName())) {
            return ConditionEvaluationResult.enabled("not a rule test");
        }
        Rule rule = RuleDisplayNames.ruleOf(method.get().getName());
        return reason(vendorClass(context), rule)
                .map(reason -> ConditionEvaluationResult.disabled(rule.id() + " disabled: " + reason))
                .orElse(ConditionEvaluationResult.enabled(rule.id() + " is not disabled"));
    }

    /**
     * Why a class disables a rule, when it does.
     *
     * @throws IllegalArgumentException when one of its {@code @DisableRule}s names no rule
     */
    static Optional<String> reason(Class<?> testClass, Rule rule) {
        for (DisableRule disabled : AnnotationSupport.findRepeatableAnnotations(testClass, DisableRule.class)) {
            if (Rule.byId(disabled.id()) == rule) {
                return Optional.of(disabled.reason());
            }
        }
        return Optional.empty();
    }

    /** The outermost test class: for a test of an inherited @Nested group, the vendor's subclass. */
    private static Class<?> vendorClass(ExtensionContext context) {
        ExtensionContext outermost = context;
        while (outermost.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            outermost = outermost.getParent().orElseThrow();
        }
        return outermost.getRequiredTestClass();
    }
}
