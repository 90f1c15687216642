package io.offsetkit.conformance.rules;

/** The groups of rules, in the order the kit runs and reports them. */
public enum Family {
    EXAMPLE("Documented example replay"),
    RESPONSE("Response conformance"),
    DOMAIN("Domain semantics for any data"),
    WIRE("Wire forms of the official SDKs"),
    EDGE("Valid inputs at the contract's edges"),
    NEGATIVE("Negative inputs"),
    AUTH("Authentication"),
    EXACT("Exact answers with a fixture");

    private final String title;

    Family(String title) {
        this.title = title;
    }

    /** A plain-English title for reports. */
    public String title() {
        return title;
    }
}
