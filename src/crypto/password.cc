// Argon2id password hashing (libsodium crypto_pwhash) and the password policy.
#include "crypto/password.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "crypto/sodium_init.h"

namespace acogida {
namespace {

constexpr std::string_view kArgon2idPrefix = "$argon2id$";

struct Limits {
  unsigned long long opslimit;
  size_t memlimit;
};

Limits LimitsFor(PasswordCost cost) {
  switch (cost) {
    case PasswordCost::kInteractive:
      return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
    case PasswordCost::kModerate:
      return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
  }
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

// An empty string_view may hold a null pointer; libsodium wants a real one.
const char* NonNull(std::string_view text) { return text.data() != nullptr ? text.data() : ""; }

// libsodium reads stored hashes as C strings of at most crypto_pwhash_STRBYTES - 1
// characters; anything else cannot be a hash we wrote.
bool PlausibleHash(std::string_view stored_hash) {
  return !stored_hash.empty() && stored_hash.size() < crypto_pwhash_STRBYTES &&
         stored_hash.find('\0') == std::string_view::npos;
}

// Passwords people pick first, compared after FoldCase. Only the ones long enough to
// pass the length rule matter; the repeated-character rule covers "111111111111".
constexpr std::array<std::string_view, 20> kCommonPasswords = {
    "password1234", "password12345", "123456789012", "1234567890123", "qwertyuiopas",
    "qwerty123456", "asdfghjkl123", "abcdefghijkl", "abc123456789", "iloveyou1234",
    "contraseña123", "contrasena123", "contraseña1234", "contrasena1234", "acogida12345",
    "acogida123456", "bienvenido123", "administrador", "mexico123456", "tijuana12345",
};

// Lower-cases ASCII and the Latin-1 capitals (Ñ, Á, É, ...) so "CONTRASEÑA123" matches.
std::string FoldCase(std::string_view text) {
  std::string out(text);
  for (size_t byte_idx = 0; byte_idx < out.size(); ++byte_idx) {
    unsigned char byte = static_cast<unsigned char>(out[byte_idx]);
    if (byte >= 'A' && byte <= 'Z') {
      out[byte_idx] = static_cast<char>(byte - 'A' + 'a');
    } else if (byte == 0xC3 && byte_idx + 1 < out.size()) {
      unsigned char next = static_cast<unsigned char>(out[byte_idx + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[byte_idx + 1] = static_cast<char>(next + 0x20);
      ++byte_idx;
    }
  }
  return out;
}

// Splits valid UTF-8 into code points; false on malformed, overlong or surrogate input.
bool DecodeUtf8(std::string_view text, std::vector<uint32_t>* code_points) {
  size_t byte_idx = 0;
  while (byte_idx < text.size()) {
    unsigned char lead = static_cast<unsigned char>(text[byte_idx]);
    size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || byte_idx + length > text.size()) return false;
    uint32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t cont_idx = 1; cont_idx < length; ++cont_idx) {
      unsigned char cont = static_cast<unsigned char>(text[byte_idx + cont_idx]);
      if ((cont & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (cont & 0x3F);
    }
    static constexpr uint32_t kSmallestOfLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < kSmallestOfLength[length] || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return false;
    }
    code_points->push_back(code_point);
    byte_idx += length;
  }
  return true;
}

}  // namespace

StatusOr<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  crypto_internal::EnsureSodium();
  const Limits limits = LimitsFor(cost);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, NonNull(password), password.size(), limits.opslimit, limits.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status(StatusCode::kResourceExhausted, "not enough memory to hash the password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password) {
  crypto_internal::EnsureSodium();
  if (!PlausibleHash(stored_hash)) return false;
  const std::string terminated(stored_hash);
  return crypto_pwhash_str_verify(terminated.c_str(), NonNull(password), password.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view stored_hash, PasswordCost cost) {
  crypto_internal::EnsureSodium();
  if (!PlausibleHash(stored_hash) || !stored_hash.starts_with(kArgon2idPrefix)) return true;
  const Limits limits = LimitsFor(cost);
  const std::string terminated(stored_hash);
  // 0: same parameters; 1: different; -1: unreadable.
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), limits.opslimit, limits.memlimit) != 0;
}

Status CheckPasswordPolicy(std::string_view password, std::string_view username) {
  if (password.size() > kMaxPasswordBytes) {
    return InvalidArgument("password", "must be at most 256 bytes long");
  }
  std::vector<uint32_t> code_points;
  if (!DecodeUtf8(password, &code_points)) {
    return InvalidArgument("password", "must be valid UTF-8 text");
  }
  if (code_points.size() < kMinPasswordCharacters) {
    return InvalidArgument("password", "must be at least 12 characters long");
  }
  if (std::all_of(code_points.begin(), code_points.end(),
                  [&](uint32_t code_point) { return code_point == code_points.front(); })) {
    return InvalidArgument("password", "must not be a single character repeated");
  }
  const std::string folded = FoldCase(password);
  if (!username.empty() && folded.find(FoldCase(username)) != std::string::npos) {
    return InvalidArgument("password", "must not contain the username");
  }
  if (std::find(kCommonPasswords.begin(), kCommonPasswords.end(), folded) != kCommonPasswords.end()) {
    return InvalidArgument("password", "is one of the most common passwords; choose another");
  }
  return OkStatus();
}

}  // namespace acogida
