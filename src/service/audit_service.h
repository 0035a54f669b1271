// Reading and checking the audit trail (administrators): filtered pages, verification of
// the hash chain (a changed or removed row breaks it), and alerts on bulk reads: a user
// who read more persons than `bulk_read_threshold` in the last `bulk_read_window`.
// Thread-safe.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/account.h"
#include "service/clock.h"
#include "store/store.h"

namespace acogida {

struct ChainCheck {
  bool ok = true;
  int64_t rows = 0;
  int64_t first_bad_id = 0;  // the first row whose hash or link does not hold
  // The trails of databases moved into this one (acogida migrate), each its own chain.
  int64_t imported_rows = 0;
  std::string bad_source;          // the imported trail that does not hold, "" if all do
  int64_t first_bad_imported_id = 0;
};

// Links every audit row still waiting to be chained (PostgreSQL writes rows unchained; see
// Tx::ChainPendingAudit); returns how many. Servers run it every second; Verify runs it first.
StatusOr<int64_t> ChainPendingAudit(Store& store);

struct Alert {
  std::string at;        // when the alert was computed
  std::string username;
  std::string kind;      // "bulk_read"
  std::string detail;    // "read 312 persons in the last 10 minutes"
};

struct AuditOptions {
  int64_t bulk_read_threshold = 200;  // persons
  std::chrono::seconds bulk_read_window = std::chrono::minutes(10);
};

class AuditService {
 public:
  AuditService(Store& store, Clock clock, AuditOptions options = {})
      : store_(store), clock_(std::move(clock)), options_(options) {}

  StatusOr<AuditPage> List(const Actor& actor, const AuditFilter& filter);
  StatusOr<ChainCheck> Verify(const Actor& actor);
  StatusOr<std::vector<Alert>> Alerts(const Actor& actor);

 private:
  Store& store_;
  Clock clock_;
  AuditOptions options_;
};

}  // namespace acogida
