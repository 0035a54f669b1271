// Person and Household: who arrived, as registered at intake. A Person's names are kept
// as typed (with accents) for display; normalised forms for search and linkage are
// derived in core/names.h. Plain value types; no validation here (see core/validate.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/birth_date.h"

namespace acogida {

enum class Sex { kUnknown, kFemale, kMale, kOther };
// "F", "M", "X", or "" for unknown.
std::string_view SexCode(Sex sex);
std::optional<Sex> ParseSex(std::string_view code);

// How a member relates to the household's head.
enum class Relationship { kHead, kSpouse, kChild, kParent, kSibling, kGrandchild, kOtherRelative, kNonRelative };
std::string_view RelationshipName(Relationship relationship);  // "head", "spouse", ...
std::optional<Relationship> ParseRelationship(std::string_view name);

// What the person agreed to, recorded at intake and withdrawable at any time. Receiving help
// does not depend on sharing: each consent is separate.
struct Consents {
  bool services = false;        // to be registered and receive services (required at intake)
  bool family_tracing = false;  // to be found by relatives searching through the network
  std::vector<std::string> share_with;  // partner organisations their record may be shared with

  bool operator==(const Consents&) const = default;
};

struct Person {
  int64_t id = 0;
  int64_t household_id = 0;
  std::string given_names;       // "María Guadalupe"
  std::string paternal_surname;  // "Hernández"
  std::string maternal_surname;  // "López"; often missing
  Sex sex = Sex::kUnknown;
  BirthDate birth_date;
  std::string birth_state;         // INEGI state code "01".."32", "" unknown
  std::string birth_municipality;  // INEGI municipality code "001".."570", "" unknown
  std::string curp;                // 18 characters, upper case, "" unknown
  std::vector<std::string> languages;  // ISO 639-3 codes: "spa", "eng", "nah", "zap", "mix", ...
  std::string phone;               // E.164 "+52..." or "" (sensitive: encrypted at rest)
  std::string notes;               // free text from intake (sensitive: encrypted at rest)
  Consents consents;
  Relationship relationship = Relationship::kHead;
  int64_t version = 1;             // optimistic-concurrency version
  std::string created_at;          // ISO 8601 UTC
  std::string anonymised_at;       // set by the retention job; "" while the record is whole

  // "María Guadalupe Hernández López".
  std::string FullName() const;
};

struct Household {
  int64_t id = 0;
  int64_t site_id = 0;  // where the household was registered
  std::vector<Person> members;
  std::string created_at;
};

}  // namespace acogida
