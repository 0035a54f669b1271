// Bearer tokens for sessions (and one-time links): random strings shown to the client
// once, stored only as a digest, compared in constant time. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace acogida {

// 32 random bytes from the operating system as unpadded base64url: 43 characters of
// [A-Za-z0-9_-], safe in URLs, cookies and headers.
std::string NewToken();

// Lower-case hex BLAKE2b-256 of `token` (64 characters). The database stores this rather
// than the token, so a copy of the database does not yield live sessions. Deterministic.
std::string TokenDigest(std::string_view token);

// True if `a` and `b` are equal. Takes time independent of where they differ (but not of
// their lengths), for comparing secrets and digests.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// A generated password to hand to a person once: 16 URL-safe characters (96 bits) that do not
// begin with '-' or '_', so it can be typed or pasted as a command-line argument.
std::string NewGeneratedPassword();

}  // namespace acogida
