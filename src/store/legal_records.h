// What the store reads and writes for legal aid beyond the core values (core/legal.h): filters
// for listing cases, deadlines and appointments, and a case's history of status changes.
// Plain value types, included by store.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/legal.h"
#include "core/legal_assignment.h"

namespace acogida {

struct LegalCaseFilter {
  // When `scoped`, only cases opened at one of these sites.
  bool scoped = false;
  std::vector<int64_t> site_ids;
  int64_t lawyer_id = 0;                 // 0: any
  int64_t person_id = 0;                 // 0: any
  std::optional<CaseStatus> status;      // none: any
  std::optional<CaseType> type;          // none: any
  bool open_only = false;                // leaves out closed cases
  int limit = 200;
  int offset = 0;
};

// One change of a case's status, lawyer or outcome (legal_case_event), oldest first.
struct LegalCaseEvent {
  int64_t id = 0;
  int64_t case_id = 0;
  CaseStatus status = CaseStatus::kNew;
  int64_t lawyer_id = 0;
  CaseOutcome outcome = CaseOutcome::kNone;
  std::string at;
  std::string by;
};

struct LegalDeadlineFilter {
  int64_t case_id = 0;            // 0: every case
  bool open_only = false;         // not yet met
  std::string due_on_or_before;   // YYYY-MM-DD, "" for any date
};

struct LegalAppointmentFilter {
  int64_t case_id = 0;    // 0: any
  int64_t lawyer_id = 0;  // 0: any
  int64_t site_id = 0;    // 0: any
  std::string from_utc;   // starts_at >= from_utc ("" unbounded)
  std::string to_utc;     // starts_at < to_utc ("" unbounded)
};

}  // namespace acogida
