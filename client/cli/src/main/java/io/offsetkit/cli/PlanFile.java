package io.offsetkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A plan as a JSON file ({@code --export}, {@code --from-plan}): the {@link Plan} record in
 * snake_case, with {@code "format": "offsetkit-reset-plan/1"} first, so that any other JSON is told
 * apart, and the project and instance it was read from, so that it applies there only.
 */
final class PlanFile {

    private PlanFile() {}

    /** Writes {@code plan} to {@code file}, replacing it. */
    static void write(Plan plan, Path file) {
        try {
            Files.writeString(
                    file,
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plan) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(
                    "--export", file + " cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The plan in {@code file}, checked to be one, and for this project and instance.
     *
     * @throws BadInputException naming {@code --from-plan} when it is not
     */
    static Plan read(Path file, String projectId, String instanceId) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(
                    "--from-plan", file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Plan plan;
        try {
            JsonNode tree = Json.MAPPER.readTree(text);
            if (tree == null
                    || !tree.isObject()
                    || !Plan.FORMAT.equals(tree.path("format").asString(""))) {
                throw notAPlan(file, "it has no \"format\": \"" + Plan.FORMAT + "\"");
            }
            plan = Json.MAPPER.treeToValue(tree, Plan.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw notAPlan(file, "it does not read as one");
        }
        if (plan.entries().isEmpty() || plan.instanceId() == null || plan.projectId() == null) {
            throw notAPlan(file, "it names no instance, project or group");
        }
        if (!plan.instanceId().equals(instanceId) || !plan.projectId().equals(projectId)) {
            throw new BadInputException(
                    "--from-plan",
                    file + " is a plan for instance " + plan.instanceId() + " of project " + plan.projectId()
                            + ", not for instance " + instanceId + " of project " + projectId);
        }
        return plan;
    }

    private static BadInputException notAPlan(Path file, String why) {
        return new BadInputException("--from-plan", file + " is not an offsetkit plan: " + why);
    }
}
