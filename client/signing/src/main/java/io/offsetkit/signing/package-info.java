/**
 * The {@code SDK-HMAC-SHA256} AK/SK signature of the official Huawei Cloud SDKs, on the JDK alone:
 * {@link io.offsetkit.signing.SdkHmacSha256} (the canonicalisation and the HMAC), {@link
 * io.offsetkit.signing.SdkAuthorization} (the {@code Authorization} header), {@link
 * io.offsetkit.signing.SdkDate} (the {@code X-Sdk-Date} header) and {@link
 * io.offsetkit.signing.SdkSigner} (an AK/SK pair that signs a request). The offsetkit client signs
 * with it, the reference server verifies with it and the conformance kit signs with it, so the three
 * cannot drift apart.
 */
package io.offsetkit.signing;
