// The bed board in portable SQL: stays and holds, and each section's occupancy counted from
// them (never kept as a counter). See migrations/010_bed_board.sql.
#include "store/sql/sql_beds.h"

#include "store/sql/sql_rows.h"

namespace acogida::sql_beds {
namespace {

constexpr const char* kStayColumns =
    "id, person_id, site_id, section_id, checked_in_at, checked_in_by, expected_checkout, checked_out_at, "
    "checked_out_by, closed_reason, version";
constexpr const char* kHoldColumns =
    "id, site_id, section_id, beds, label, created_at, created_by, expires_at, released_at, released_by, "
    "released_reason";

Stay ReadStay(const SqlStatement& row) {
  Stay stay;
  stay.id = row.Int(0);
  stay.person_id = row.Int(1);
  stay.site_id = row.Int(2);
  stay.section_id = row.Int(3);
  stay.checked_in_at = row.Text(4);
  stay.checked_in_by = row.Text(5);
  stay.expected_checkout = row.Text(6);
  stay.checked_out_at = row.Text(7);
  stay.checked_out_by = row.Text(8);
  stay.closed = ParseStayClose(row.Text(9)).value_or(StayClose::kOpen);
  stay.version = row.Int(10);
  return stay;
}

BedHold ReadHold(const SqlStatement& row) {
  BedHold hold;
  hold.id = row.Int(0);
  hold.site_id = row.Int(1);
  hold.section_id = row.Int(2);
  hold.beds = static_cast<int>(row.Int(3));
  hold.label = row.Text(4);
  hold.created_at = row.Text(5);
  hold.created_by = row.Text(6);
  hold.expires_at = row.Text(7);
  hold.released_at = row.Text(8);
  hold.released_by = row.Text(9);
  hold.released = ParseHoldRelease(row.Text(10)).value_or(HoldRelease::kHeld);
  return hold;
}

}  // namespace

Status LockSectionBoard(SqlConnection& db, int64_t section_id, const std::string& now) {
  // The update takes the section's row lock until commit (PostgreSQL); SQLite's writers take
  // turns already. Every booking of the section waits here, then counts what is committed.
  ASSIGN_OR_RETURN(auto stmt, db.Prepare("UPDATE section SET board_updated_at = ? WHERE id = ?"));
  stmt->Bind(1, now).Bind(2, section_id);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) return NotFound("section " + std::to_string(section_id) + " does not exist");
  return OkStatus();
}

StatusOr<std::vector<SectionUsage>> ListSectionUsage(SqlConnection& db, int64_t site_id, const std::string& now) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT s.id, s.site_id, s.beds, "
      "(SELECT COUNT(*) FROM stay t WHERE t.section_id = s.id AND t.checked_out_at = ''), "
      "(SELECT COALESCE(SUM(h.beds), 0) FROM bed_hold h WHERE h.section_id = s.id AND h.released_at = '' "
      "AND h.expires_at > ?), s.board_updated_at "
      "FROM section s WHERE (? = 0 OR s.site_id = ?) ORDER BY s.site_id, s.id"));
  stmt->Bind(1, now).Bind(2, site_id).Bind(3, site_id);
  return ReadAll<SectionUsage>(*stmt, [](const SqlStatement& row) {
    SectionUsage usage;
    usage.section_id = row.Int(0);
    usage.site_id = row.Int(1);
    usage.occupancy.beds = static_cast<int>(row.Int(2));
    usage.occupancy.occupied = static_cast<int>(row.Int(3));
    usage.occupancy.held = static_cast<int>(row.Int(4));
    usage.updated_at = row.Text(5);
    return usage;
  });
}

Status InsertStay(SqlConnection& db, Stay& stay) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO stay (person_id, site_id, section_id, checked_in_at, checked_in_by, expected_checkout) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->Bind(1, stay.person_id).Bind(2, stay.site_id).Bind(3, stay.section_id).Bind(4, stay.checked_in_at)
      .Bind(5, stay.checked_in_by).Bind(6, stay.expected_checkout);
  ASSIGN_OR_RETURN(stay.id, InsertedId(*stmt, "insert stay"));
  stay.version = 1;
  return OkStatus();
}

StatusOr<Stay> GetStay(SqlConnection& db, int64_t stay_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kStayColumns + " FROM stay WHERE id = ?"));
  stmt->Bind(1, stay_id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("stay " + std::to_string(stay_id) + " does not exist");
  return ReadStay(*stmt);
}

StatusOr<std::optional<Stay>> OpenStayOfPerson(SqlConnection& db, int64_t person_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kStayColumns +
                                         " FROM stay WHERE person_id = ? AND checked_out_at = ''"));
  stmt->Bind(1, person_id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return std::optional<Stay>();
  return std::optional<Stay>(ReadStay(*stmt));
}

StatusOr<std::vector<StayView>> ListOpenStays(SqlConnection& db, int64_t site_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT t.id, t.person_id, t.site_id, t.section_id, t.checked_in_at, t.checked_in_by, t.expected_checkout, "
      "t.checked_out_at, t.checked_out_by, t.closed_reason, t.version, p.given_names, p.paternal_surname, "
      "p.maternal_surname FROM stay t JOIN person p ON p.id = t.person_id "
      "WHERE t.site_id = ? AND t.checked_out_at = '' ORDER BY t.section_id, t.checked_in_at, t.id"));
  stmt->Bind(1, site_id);
  return ReadAll<StayView>(*stmt, [](const SqlStatement& row) {
    StayView view;
    view.stay = ReadStay(row);
    Person names;
    names.given_names = row.Text(11);
    names.paternal_surname = row.Text(12);
    names.maternal_surname = row.Text(13);
    view.full_name = names.FullName();
    return view;
  });
}

StatusOr<std::vector<Stay>> ListStaysOfPerson(SqlConnection& db, int64_t person_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kStayColumns +
                                         " FROM stay WHERE person_id = ? ORDER BY checked_in_at, id"));
  stmt->Bind(1, person_id);
  return ReadAll<Stay>(*stmt, ReadStay);
}

Status CloseStay(SqlConnection& db, Stay& stay) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE stay SET checked_out_at = ?, checked_out_by = ?, closed_reason = ?, version = version + 1 "
      "WHERE id = ? AND checked_out_at = ''"));
  stmt->Bind(1, stay.checked_out_at).Bind(2, stay.checked_out_by).Bind(3, StayCloseName(stay.closed))
      .Bind(4, stay.id);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) return FailedPrecondition("stay " + std::to_string(stay.id) + " is already closed");
  stay.version += 1;
  return OkStatus();
}

Status UpdateStay(SqlConnection& db, Stay& stay) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE stay SET expected_checkout = ?, version = version + 1 "
      "WHERE id = ? AND version = ? AND checked_out_at = ''"));
  stmt->Bind(1, stay.expected_checkout).Bind(2, stay.id).Bind(3, stay.version);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) {
    stmt.reset();
    ASSIGN_OR_RETURN(Stay stored, GetStay(db, stay.id));
    if (!stored.open()) return FailedPrecondition("stay " + std::to_string(stay.id) + " is already closed");
    return StaleVersion("stay " + std::to_string(stay.id) + " was changed by someone else (version " +
                        std::to_string(stored.version) + ")");
  }
  stay.version += 1;
  return OkStatus();
}

StatusOr<std::vector<Stay>> OpenStaysDueBefore(SqlConnection& db, const std::string& date) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kStayColumns +
                                         " FROM stay WHERE checked_out_at = '' AND expected_checkout < ? "
                                         "ORDER BY id"));
  stmt->Bind(1, date);
  return ReadAll<Stay>(*stmt, ReadStay);
}

Status InsertHold(SqlConnection& db, BedHold& hold) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO bed_hold (site_id, section_id, beds, label, created_at, created_by, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->Bind(1, hold.site_id).Bind(2, hold.section_id).Bind(3, hold.beds).Bind(4, hold.label)
      .Bind(5, hold.created_at).Bind(6, hold.created_by).Bind(7, hold.expires_at);
  ASSIGN_OR_RETURN(hold.id, InsertedId(*stmt, "insert bed_hold"));
  return OkStatus();
}

StatusOr<BedHold> GetHold(SqlConnection& db, int64_t hold_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kHoldColumns + " FROM bed_hold WHERE id = ?"));
  stmt->Bind(1, hold_id);
  ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return NotFound("hold " + std::to_string(hold_id) + " does not exist");
  return ReadHold(*stmt);
}

StatusOr<std::vector<BedHold>> ListActiveHolds(SqlConnection& db, int64_t site_id, const std::string& now) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kHoldColumns +
                                         " FROM bed_hold WHERE site_id = ? AND released_at = '' AND expires_at > ? "
                                         "ORDER BY expires_at, id"));
  stmt->Bind(1, site_id).Bind(2, now);
  return ReadAll<BedHold>(*stmt, ReadHold);
}

Status UpdateHold(SqlConnection& db, const BedHold& hold) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE bed_hold SET beds = ?, released_at = ?, released_by = ?, released_reason = ? "
      "WHERE id = ? AND released_at = ''"));
  stmt->Bind(1, hold.beds).Bind(2, hold.released_at).Bind(3, hold.released_by)
      .Bind(4, HoldReleaseName(hold.released)).Bind(5, hold.id);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) return FailedPrecondition("hold " + std::to_string(hold.id) + " was already released");
  return OkStatus();
}

StatusOr<std::vector<BedHold>> ListExpiredHolds(SqlConnection& db, const std::string& now) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kHoldColumns +
                                         " FROM bed_hold WHERE released_at = '' AND expires_at <= ? ORDER BY id"));
  stmt->Bind(1, now);
  return ReadAll<BedHold>(*stmt, ReadHold);
}

}  // namespace acogida::sql_beds
