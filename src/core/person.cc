// Names of the Person enums and the display name.
#include "core/person.h"

#include "core/enum_names.h"

namespace acogida {
namespace {

constexpr std::string_view kRelationshipNames[] = {"head",       "spouse",         "child",       "parent",
                                                   "sibling",    "grandchild",     "other_relative", "non_relative"};

}  // namespace

std::string_view SexCode(Sex sex) {
  switch (sex) {
    case Sex::kFemale: return "F";
    case Sex::kMale: return "M";
    case Sex::kOther: return "X";
    case Sex::kUnknown: return "";
  }
  return "";
}

std::optional<Sex> ParseSex(std::string_view code) {
  if (code.empty()) return Sex::kUnknown;
  if (code == "F") return Sex::kFemale;
  if (code == "M") return Sex::kMale;
  if (code == "X") return Sex::kOther;
  return std::nullopt;
}

std::string_view RelationshipName(Relationship relationship) {
  return kRelationshipNames[static_cast<int>(relationship)];
}

std::optional<Relationship> ParseRelationship(std::string_view name) {
  return ParseEnumName<Relationship>(kRelationshipNames, name);
}

std::string Person::FullName() const {
  std::string out = given_names;
  for (const std::string* part : {&paternal_surname, &maternal_surname}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

}  // namespace acogida
