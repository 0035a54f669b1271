// Random tokens, token digests and constant-time comparison over libsodium.
#include "crypto/tokens.h"

#include <sodium.h>

#include "crypto/sodium_init.h"

namespace acogida {

std::string NewToken() {
  crypto_internal::EnsureSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char text[sodium_base64_ENCODED_LEN(sizeof bytes, kVariant)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, kVariant);
  sodium_memzero(bytes, sizeof bytes);
  std::string token(text);
  sodium_memzero(text, sizeof text);
  return token;
}

std::string TokenDigest(std::string_view token) {
  crypto_internal::EnsureSodium();
  unsigned char digest[crypto_generichash_BYTES];  // 32 bytes: BLAKE2b-256
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  crypto_internal::EnsureSodium();
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string NewGeneratedPassword() {
  while (true) {
    std::string password = NewToken().substr(0, 16);
    if (password.front() != '-' && password.front() != '_') return password;
  }
}

}  // namespace acogida
