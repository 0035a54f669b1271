// Sealing and opening of sensitive fields: person columns, and any column bound to a row id.
#include "store/sealed_fields.h"

#include "crypto/field_cipher.h"

namespace acogida {
namespace {

std::string AssociatedData(std::string_view column, int64_t person_id) {
  return "person." + std::string(column) + "." + std::to_string(person_id);
}

std::string BoundData(std::string_view table, std::string_view column, int64_t bound_id) {
  return std::string(table) + "." + std::string(column) + "." + std::to_string(bound_id);
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

StatusOr<std::string> SealBoundField(const KeyRing& keys, std::string_view table, std::string_view column,
                                     int64_t bound_id, std::string_view plaintext) {
  if (plaintext.empty()) return std::string();
  return SealField(keys, plaintext, BoundData(table, column, bound_id));
}

StatusOr<std::string> OpenBoundField(const KeyRing& keys, std::string_view table, std::string_view column,
                                     int64_t bound_id, std::string_view sealed) {
  if (sealed.empty()) return std::string();
  return OpenField(keys, sealed, BoundData(table, column, bound_id));
}

}  // namespace acogida
