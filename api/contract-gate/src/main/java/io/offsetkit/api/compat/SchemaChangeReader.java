package io.offsetkit.api.compat;

import io.offsetkit.api.compat.ContractChange.Severity;
import io.offsetkit.api.compat.ContractChange.Side;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedNumericRange;
import org.openapitools.openapidiff.core.model.schema.ChangedOneOfSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * Puts openapi-diff's findings about one schema (and the schemas inside it) into plain words, each
 * with the JSON pointer where it is.
 *
 * <p>The library's own rating is kept, with two exceptions. A removed response field is breaking
 * here even when it was optional (the library rates that compatible). A client that reads the field
 * gets nothing where it used to get a value, and a client generated from the document loses the
 * getter; both are breaks for existing clients. And a request bound that states what the schema
 * already implied is compatible (the library rates every bound added to a request narrowing): a
 * {@code maxLength} or {@code minLength} that every length the unchanged pattern allows fits, a
 * {@code minimum} or {@code maximum} that every integer of the unchanged format fits ({@link
 * ImpliedBounds}). Generators keep such bounds where they drop a pattern or a format.
 */
final class SchemaChangeReader {

    static final String LIBRARY = "openapi-diff";
    static final String OWN_RESPONSE_FIELD_RULE = "own rule: a removed response field breaks clients";
    static final String LIBRARY_ON_NAMED_ALTERNATIVE =
            "openapi-diff, on an inline oneOf/anyOf alternative our own code named";
    static final String OWN_IMPLIED_BOUND_RULE =
            "openapi-diff, rated compatible by our own rule: the bound states what the schema already implied";

    /** Which side of the exchange a schema describes; the rules are mirror images. */
    enum Direction {
        REQUEST,
        RESPONSE
    }

    /**
     * What a schema is part of, for messages: {@code holder} is "the request body", "the 200
     * response", "parameter `engine` (in path)"; {@code field} the dotted path inside it.
     */
    record Subject(Direction direction, String holder, String field) {

        Subject property(String name) {
            return new Subject(direction, holder, field.isEmpty() ? name : field + "." + name);
        }

        Subject items() {
            return new Subject(direction, holder, field + "[]");
        }

        String describe() {
            return field.isEmpty() ? holder : "field `" + field + "` in " + holder;
        }
    }

    /** Where a schema is: the same reference tokens, walked from a start in each document. */
    record Place(String currentStart, String baselineStart, List<String> tokens) {

        Place child(String... more) {
            List<String> longer = new ArrayList<>(tokens);
            Collections.addAll(longer, more);
            return new Place(currentStart, baselineStart, longer);
        }

        static Place component(String name) {
            String pointer = DocumentPointers.append("/components/schemas", name);
            return new Place(pointer, pointer, List.of());
        }
    }

    private final DocumentPointers current;
    private final DocumentPointers baseline;
    private final ChangeLog log;
    private final Set<ChangedSchema> reading = Collections.newSetFromMap(new IdentityHashMap<>());
    /** How deep inside alternatives that {@link InlineBranchNames} named: the library alone would miss them. */
    private int namedAlternativeDepth;

    SchemaChangeReader(DocumentPointers current, DocumentPointers baseline, ChangeLog log) {
        this.current = current;
        this.baseline = baseline;
        this.log = log;
    }

    void read(ChangedSchema schema, Place place, Subject subject, String seenIn) {
        if (schema == null || !reading.add(schema)) {
            return; // nothing changed, or a recursive schema already being read
        }
        try {
            if (schema.isChangedType()) {
                breaking(
                        subject.describe() + ": type changed from " + type(schema.getOldSchema()) + " to "
                                + type(schema.getNewSchema()),
                        inCurrent(place),
                        seenIn);
                return; // the library compares nothing further once the type differs
            }
            if (schema.isDiscriminatorPropertyChanged()) {
                breaking(subject.describe() + ": oneOf discriminator changed", inCurrent(place), seenIn);
            }
            properties(schema, place, subject, seenIn);
            required(schema, place, subject, seenIn);
            enumeration(schema.getEnumeration(), place, subject, seenIn);
            constraints(schema, place, subject, seenIn);
            documentation(schema, place, subject, seenIn);
            read(schema.getItems(), place.child("items"), subject.items(), seenIn);
            read(schema.getAddProp(), place.child("additionalProperties"), subject.property("*"), seenIn);
            alternatives(schema.getOneOfSchema(), place, subject, seenIn);
            schema.getChangedProperties()
                    .forEach((name, property) ->
                            read(property, place.child("properties", name), subject.property(name), seenIn));
        } finally {
            reading.remove(schema);
        }
    }

    private void properties(ChangedSchema schema, Place place, Subject subject, String seenIn) {
        List<String> oldRequired = requiredOf(schema.getOldSchema());
        List<String> newRequired = requiredOf(schema.getNewSchema());
        for (String name : schema.getMissingProperties().keySet()) {
            String where = baseline.resolve(
                    place.baselineStart(), place.child("properties", name).tokens(), false);
            String what = subject.property(name).describe() + " removed";
            if (subject.direction() == Direction.RESPONSE) {
                String foundBy = oldRequired.contains(name) ? foundBy() : OWN_RESPONSE_FIELD_RULE;
                log.add(Severity.BREAKING, what, where, Side.BASELINE, foundBy, seenIn);
            } else {
                compatible(what + " (clients that still send it are not refused)", where, Side.BASELINE, seenIn);
            }
        }
        for (String name : schema.getIncreasedProperties().keySet()) {
            String where = current.resolve(
                    place.currentStart(), place.child("properties", name).tokens(), false);
            String field = subject.property(name).describe();
            boolean required = newRequired.contains(name);
            if (subject.direction() == Direction.REQUEST && required) {
                breaking("new required " + field, where, seenIn);
            } else if (subject.direction() == Direction.REQUEST) {
                compatible("new optional " + field, where, Side.CURRENT, seenIn);
            } else {
                compatible("new " + field + (required ? ", always present" : ""), where, Side.CURRENT, seenIn);
            }
        }
    }

    private void required(ChangedSchema schema, Place place, Subject subject, String seenIn) {
        ChangedRequired required = schema.getRequired();
        if (required == null || required.isUnchanged()) {
            return;
        }
        String where = DocumentPointers.append(inCurrent(place), "required");
        for (String name : required.getIncreased()) {
            if (!schema.getIncreasedProperties().containsKey(name)) {
                String field = subject.property(name).describe();
                if (subject.direction() == Direction.REQUEST) {
                    breaking(field + " is now required", where, seenIn);
                } else {
                    compatible(field + " is now always present", where, Side.CURRENT, seenIn);
                }
            }
        }
        for (String name : required.getMissing()) {
            if (!schema.getMissingProperties().containsKey(name)) {
                String field = subject.property(name).describe();
                if (subject.direction() == Direction.RESPONSE) {
                    breaking(field + " is no longer required: it may be absent", where, seenIn);
                } else {
                    compatible(field + " is now optional", where, Side.CURRENT, seenIn);
                }
            }
        }
    }

    private void enumeration(ChangedEnum<?> enumeration, Place place, Subject subject, String seenIn) {
        if (enumeration == null || enumeration.isUnchanged()) {
            return;
        }
        String where = DocumentPointers.append(inCurrent(place), "enum");
        boolean request = subject.direction() == Direction.REQUEST;
        if (!enumeration.getMissing().isEmpty()) {
            String what = subject.describe() + ": enum value(s) " + values(enumeration.getMissing()) + " removed";
            if (request) {
                breaking(what, where, seenIn);
            } else {
                compatible(what, where, Side.CURRENT, seenIn);
            }
        }
        if (!enumeration.getIncreased().isEmpty()) {
            String what = subject.describe() + ": new enum value(s) " + values(enumeration.getIncreased());
            if (request) {
                compatible(what, where, Side.CURRENT, seenIn);
            } else {
                breaking(what + ", unknown to existing clients", where, seenIn);
            }
        }
    }

    private void constraints(ChangedSchema schema, Place place, Subject subject, String seenIn) {
        String lengthsKept = lengthsKept(schema, subject);
        constraint(
                "maxLength", schema.getMaxLength(), schema, Schema::getMaxLength, place, subject, seenIn, lengthsKept);
        constraint(
                "minLength", schema.getMinLength(), schema, Schema::getMinLength, place, subject, seenIn, lengthsKept);
        constraint("pattern", schema.getPattern(), schema, Schema::getPattern, place, subject, seenIn);
        constraint("maxItems", schema.getMaxItems(), schema, Schema::getMaxItems, place, subject, seenIn);
        constraint("minItems", schema.getMinItems(), schema, Schema::getMinItems, place, subject, seenIn);
        constraint("uniqueItems", schema.getUniqueItems(), schema, Schema::getUniqueItems, place, subject, seenIn);
        constraint("multipleOf", schema.getMultipleOf(), schema, Schema::getMultipleOf, place, subject, seenIn);
        constraint(
                "maxProperties", schema.getMaxProperties(), schema, Schema::getMaxProperties, place, subject, seenIn);
        constraint(
                "minProperties", schema.getMinProperties(), schema, Schema::getMinProperties, place, subject, seenIn);
        constraint("nullable", schema.getNullable(), schema, Schema::getNullable, place, subject, seenIn);
        constraint("readOnly", schema.getReadOnly(), schema, Schema::getReadOnly, place, subject, seenIn);
        constraint("writeOnly", schema.getWriteOnly(), schema, Schema::getWriteOnly, place, subject, seenIn);
        ChangedNumericRange range = schema.getNumericRange();
        if (range != null && !range.isUnchanged()) {
            String integersKept = integersKept(schema, subject);
            String what = subject.describe() + ": allowed range changed from "
                    + range(
                            range.getOldMinimumValue(), range.getOldMinimumExclusiveValue(),
                            range.getOldMaximumValue(), range.getOldMaximumExclusiveValue())
                    + " to "
                    + range(
                            range.getNewMinimumValue(), range.getNewMinimumExclusiveValue(),
                            range.getNewMaximumValue(), range.getNewMaximumExclusiveValue());
            add(severity(range), what, integersKept, inCurrent(place), seenIn);
        }
    }

    private void constraint(
            String keyword,
            Changed change,
            ChangedSchema schema,
            Function<Schema<?>, Object> value,
            Place place,
            Subject subject,
            String seenIn) {
        constraint(keyword, change, schema, value, place, subject, seenIn, null);
    }

    /**
     * One keyword's change; {@code kept}, when not null, says why no value valid before is refused now,
     * and makes the change compatible whatever the library rated it.
     */
    private void constraint(
            String keyword,
            Changed change,
            ChangedSchema schema,
            Function<Schema<?>, Object> value,
            Place place,
            Subject subject,
            String seenIn,
            String kept) {
        if (change == null || change.isUnchanged()) {
            return;
        }
        Object before = schema.getOldSchema() == null ? null : value.apply(schema.getOldSchema());
        Object after = schema.getNewSchema() == null ? null : value.apply(schema.getNewSchema());
        if (Objects.equals(before, after)) {
            return;
        }
        add(
                severity(change),
                subject.describe() + ": " + keyword + " changed from " + show(before) + " to " + show(after),
                kept,
                DocumentPointers.append(inCurrent(place), keyword),
                seenIn);
    }

    /**
     * Why new length bounds on a request string refuse nothing valid before, or null when they may:
     * the pattern is unchanged and every length it and the old bounds allowed is still allowed.
     */
    private static String lengthsKept(ChangedSchema schema, Subject subject) {
        Schema<?> before = schema.getOldSchema();
        Schema<?> after = schema.getNewSchema();
        if (subject.direction() != Direction.REQUEST
                || before == null
                || after == null
                || before.getPattern() == null
                || !Objects.equals(before.getPattern(), after.getPattern())) {
            return null;
        }
        ImpliedBounds.Lengths allowed = ImpliedBounds.lengths(before);
        if (!allowed.within(ImpliedBounds.lengths(after))) {
            return null;
        }
        String lengths = allowed.max() == Long.MAX_VALUE
                ? "at least " + allowed.min() + " characters"
                : allowed.min() + " to " + allowed.max() + " characters only";
        return "; the pattern `" + before.getPattern() + "` already allowed " + lengths + ", so no value is refused";
    }

    /**
     * Why a new range of a request integer refuses nothing valid before, or null when it may: the
     * format is unchanged and every integer the old range and format allowed is still allowed.
     */
    private static String integersKept(ChangedSchema schema, Subject subject) {
        Schema<?> before = schema.getOldSchema();
        Schema<?> after = schema.getNewSchema();
        if (subject.direction() != Direction.REQUEST
                || before == null
                || after == null
                || before.getFormat() == null
                || !Objects.equals(before.getFormat(), after.getFormat())) {
            return null;
        }
        var allowed = ImpliedBounds.integers(before);
        var now = ImpliedBounds.integers(after);
        if (allowed.isEmpty() || now.isEmpty() || !allowed.get().within(now.get())) {
            return null;
        }
        return "; the format " + before.getFormat() + " already bounded it, so no value is refused";
    }

    /**
     * Adds a change to the current document as the library rated it, unless {@code kept} says why it
     * refuses nothing that was valid: then as compatible, with that reason.
     */
    private void add(Severity rated, String what, String kept, String where, String seenIn) {
        if (kept == null) {
            log.add(rated, what, where, Side.CURRENT, foundBy(), seenIn);
        } else if (rated == Severity.BREAKING) {
            log.addOverruled(what + kept, where, OWN_IMPLIED_BOUND_RULE, seenIn);
        } else {
            compatible(what + kept, where, Side.CURRENT, seenIn);
        }
    }

    private void documentation(ChangedSchema schema, Place place, Subject subject, String seenIn) {
        String where = inCurrent(place);
        if (schema.getDescription() != null && !schema.getDescription().isUnchanged()) {
            compatible(subject.describe() + ": description edited", where, Side.CURRENT, seenIn);
        }
        if (schema.isChangeTitle()) {
            compatible(subject.describe() + ": title changed", where, Side.CURRENT, seenIn);
        }
        if ((schema.getExample() != null && !schema.getExample().isUnchanged())
                || (schema.getExamples() != null && !schema.getExamples().isUnchanged())) {
            compatible(subject.describe() + ": example changed", where, Side.CURRENT, seenIn);
        }
        if (schema.isChangeDefault()) {
            compatible(
                    subject.describe() + ": default changed from " + show(defaultOf(schema.getOldSchema())) + " to "
                            + show(defaultOf(schema.getNewSchema())),
                    where,
                    Side.CURRENT,
                    seenIn);
        }
        if (schema.isChangeDeprecated()) {
            boolean deprecated = schema.getNewSchema() != null
                    && Boolean.TRUE.equals(schema.getNewSchema().getDeprecated());
            compatible(
                    subject.describe() + (deprecated ? " is now deprecated" : " is no longer deprecated"),
                    where,
                    Side.CURRENT,
                    seenIn);
        }
    }

    private void alternatives(ChangedOneOfSchema oneOf, Place place, Subject subject, String seenIn) {
        if (oneOf == null) {
            return;
        }
        boolean request = subject.direction() == Direction.REQUEST;
        for (String name : oneOf.getMissing().keySet()) {
            String where = baseline.resolve(alternative(name, place).baselineStart(), List.of(), false);
            String what = subject.describe() + ": a oneOf alternative was removed";
            if (request) {
                log.add(
                        Severity.BREAKING,
                        what + "; clients that send it are refused",
                        where,
                        Side.BASELINE,
                        foundBy(),
                        seenIn);
            } else {
                compatible(what, where, Side.BASELINE, seenIn);
            }
        }
        for (String name : oneOf.getIncreased().keySet()) {
            String where = current.resolve(alternative(name, place).currentStart(), List.of(), false);
            String what = subject.describe() + ": new oneOf alternative";
            if (request) {
                compatible(what, where, Side.CURRENT, seenIn);
            } else {
                breaking(what + ", unknown to existing clients", where, seenIn);
            }
        }
        oneOf.getChanged().forEach((name, changed) -> {
            boolean named = InlineBranchNames.isGeneratedName(name);
            namedAlternativeDepth += named ? 1 : 0;
            try {
                read(changed, alternative(name, place), subject, seenIn);
            } finally {
                namedAlternativeDepth -= named ? 1 : 0;
            }
        });
    }

    private static Place alternative(String name, Place owner) {
        // openapi-diff keys named alternatives by component name; InlineBranchNames named ours.
        return name.startsWith("one-of-") ? owner : Place.component(name);
    }

    private String inCurrent(Place place) {
        return current.resolve(place.currentStart(), place.tokens(), true);
    }

    private void breaking(String what, String where, String seenIn) {
        log.add(Severity.BREAKING, what, where, Side.CURRENT, foundBy(), seenIn);
    }

    private void compatible(String what, String where, Side side, String seenIn) {
        log.add(Severity.COMPATIBLE, what, where, side, foundBy(), seenIn);
    }

    private String foundBy() {
        return namedAlternativeDepth > 0 ? LIBRARY_ON_NAMED_ALTERNATIVE : LIBRARY;
    }

    private static Severity severity(Changed change) {
        return change.isChanged() == DiffResult.INCOMPATIBLE ? Severity.BREAKING : Severity.COMPATIBLE;
    }

    /** A type in words: {@code integer (int32)}, {@code string}, {@code oneOf of 2 alternatives}. */
    static String type(Schema<?> schema) {
        if (schema == null) {
            return "nothing";
        }
        if (schema instanceof ComposedSchema composed && composed.getOneOf() != null) {
            return "oneOf of " + composed.getOneOf().size() + " alternatives";
        }
        if (schema instanceof ComposedSchema composed && composed.getAnyOf() != null) {
            return "anyOf of " + composed.getAnyOf().size() + " alternatives";
        }
        String type = schema.getType() == null ? "any type" : schema.getType();
        return schema.getFormat() == null ? type : type + " (" + schema.getFormat() + ")";
    }

    private static List<String> requiredOf(Schema<?> schema) {
        return schema == null || schema.getRequired() == null ? List.of() : schema.getRequired();
    }

    private static Object defaultOf(Schema<?> schema) {
        return schema == null ? null : schema.getDefault();
    }

    private static String values(Collection<?> values) {
        return values.stream().map(value -> "`" + value + "`").collect(Collectors.joining(", "));
    }

    private static String show(Object value) {
        return value == null
                ? "none"
                : "`" + (value instanceof BigDecimal number ? number.toPlainString() : value) + "`";
    }

    private static String range(BigDecimal min, Boolean minExclusive, BigDecimal max, Boolean maxExclusive) {
        List<String> bounds = new ArrayList<>();
        if (min != null) {
            bounds.add((Boolean.TRUE.equals(minExclusive) ? "> " : ">= ") + min.toPlainString());
        }
        if (max != null) {
            bounds.add((Boolean.TRUE.equals(maxExclusive) ? "< " : "<= ") + max.toPlainString());
        }
        return bounds.isEmpty() ? "unbounded" : "`" + String.join(" and ", bounds) + "`";
    }
}
