/**
 * The offsetkit conformance kit: rules derived from the vendor's documentation and the contract,
 * checked against any implementation of the reset-consumer-offset API. The contract and its schemas
 * come from the api jar ({@link io.offsetkit.api.ContractSchemas}).
 */
package io.offsetkit.conformance;
