// Section rules: which households a section may receive. A household is placed whole in
// one section; unaccompanied minors only where minors are authorised; needs are hard
// rules (wheelchair → accessible, medical or pregnancy → nursing staff, LGBTQ+ safety →
// a safe section); language is a preference and lives in the cost, not here.
#pragma once

#include <string>

#include "allocate/types.h"

namespace acogida::allocate {

enum class GroupKind {
  kMen,                   // adult men only
  kWomen,                 // adult women only
  kFamily,                // adults with children, or men and women together
  kUnaccompaniedMinors,   // minors without an adult
};
GroupKind KindOf(const Composition& composition);
const char* GroupKindName(GroupKind kind);

// True if `section` may receive `group` whole (beds aside):
//   men → men's sections; women → women's or family sections; families → family sections;
//   unaccompanied minors → minors' sections authorised for minors, never elsewhere;
//   LGBTQ+ sections and medical sections take only households that need them, of any
//   kind, and a minors' section only if authorised; every need is also a hard rule on the
//   section's flags (wheelchair: accessible; medical, pregnancy: medical; LGBTQ+: lgbtq_safe
//   or an LGBTQ+ section).
bool Eligible(const Group& group, const Section& section);

// The rules that matter for a group as one key: two groups with the same key are accepted
// by the same sections.
int RuleKey(const Group& group);

// "wheelchair, medical" or "" : the group's hard needs, for reasons shown to staff.
std::string NeedsText(const Group& group);

}  // namespace acogida::allocate
