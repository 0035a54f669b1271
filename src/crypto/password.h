// Password storage and the password policy. Hashes are Argon2id in libsodium's
// self-describing string form ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"), so the
// parameters travel with each hash and can be raised later (PasswordNeedsRehash).
// Thread-safe: no shared state.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace acogida {

// Argon2id work factors, libsodium's named limits.
enum class PasswordCost {
  kInteractive,  // OPSLIMIT/MEMLIMIT_INTERACTIVE: 2 passes, 64 MiB; for logins
  kModerate,     // OPSLIMIT/MEMLIMIT_MODERATE: 3 passes, 256 MiB
};

// Hashes `password` with Argon2id and a fresh random salt. Two calls with the same
// password give different strings. Returns ResourceExhausted if the memory for the
// hash cannot be allocated. Does not apply the policy; call CheckPasswordPolicy first.
StatusOr<std::string> HashPassword(std::string_view password,
                                   PasswordCost cost = PasswordCost::kInteractive);

// True if `password` matches `stored_hash` (a string from HashPassword). False on a
// wrong password and on any malformed, truncated or empty hash. Takes as long as one
// hash with the stored parameters.
bool VerifyPassword(std::string_view stored_hash, std::string_view password);

// True if `stored_hash` was not made by Argon2id with exactly the parameters of `cost`
// (weaker or stronger), or cannot be read; the caller re-hashes after a successful
// VerifyPassword.
bool PasswordNeedsRehash(std::string_view stored_hash, PasswordCost cost);

// Checks a new password: valid UTF-8, at least 12 characters (code points), at most
// 256 bytes, not one character repeated, not containing `username` (ignoring case),
// and not one of the most common passwords. Returns OK, or InvalidArgument with field
// "password" and a reason in plain English. Never puts the password in the message.
Status CheckPasswordPolicy(std::string_view password, std::string_view username);

inline constexpr size_t kMinPasswordCharacters = 12;
inline constexpr size_t kMaxPasswordBytes = 256;

}  // namespace acogida
