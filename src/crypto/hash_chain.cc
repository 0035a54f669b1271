// BLAKE2b-256 hash chain and canonical record encoding for the audit trail.
#include "crypto/hash_chain.h"

#include <sodium.h>

#include <cstdint>

#include "crypto/sodium_init.h"

namespace acogida {
namespace {

// Separates this use of BLAKE2b from any other hash of the same bytes.
constexpr std::string_view kDomain = "acogida audit chain v1";

void UpdateWithLengthPrefix(crypto_generichash_state* state, std::string_view part) {
  uint64_t length = part.size();
  unsigned char length_le[8];
  for (int byte_idx = 0; byte_idx < 8; ++byte_idx) {
    length_le[byte_idx] = static_cast<unsigned char>(length >> (8 * byte_idx));
  }
  crypto_generichash_update(state, length_le, sizeof length_le);
  crypto_generichash_update(state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
}

}  // namespace

std::string ChainHash(std::string_view previous_hash, std::string_view canonical_record) {
  crypto_internal::EnsureSodium();
  crypto_generichash_state state;
  unsigned char digest[crypto_generichash_BYTES];  // 32 bytes
  crypto_generichash_init(&state, nullptr, 0, sizeof digest);
  UpdateWithLengthPrefix(&state, kDomain);
  UpdateWithLengthPrefix(&state, previous_hash);
  UpdateWithLengthPrefix(&state, canonical_record);
  crypto_generichash_final(&state, digest, sizeof digest);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

std::string CanonicalRecord(std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    out.append(std::to_string(name.size())).append(":").append(name);
    out.append("=").append(std::to_string(value.size())).append(":").append(value);
    out.append("\n");
  }
  return out;
}

}  // namespace acogida
