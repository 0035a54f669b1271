// One-time libsodium initialisation.
#include "crypto/sodium_init.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace acogida::crypto_internal {

void EnsureSodium() {
  // A function-local static is initialised exactly once, even with concurrent callers.
  static const bool initialised = [] {
    if (sodium_init() < 0) {
      std::fputs("acogida: libsodium failed to initialise; refusing to continue\n", stderr);
      std::abort();
    }
    return true;
  }();
  (void)initialised;
}

}  // namespace acogida::crypto_internal
