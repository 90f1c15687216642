package io.offsetkit.conformance.run;

import java.time.Instant;

/**
 * What every report names: which contract, which kit, which target, when.
 *
 * @param specTitle the contract's {@code info.title}
 * @param specVersion the contract's {@code info.version}
 * @param specSha256 the SHA-256 of the contract's bytes
 * @param kitVersion this kit's version
 * @param target the target, described in one line
 * @param fixture the fixture's name, or "none"
 * @param credentials the kind of credentials used: none, token or AK/SK (never the secrets)
 * @param started when the run started
 * @param finished when it finished
 * @param seed the seed of the run's random choices; {@code --seed} with it replays them
 * @param selection which rules the run checks: {@code every rule}, or the include and exclude patterns
 */
public record RunInfo(
        String specTitle,
        String specVersion,
        String specSha256,
        String kitVersion,
        String target,
        String fixture,
        String credentials,
        Instant started,
        Instant finished,
        long seed,
        String selection) {}
