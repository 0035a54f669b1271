// Sensitive person fields (phone, notes) are stored sealed with the organisation's key ring
// (crypto/field_cipher.h), bound to their table, column and row: "person.phone.42". Empty
// values stay empty (nothing recorded). Shared by the backends. The Bound variants do the same
// for any sealed column, bound to "<table>.<column>.<bound id>", where the bound id is the
// row the column's writer names: its own id (person.phone, legal_note.body) or another
// column's (legal_screening.a_number and legal_contact.contact: the person's id).
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

StatusOr<std::string> SealBoundField(const KeyRing& keys, std::string_view table, std::string_view column,
                                     int64_t bound_id, std::string_view plaintext);
StatusOr<std::string> OpenBoundField(const KeyRing& keys, std::string_view table, std::string_view column,
                                     int64_t bound_id, std::string_view sealed);

}  // namespace acogida
