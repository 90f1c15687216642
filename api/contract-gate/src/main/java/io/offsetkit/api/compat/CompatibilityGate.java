package io.offsetkit.api.compat;

import io.offsetkit.api.compat.ContractChange.Severity;
import io.offsetkit.api.compat.ContractChange.Side;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.BackwardIncompatibleProp;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.DiffResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's breaking-change gate: compares a contract with its released baseline and says
 * whether it may be released.
 *
 * <p>openapi-diff finds the differences; {@link LibraryDiffReader} names each one and locates it
 * with a JSON pointer. Where the library falls short, our own code steps in: {@link
 * InlineBranchNames} (inline oneOf alternatives), {@link SecurityRequirementsCheck} (security by
 * scheme name), {@link ComponentSchemasCheck} (renamed schemas rename generated classes) and
 * {@link SchemaChangeReader}'s rule on removed optional response fields.
 *
 * <p>Three of the library's checks that are off by default are turned on, because each breaks
 * generated clients or the servers they talk to: a request's {@code minLength} raised, a response's
 * numeric range widened, an {@code operationId} changed.
 */
public final class CompatibilityGate {

    static final String SAFETY_NET = "openapi-diff's overall verdict";

    private static final List<BackwardIncompatibleProp> TURNED_ON = List.of(
            BackwardIncompatibleProp.REQUEST_MIN_LENGTH_INCREASED,
            BackwardIncompatibleProp.RESPONSE_NUMERIC_RANGE_INCREASED,
            BackwardIncompatibleProp.OPERATION_ID_CHANGED);

    private CompatibilityGate() {}

    /**
     * Compares {@code current} with {@code baseline}; never throws for a bad document: a document
     * that is not OpenAPI, or a comparison the library cannot make, is reported as {@linkplain
     * GateResult#compared() not compared}.
     */
    public static GateResult compare(ContractDocument baseline, ContractDocument current) {
        List<String> problems = new ArrayList<>(versionProblems(baseline, current));
        List<String> notCompared = new ArrayList<>();
        ChangeLog log = new ChangeLog();
        try {
            InlineBranchNames oldNames = named(baseline, notCompared);
            InlineBranchNames newNames = named(current, notCompared);
            OpenAPI oldModel = oldNames == null ? null : read(baseline, oldNames, notCompared);
            OpenAPI newModel = newNames == null ? null : read(current, newNames, notCompared);
            if (oldModel != null && newModel != null) {
                diff(baseline, current, oldModel, newModel, oldNames, newNames, log);
            }
        } catch (RuntimeException failure) {
            // A document shaped in a way the parser, openapi-diff or a check of ours did not expect:
            // the gate cannot say whether it is compatible, so it says why instead of throwing.
            notCompared.add("the documents could not be compared: " + failure);
        }
        return new GateResult(
                GateResult.Identity.of(baseline),
                GateResult.Identity.of(current),
                notCompared.isEmpty() ? log.changes() : List.of(),
                problems,
                notCompared);
    }

    private static void diff(
            ContractDocument baseline,
            ContractDocument current,
            OpenAPI oldModel,
            OpenAPI newModel,
            InlineBranchNames oldNames,
            InlineBranchNames newNames,
            ChangeLog log) {
        ChangedOpenApi diff = OpenApiCompare.fromSpecifications(oldModel, newModel, options());
        new LibraryDiffReader(new DocumentPointers(newNames), new DocumentPointers(oldNames), current.tree(), log)
                .read(diff);
        new SecurityRequirementsCheck(baseline.tree(), current.tree(), log).run();
        ComponentSchemasCheck.run(baseline.tree(), current.tree(), log);
        if (!log.hasBreaking() && !log.hasOverruled() && incompatibleBesidesSecurity(diff)) {
            // Never let the library's "incompatible" pass because no rule above could word it (a change
            // an own rule rated compatible, a bound the schema already implied, words it).
            log.add(
                    Severity.BREAKING,
                    "openapi-diff rates the change incompatible, but none of the gate's rules names it;"
                            + " compare the two documents by hand",
                    "",
                    Side.CURRENT,
                    SAFETY_NET,
                    null);
        }
    }

    /** The document with its inline alternatives named, or null (and the reason kept) when it is malformed. */
    private static InlineBranchNames named(ContractDocument document, List<String> notCompared) {
        try {
            return InlineBranchNames.of(document.tree());
        } catch (IllegalArgumentException malformed) {
            notCompared.add(document.name() + " cannot be read as OpenAPI: " + malformed.getMessage());
            return null;
        }
    }

    /**
     * The library's verdict without its security findings, which {@link SecurityRequirementsCheck}
     * replaces: pairing requirements by scheme type, the library rates merely reordered
     * alternatives ({@code [aksk, token]} for {@code [token, aksk]}) incompatible.
     */
    private static boolean incompatibleBesidesSecurity(ChangedOpenApi diff) {
        if (!diff.getMissingEndpoints().isEmpty() || isIncompatible(diff.getChangedExtensions())) {
            return true;
        }
        for (ChangedOperation operation : diff.getChangedOperations()) {
            if (operation.isCoreChanged() == DiffResult.INCOMPATIBLE) {
                return true;
            }
            for (Changed element : operation.getChangedElements()) {
                if (element != operation.getSecurityRequirements() && isIncompatible(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIncompatible(Changed changed) {
        return changed != null && changed.isChanged() == DiffResult.INCOMPATIBLE;
    }

    private static List<String> versionProblems(ContractDocument baseline, ContractDocument current) {
        List<String> problems = new ArrayList<>();
        SemanticVersion before = version("the baseline " + baseline.name(), baseline, problems);
        SemanticVersion after = version(current.name(), current, problems);
        if (before != null && after != null && after.compareTo(before) < 0) {
            problems.add("info.version " + after + " of " + current.name() + " is lower than the baseline's " + before
                    + " (" + baseline.name() + "); a contract version never goes back. Were the two documents"
                    + " given the wrong way round? The baseline (the released document, OLD) comes first, the"
                    + " new document (NEW) second");
        }
        return problems;
    }

    private static SemanticVersion version(String what, ContractDocument document, List<String> problems) {
        try {
            return SemanticVersion.parse(document.version());
        } catch (IllegalArgumentException e) {
            problems.add("info.version of " + what + ": " + e.getMessage());
            return null;
        }
    }

    private static OpenAPI read(ContractDocument document, InlineBranchNames names, List<String> notCompared) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        String json = JsonMapper.shared().writeValueAsString(names.document());
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        if (result.getOpenAPI() == null) {
            notCompared.add(document.name() + " cannot be read as OpenAPI: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    private static OpenApiDiffOptions options() {
        OpenApiDiffOptions.Builder builder = OpenApiDiffOptions.builder();
        TURNED_ON.forEach(check -> builder.configProperty(check.getPropertyName(), "true"));
        return builder.build();
    }
}
