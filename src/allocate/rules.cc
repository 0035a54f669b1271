// Section rules (see rules.h).
#include "allocate/rules.h"

namespace acogida::allocate {

GroupKind KindOf(const Composition& people) {
  if (people.unaccompanied_minors > 0) return GroupKind::kUnaccompaniedMinors;
  if (people.children > 0 || (people.adult_men > 0 && people.adult_women > 0)) return GroupKind::kFamily;
  if (people.adult_women > 0) return GroupKind::kWomen;
  return GroupKind::kMen;
}

const char* GroupKindName(GroupKind kind) {
  switch (kind) {
    case GroupKind::kMen: return "men";
    case GroupKind::kWomen: return "women";
    case GroupKind::kFamily: return "family";
    case GroupKind::kUnaccompaniedMinors: return "unaccompanied minors";
  }
  return "?";
}

namespace {
bool NeedsMedical(const Needs& needs) { return needs.medical || needs.pregnancy; }
}  // namespace

bool Eligible(const Group& group, const Section& section) {
  const Needs& needs = group.needs;
  const GroupKind kind = KindOf(group.composition);
  if (needs.wheelchair && !section.accessible) return false;
  if (NeedsMedical(needs) && !section.medical) return false;
  if (needs.lgbtq_safety && !section.lgbtq_safe && section.kind != SectionKind::kLgbtq) return false;
  // Minors without an adult: only where authorised, and never in an adults' section.
  if (kind == GroupKind::kUnaccompaniedMinors) {
    if (!section.minors_authorised) return false;
    return section.kind == SectionKind::kMinors || (section.kind == SectionKind::kMedical && NeedsMedical(needs));
  }
  switch (section.kind) {
    case SectionKind::kMen: return kind == GroupKind::kMen;
    case SectionKind::kWomen: return kind == GroupKind::kWomen;
    case SectionKind::kFamilies: return kind == GroupKind::kFamily || kind == GroupKind::kWomen;
    case SectionKind::kMinors: return false;
    case SectionKind::kLgbtq: return needs.lgbtq_safety;
    case SectionKind::kMedical: return NeedsMedical(needs);
  }
  return false;
}

int RuleKey(const Group& group) {
  const Needs& needs = group.needs;
  return static_cast<int>(KindOf(group.composition)) | (needs.wheelchair ? 4 : 0) | (NeedsMedical(needs) ? 8 : 0) |
         (needs.lgbtq_safety ? 16 : 0);
}

std::string NeedsText(const Group& group) {
  std::string text;
  auto add = [&text](const char* need) {
    if (!text.empty()) text += ", ";
    text += need;
  };
  if (group.needs.wheelchair) add("wheelchair access");
  if (group.needs.medical) add("medical care");
  if (group.needs.pregnancy) add("pregnancy care");
  if (group.needs.lgbtq_safety) add("LGBTQ+ safety");
  if (KindOf(group.composition) == GroupKind::kUnaccompaniedMinors) add("authorised for minors");
  return text;
}

}  // namespace acogida::allocate
