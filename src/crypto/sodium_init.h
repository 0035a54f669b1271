// EnsureSodium() initialises libsodium once per process before any other sodium call.
// Internal to src/crypto; every public entry point of the library calls it first.
// Thread-safe: the first caller initialises, concurrent callers wait for it.
#pragma once

namespace acogida::crypto_internal {

// Calls sodium_init() the first time. If libsodium cannot initialise (no usable source
// of randomness), the process aborts with a message: nothing in Acogida is safe to run
// without cryptographic randomness, so there is no error value to hand back.
void EnsureSodium();

}  // namespace acogida::crypto_internal
