// Who may read which person: the rules PersonService and IdentityService share. Registrars
// and shelter staff read the persons of their own sites; coordinators every site, with a
// reason (break-glass) to open a record. Thread-safe (pure, or inside the caller's Tx).
#pragma once

#include <cstdint>
#include <vector>

#include "core/account.h"
#include "store/store.h"

namespace acogida {

// PermissionDenied unless the actor reads persons; with `needs_reason`, a coordinator must
// give a reason (PermissionDenied, field "reason"); a reason given must be 5 to 300
// characters (InvalidArgument "reason").
Status CheckCanRead(const Actor& actor, bool needs_reason);

// True if one of `sites` (a person's: SitesOfPerson) is covered by the actor.
bool CoversAnyOf(const Actor& actor, const std::vector<int64_t>& sites);

// NotFound unless one of the person's sites is the actor's: others must not learn it exists.
Status CheckPersonInScope(Tx& tx, const Actor& actor, int64_t person_id);

}  // namespace acogida
