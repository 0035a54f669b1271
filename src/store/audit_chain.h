// The audit trail's hash chain: a row's hash covers its content and the previous row's hash,
// so changing or removing any row breaks every hash after it. Shared by the backends (which
// write hashes) and the verifier (which recomputes them).
#pragma once

#include <string>

#include "core/audit.h"

namespace acogida {

// The hash of `entry` given entry.prev_hash; ignores entry.id and entry.hash.
std::string AuditEntryHash(const AuditEntry& entry);

}  // namespace acogida
