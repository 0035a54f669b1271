// Authenticated encryption of single field values (phone numbers, notes, ...) with
// XChaCha20-Poly1305 under a KeyRing's keys. A sealed value is text:
//   v1.<key id>.<base64url without padding of (24-byte random nonce || ciphertext+tag)>
// The associated data names where the value belongs ("person.phone.42": table, column,
// row id); it is authenticated, not stored, so a value copied to another row or column
// does not open. Thread-safe for concurrent use of one const KeyRing.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "crypto/key_ring.h"

namespace acogida {

// Encrypts `plaintext` (which may be empty) under the ring's current key with a fresh
// random nonce, so sealing the same text twice gives different values.
StatusOr<std::string> SealField(const KeyRing& ring, std::string_view plaintext,
                                std::string_view associated_data);

// Decrypts a value from SealField given the same associated data. Returns
// FailedPrecondition ("unknown key id k3") if the ring lacks the value's key, and
// Internal ("cannot decrypt ...") if the value is malformed or was altered, or the
// associated data differs. Messages never contain plaintext or key material.
StatusOr<std::string> OpenField(const KeyRing& ring, std::string_view sealed,
                                std::string_view associated_data);

// The key id a sealed value was made with ("k1" for "v1.k1.…"), or "" if `sealed` is
// not a v1 sealed value. For rotation: finding values still under an old key.
std::string_view SealedKeyId(std::string_view sealed);

}  // namespace acogida
