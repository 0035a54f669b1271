// Sensitive person fields (phone, notes) are stored sealed with the organisation's key ring
// (crypto/field_cipher.h), bound to their table, column and row: "person.phone.42". Empty
// values stay empty (nothing recorded). Shared by the backends.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "crypto/key_ring.h"

namespace acogida {

StatusOr<std::string> SealPersonField(const KeyRing& keys, std::string_view column, int64_t person_id,
                                      std::string_view plaintext);
StatusOr<std::string> OpenPersonField(const KeyRing& keys, std::string_view column, int64_t person_id,
                                      std::string_view sealed);

}  // namespace acogida
