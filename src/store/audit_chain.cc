// Audit row hashing.
#include "store/audit_chain.h"

#include "core/comma_list.h"
#include "crypto/hash_chain.h"

namespace acogida {

std::string AuditEntryHash(const AuditEntry& entry) {
  const std::string user_id = std::to_string(entry.user_id);
  const std::string record_id = std::to_string(entry.record_id);
  const std::string fields = JoinCommaList(entry.fields);
  return ChainHash(entry.prev_hash, CanonicalRecord({{"at", entry.at},
                                                     {"user_id", user_id},
                                                     {"username", entry.username},
                                                     {"role", entry.role},
                                                     {"action", entry.action},
                                                     {"record_type", entry.record_type},
                                                     {"record_id", record_id},
                                                     {"fields", fields},
                                                     {"remote_address", entry.remote_address},
                                                     {"reason", entry.reason}}));
}

}  // namespace acogida
