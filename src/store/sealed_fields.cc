// Sealing and opening of sensitive person fields.
#include "store/sealed_fields.h"

#include "crypto/field_cipher.h"

namespace acogida {
namespace {

std::string AssociatedData(std::string_view column, int64_t person_id) {
  return "person." + std::string(column) + "." + std::to_string(person_id);
}

}  // namespace

StatusOr<std::string> SealPersonField(const KeyRing& keys, std::string_view column, int64_t person_id,
                                      std::string_view plaintext) {
  if (plaintext.empty()) return std::string();
  return SealField(keys, plaintext, AssociatedData(column, person_id));
}

StatusOr<std::string> OpenPersonField(const KeyRing& keys, std::string_view column, int64_t person_id,
                                      std::string_view sealed) {
  if (sealed.empty()) return std::string();
  return OpenField(keys, sealed, AssociatedData(column, person_id));
}

}  // namespace acogida
