package io.offsetkit.server.emulator;

import io.offsetkit.server.admin.AdminApi;
import io.offsetkit.server.error.DmsException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fixture's way to the store: the admin API's typed operations over the emulator's store of the
 * moment (a reset replaces it), each refusal turned into an {@link EmulatorFixtureException} with the
 * admin API's code and words.
 */
final class FixtureCalls {

    private final Supplier<AdminApi> admin;

    FixtureCalls(Supplier<AdminApi> admin) {
        this.admin = admin;
    }

    <T> T call(Function<AdminApi, T> operation) {
        try {
            return operation.apply(admin.get());
        } catch (DmsException e) {
            throw new EmulatorFixtureException(e.error().code(), e.getMessage(), e);
        }
    }
}
