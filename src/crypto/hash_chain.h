// Tamper evidence for the audit trail. Each row stores
//   hash = ChainHash(previous row's hash, CanonicalRecord({...the row's fields...}))
// so altering, removing, inserting or reordering any row changes every hash after it.
// The first row of a chain uses previous_hash = "" (the empty string, not 64 zeros).
// Pure functions; thread-safe.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace acogida {

// Lower-case hex BLAKE2b-256 (64 characters) over a length-prefixed encoding of
// `previous_hash` and `canonical_record`, so moving bytes between the two parts
// changes the result: ChainHash("ab", "c") != ChainHash("a", "bc").
std::string ChainHash(std::string_view previous_hash, std::string_view canonical_record);

// A deterministic, unambiguous encoding of named fields in the given order, one
// "<name length>:<name>=<value length>:<value>\n" per field (lengths in decimal bytes),
// e.g. {{"action", "read"}, {"record_id", "42"}} → "6:action=4:read\n9:record_id=2:42\n".
// Values may hold any bytes, separators included. Order matters: callers list fields
// in one fixed order.
std::string CanonicalRecord(std::initializer_list<std::pair<std::string_view, std::string_view>> fields);

}  // namespace acogida
