// What the bed board reads and writes (stays and holds, migration 010), as free functions
// over a connection inside an open transaction; SqlTx forwards to them. Times are given by
// the caller (the service's clock), so that expiry and reconciliation can be tested.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sql/sql_connection.h"
#include "store/store.h"

namespace acogida::sql_beds {

Status LockSectionBoard(SqlConnection& db, int64_t section_id, const std::string& now);
StatusOr<std::vector<SectionUsage>> ListSectionUsage(SqlConnection& db, int64_t site_id, const std::string& now);

Status InsertStay(SqlConnection& db, Stay& stay);
StatusOr<Stay> GetStay(SqlConnection& db, int64_t stay_id);
StatusOr<std::optional<Stay>> OpenStayOfPerson(SqlConnection& db, int64_t person_id);
StatusOr<std::vector<StayView>> ListOpenStays(SqlConnection& db, int64_t site_id);
StatusOr<std::vector<Stay>> ListStaysOfPerson(SqlConnection& db, int64_t person_id);
Status CloseStay(SqlConnection& db, Stay& stay);
Status UpdateStay(SqlConnection& db, Stay& stay);
StatusOr<std::vector<Stay>> OpenStaysDueBefore(SqlConnection& db, const std::string& date);

Status InsertHold(SqlConnection& db, BedHold& hold);
StatusOr<BedHold> GetHold(SqlConnection& db, int64_t hold_id);
StatusOr<std::vector<BedHold>> ListActiveHolds(SqlConnection& db, int64_t site_id, const std::string& now);
Status UpdateHold(SqlConnection& db, const BedHold& hold);
StatusOr<std::vector<BedHold>> ListExpiredHolds(SqlConnection& db, const std::string& now);

}  // namespace acogida::sql_beds
