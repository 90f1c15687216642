package io.offsetkit.server.engine;

import io.offsetkit.server.admin.AdminApi;
import io.offsetkit.server.ops.Pages;

/** The server's own pages, outside the contract, each with its route (all {@code GET}). */
enum Page {
    CONTRACT(Pages.CONTRACT),
    ADMIN_CONTRACT(AdminApi.OPENAPI),
    SWAGGER_UI("/swagger-ui"),
    SWAGGER_UI_SLASH("/swagger-ui/"),
    SWAGGER_UI_FILE("/swagger-ui/{file}"),
    WEBJAR_FILE("/webjars/swagger-ui/{file}"),
    HEALTH("/health"),
    METRICS("/metrics");

    private final String pathTemplate;

    Page(String pathTemplate) {
        this.pathTemplate = pathTemplate;
    }

    String pathTemplate() {
        return pathTemplate;
    }
}
