// Audit trail reads, chain verification and bulk-read alerts.
#include "service/audit_service.h"

#include "store/audit_chain.h"

namespace acogida {
namespace {
const Status kNotAllowed(StatusCode::kPermissionDenied, "only administrators read the audit trail");
}

StatusOr<AuditPage> AuditService::List(const Actor& actor, const AuditFilter& filter) {
  if (!actor.Can(Permission::kReadAudit)) return kNotAllowed;
  if (filter.limit < 1 || filter.limit > 500) return InvalidArgument("limit", "must be 1 to 500");
  if (filter.offset < 0) return InvalidArgument("offset", "must be 0 or more");
  AuditPage page;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(page, tx.ListAudit(filter));
    return OkStatus();
  }));
  return page;
}

StatusOr<int64_t> ChainPendingAudit(Store& store) {
  constexpr int kBatch = 2000;
  int64_t total = 0;
  while (true) {
    int64_t chained = 0;
    RETURN_IF_ERROR(store.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(chained, tx.ChainPendingAudit(kBatch));
      return OkStatus();
    }));
    total += chained;
    if (chained < kBatch) return total;
  }
}

StatusOr<ChainCheck> AuditService::Verify(const Actor& actor) {
  if (!actor.Can(Permission::kReadAudit)) return kNotAllowed;
  RETURN_IF_ERROR(ChainPendingAudit(store_).status());
  ChainCheck check;
  std::string previous_hash;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) {
    return tx.ForEachAudit([&](const AuditEntry& entry) -> Status {
      ++check.rows;
      if (check.ok && (entry.prev_hash != previous_hash || AuditEntryHash(entry) != entry.hash)) {
        check.ok = false;
        check.first_bad_id = entry.id;
      }
      previous_hash = entry.hash;
      return OkStatus();
    });
  }));
  std::string source_seen;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) {
    return tx.ForEachImportedAudit([&](const std::string& source, const AuditEntry& entry) -> Status {
      if (source != source_seen) {  // each source's chain starts afresh
        source_seen = source;
        previous_hash.clear();
      }
      ++check.imported_rows;
      if (check.bad_source.empty() && (entry.prev_hash != previous_hash || AuditEntryHash(entry) != entry.hash)) {
        check.ok = false;
        check.bad_source = source;
        check.first_bad_imported_id = entry.id;
      }
      previous_hash = entry.hash;
      return OkStatus();
    });
  }));
  return check;
}

StatusOr<std::vector<Alert>> AuditService::Alerts(const Actor& actor) {
  if (!actor.Can(Permission::kReadAudit)) return kNotAllowed;
  const UtcTime now = clock_();
  std::vector<std::pair<std::string, int64_t>> reads;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(reads, tx.PersonReadsSince(FormatUtc(now - options_.bulk_read_window)));
    return OkStatus();
  }));
  std::vector<Alert> alerts;
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(options_.bulk_read_window).count();
  for (const auto& [username, persons] : reads) {
    if (persons <= options_.bulk_read_threshold) continue;
    alerts.push_back({FormatUtc(now), username, "bulk_read",
                      "read " + std::to_string(persons) + " persons in the last " + std::to_string(minutes) +
                          " minutes"});
  }
  return alerts;
}

}  // namespace acogida
