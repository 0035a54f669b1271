// CURP-aware comparison. Two CURPs that are equal and valid are near-certain evidence;
// one slipped or swapped character is still strong evidence, and two different CURPs
// (twins have their own) strong evidence against. When only one record has a CURP, its
// four name letters are compared with the other record's names. The CURP's birth date,
// read even from a mistyped CURP, completes a record's partial or missing date
// (CompleteBirthDate; the date comparison uses it), so that it is compared once, as a date.
// Pure; thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "linkage/date_compare.h"

namespace acogida::linkage {

// A short string held inline (no heap): a million records keep their CURP facts compactly.
template <size_t N>
class ShortText {
 public:
  ShortText() = default;
  // Keeps the first N bytes of `text`.
  explicit ShortText(std::string_view text) : size_(static_cast<uint8_t>(std::min(text.size(), N))) {
    std::memcpy(data_, text.data(), size_);
  }
  std::string_view view() const { return std::string_view(data_, size_); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  char operator[](size_t idx) const { return data_[idx]; }
  bool operator==(const ShortText& other) const { return view() == other.view(); }

 private:
  char data_[N] = {};
  uint8_t size_ = 0;
};

// What one record holds that the CURP comparison needs.
struct CurpFacts {
  ShortText<24> curp;          // upper case, spaces removed (longer text is cut); empty when none
  bool valid = false;          // format, date, state and check digit as core/curp.h checks them
  // Read from the CURP, leniently (a mistyped CURP still gives its other parts).
  ShortText<4> curp_initials;  // 4 letters, or empty when unreadable
  LooseDate curp_date;
  char curp_sex = 0;           // 'H', 'M', 'X' or 0
  ShortText<2> curp_state;     // 2-letter CURP state code ("MN", "NE"), or empty
  // The record's own names, in CURP terms.
  ShortText<4> record_initials;  // as RENAPO would code the record's names ('?' where unknown)
};

// The four letters RENAPO would code for these names: paternal initial and first inner
// vowel, maternal initial (X when none), and the initial of the first given name that is
// not a leading María or José; '?' where a name is missing (or is a lone María or José,
// which may stand for a compound name whose second part the CURP codes).
std::string NameInitials(std::string_view given_names, std::string_view paternal_surname,
                         std::string_view maternal_surname);

// Builds the facts of one record; `name_initials` as NameInitials gives them. Either may
// be empty.
CurpFacts MakeCurpFacts(std::string_view curp, std::string_view name_initials);

enum class CurpLevel {
  kExact,           // both have it, equal and valid
  kOneSlip,         // both have it, equal but invalid, or one character wrong, missing or swapped
  kDifferent,       // both have one, they differ in more than one character, and one is invalid
  kInitialsAgree,   // one CURP: its four name letters agree with the other record's names
  kInitialsDiffer,  // one CURP: they do not (a twin's CURP against the other twin, or a nickname)
  kBothValidDifferent,  // two valid CURPs, different: RENAPO gives namesakes their own homoclave
  kUnknown,         // nothing to compare
};

// The birth date the CURP gives, when it is readable and a real date.
std::optional<LooseDate> CurpBirthDate(const CurpFacts& facts);

// `recorded`, completed from the CURP's date when the record knows less (unknown, or only
// the year or month, consistent with the CURP). A full recorded date is kept as it is.
LooseDate CompleteBirthDate(const LooseDate& recorded, std::string_view curp);

// Symmetric in its arguments.
CurpLevel CompareCurps(const CurpFacts& a, const CurpFacts& b);

}  // namespace acogida::linkage
