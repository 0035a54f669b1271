// Audit row hashing.
#include "store/audit_chain.h"

#include "crypto/hash_chain.h"

namespace acogida {

std::string JoinAuditFields(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& field : fields) {
    if (!out.empty()) out += ',';
    out += field;
  }
  return out;
}

std::vector<std::string> SplitAuditFields(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::string AuditEntryHash(const AuditEntry& entry) {
  const std::string user_id = std::to_string(entry.user_id);
  const std::string record_id = std::to_string(entry.record_id);
  const std::string fields = JoinAuditFields(entry.fields);
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
