package io.offsetkit.conformance.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Disables one rule of the kit in a vendor's test class, with the reason: its test is reported as
 * skipped (disabled) with {@code "<id> disabled: <reason>"}, never run and never passed. Repeatable.
 *
 * <pre>{@code
 * @DisableRule(id = "RESET-DOMAIN-09", reason = "the older route is not served yet (GW-1234)")
 * class MyGatewayConformanceTest extends ResetConsumeOffsetVerification { ... }
 * }</pre>
 *
 * An id that names no rule fails the rule tests, naming the closest id. The {@link
 * ResetConsumeOffsetTests} factory disables rules with {@link ResetConsumeOffsetTests#disable}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(DisableRule.List.class)
public @interface DisableRule {

    /** The rule's id, such as {@code RESET-DOMAIN-09}. */
    String id();

    /** Why the rule is disabled; shown with the skipped test. */
    String reason();

    /** The container of repeated {@link DisableRule}s. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        DisableRule[] value();
    }
}
