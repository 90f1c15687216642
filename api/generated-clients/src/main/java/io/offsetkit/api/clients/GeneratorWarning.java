package io.offsetkit.api.clients;

/**
 * One warning a generator logged while generating a client from the contract.
 *
 * @param generator the generator that logged it
 * @param message the message, with the paths of this run (contract, output directory) replaced by
 *     {@code <contract>} and {@code <output>}, so that it reads the same on every machine
 */
public record GeneratorWarning(ClientGenerator generator, String message) {

    /** The warning as the accepted list spells it: {@code generator: message}. */
    @Override
    public String toString() {
        return generator.generatorName() + ": " + message;
    }
}
