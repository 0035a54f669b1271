// The referral directory and referrals in portable SQL; see migrations/014_referrals.sql.
#include "store/sql/sql_referrals.h"

#include <algorithm>

#include "core/comma_list.h"
#include "store/sealed_fields.h"
#include "store/sql/sql_rows.h"

namespace acogida::sql_referrals {
namespace {

constexpr const char* kOrganisationColumns =
    "id, hsds_id, name, description, services, city, state, hours, phone, email, url, languages, accepts_referrals, "
    "version, updated_at, updated_by";
constexpr const char* kReferralColumns =
    "id, person_id, organisation_id, service, note, status, created_at, created_by, updated_at, updated_by, version";

Organisation ReadOrganisation(const SqlStatement& row) {
  Organisation organisation;
  organisation.id = row.Int(0);
  organisation.hsds_id = row.Text(1);
  organisation.name = row.Text(2);
  organisation.description = row.Text(3);
  organisation.services = SplitCommaList(row.Text(4));
  organisation.city = row.Text(5);
  organisation.state = row.Text(6);
  organisation.hours = row.Text(7);
  organisation.phone = row.Text(8);
  organisation.email = row.Text(9);
  organisation.url = row.Text(10);
  organisation.languages = SplitCommaList(row.Text(11));
  organisation.accepts_referrals = row.Int(12) != 0;
  organisation.version = row.Int(13);
  organisation.updated_at = row.Text(14);
  organisation.updated_by = row.Text(15);
  return organisation;
}

Referral ReadReferral(const SqlStatement& row) {
  Referral referral;
  referral.id = row.Int(0);
  referral.person_id = row.Int(1);
  referral.organisation_id = row.Int(2);
  referral.service = row.Text(3);
  referral.note = row.Text(4);
  referral.status = ParseReferralStatus(row.Text(5)).value_or(ReferralStatus::kSent);
  referral.created_at = row.Text(6);
  referral.created_by = row.Text(7);
  referral.updated_at = row.Text(8);
  referral.updated_by = row.Text(9);
  referral.version = row.Int(10);
  return referral;
}

// Binds every column but id and version, in kOrganisationColumns order, from 1.
void BindOrganisation(SqlStatement& stmt, const Organisation& organisation) {
  stmt.Bind(1, organisation.hsds_id).Bind(2, organisation.name).Bind(3, organisation.description)
      .Bind(4, JoinCommaList(organisation.services)).Bind(5, organisation.city).Bind(6, organisation.state)
      .Bind(7, organisation.hours).Bind(8, organisation.phone).Bind(9, organisation.email).Bind(10, organisation.url)
      .Bind(11, JoinCommaList(organisation.languages)).Bind(12, organisation.accepts_referrals ? 1 : 0)
      .Bind(13, organisation.updated_at).Bind(14, organisation.updated_by);
}

Status AppendEvent(SqlConnection& db, const Referral& referral) {
  ASSIGN_OR_RETURN(auto event, db.Prepare("INSERT INTO referral_event (referral_id, status, at, by_user) VALUES (?, ?, ?, ?)"));
  event->Bind(1, referral.id).Bind(2, ReferralStatusName(referral.status)).Bind(3, referral.updated_at)
      .Bind(4, referral.updated_by);
  return event->Run();
}

StatusOr<std::vector<int64_t>> ReadIds(SqlStatement& stmt) {
  return ReadAll<int64_t>(stmt, [](const SqlStatement& row) { return row.Int(0); });
}

}  // namespace

Status InsertOrganisation(SqlConnection& db, Organisation& organisation) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO organisation (hsds_id, name, description, services, city, state, hours, phone, email, url, "
      "languages, accepts_referrals, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id"));
  BindOrganisation(*stmt, organisation);
  ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return Internal("insert organisation returned no id");
  organisation.id = stmt->Int(0);
  RETURN_IF_ERROR(stmt->Run());
  organisation.version = 1;
  return OkStatus();
}

StatusOr<Organisation> GetOrganisation(SqlConnection& db, int64_t organisation_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kOrganisationColumns + " FROM organisation WHERE id = ?"));
  stmt->Bind(1, organisation_id);
  ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return NotFound("no organisation " + std::to_string(organisation_id));
  return ReadOrganisation(*stmt);
}

StatusOr<std::vector<Organisation>> ListOrganisations(SqlConnection& db) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kOrganisationColumns +
                                         " FROM organisation ORDER BY name, id"));
  return ReadAll<Organisation>(*stmt, ReadOrganisation);
}

StatusOr<std::vector<Organisation>> FindOrganisationsByHsdsId(SqlConnection& db, const std::string& hsds_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kOrganisationColumns +
                                         " FROM organisation WHERE hsds_id = ? ORDER BY id"));
  stmt->Bind(1, hsds_id);
  return ReadAll<Organisation>(*stmt, ReadOrganisation);
}

Status UpdateOrganisation(SqlConnection& db, Organisation& organisation) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE organisation SET hsds_id = ?, name = ?, description = ?, services = ?, city = ?, state = ?, hours = ?, "
      "phone = ?, email = ?, url = ?, languages = ?, accepts_referrals = ?, updated_at = ?, updated_by = ?, "
      "version = version + 1 WHERE id = ? AND version = ?"));
  BindOrganisation(*stmt, organisation);
  stmt->Bind(15, organisation.id).Bind(16, organisation.version);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) {
    RETURN_IF_ERROR(GetOrganisation(db, organisation.id).status());
    return StaleVersion(organisation.name + " was changed by someone else");
  }
  organisation.version += 1;
  return OkStatus();
}

Status DeleteOrganisation(SqlConnection& db, int64_t organisation_id, int64_t version) {
  ASSIGN_OR_RETURN(Organisation current, GetOrganisation(db, organisation_id));
  if (current.version != version) return StaleVersion(current.name + " was changed by someone else");
  ASSIGN_OR_RETURN(auto used, db.Prepare("SELECT COUNT(*) FROM referral WHERE organisation_id = ?"));
  used->Bind(1, organisation_id);
  ASSIGN_OR_RETURN(bool has_row, used->Step());
  if (has_row && used->Int(0) > 0) {
    return FailedPrecondition(current.name + " has referrals; mark it as not accepting referrals instead");
  }
  used.reset();
  ASSIGN_OR_RETURN(auto members, db.Prepare("DELETE FROM organisation_member WHERE organisation_id = ?"));
  members->Bind(1, organisation_id);
  RETURN_IF_ERROR(members->Run());
  ASSIGN_OR_RETURN(auto stmt, db.Prepare("DELETE FROM organisation WHERE id = ? AND version = ?"));
  stmt->Bind(1, organisation_id).Bind(2, version);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) return StaleVersion(current.name + " was changed by someone else");
  return OkStatus();
}

Status AddOrganisationMember(SqlConnection& db, int64_t organisation_id, int64_t user_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO organisation_member (user_id, organisation_id) VALUES (?, ?) ON CONFLICT DO NOTHING"));
  stmt->Bind(1, user_id).Bind(2, organisation_id);
  return stmt->Run();
}

Status RemoveOrganisationMember(SqlConnection& db, int64_t organisation_id, int64_t user_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare("DELETE FROM organisation_member WHERE user_id = ? AND organisation_id = ?"));
  stmt->Bind(1, user_id).Bind(2, organisation_id);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) return NotFound("user " + std::to_string(user_id) + " is not a member");
  return OkStatus();
}

StatusOr<std::vector<int64_t>> ListOrganisationMembers(SqlConnection& db, int64_t organisation_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare("SELECT user_id FROM organisation_member WHERE organisation_id = ? ORDER BY user_id"));
  stmt->Bind(1, organisation_id);
  return ReadIds(*stmt);
}

StatusOr<std::vector<int64_t>> ListOrganisationsOfUser(SqlConnection& db, int64_t user_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare("SELECT organisation_id FROM organisation_member WHERE user_id = ? ORDER BY organisation_id"));
  stmt->Bind(1, user_id);
  return ReadIds(*stmt);
}

// The note is sealed at rest under referral.note.<id> (it may say why the person needs help).
Status OpenNotes(const KeyRing& keys, std::vector<Referral>& referrals) {
  for (Referral& referral : referrals) {
    ASSIGN_OR_RETURN(referral.note, OpenBoundField(keys, "referral", "note", referral.id, referral.note));
  }
  return OkStatus();
}

Status InsertReferral(SqlConnection& db, const KeyRing& keys, Referral& referral) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "INSERT INTO referral (person_id, organisation_id, service, note, status, created_at, created_by, updated_at, "
      "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->Bind(1, referral.person_id).Bind(2, referral.organisation_id).Bind(3, referral.service).Bind(4, "")
      .Bind(5, ReferralStatusName(referral.status)).Bind(6, referral.created_at).Bind(7, referral.created_by)
      .Bind(8, referral.updated_at).Bind(9, referral.updated_by);
  ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return Internal("insert referral returned no id");
  referral.id = stmt->Int(0);
  RETURN_IF_ERROR(stmt->Run());
  stmt.reset();
  // The row id is part of the sealed note's associated data: insert, then seal and store.
  if (!referral.note.empty()) {
    ASSIGN_OR_RETURN(std::string sealed, SealBoundField(keys, "referral", "note", referral.id, referral.note));
    ASSIGN_OR_RETURN(auto update, db.Prepare("UPDATE referral SET note = ? WHERE id = ?"));
    update->Bind(1, sealed).Bind(2, referral.id);
    RETURN_IF_ERROR(update->Run());
  }
  referral.version = 1;
  return AppendEvent(db, referral);
}

StatusOr<Referral> GetReferral(SqlConnection& db, const KeyRing& keys, int64_t referral_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kReferralColumns + " FROM referral WHERE id = ?"));
  stmt->Bind(1, referral_id);
  ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return NotFound("no referral " + std::to_string(referral_id));
  Referral referral = ReadReferral(*stmt);
  ASSIGN_OR_RETURN(referral.note, OpenBoundField(keys, "referral", "note", referral.id, referral.note));
  return referral;
}

StatusOr<std::vector<Referral>> ListReferralsOfPerson(SqlConnection& db, const KeyRing& keys, int64_t person_id) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kReferralColumns +
                                         " FROM referral WHERE person_id = ? ORDER BY id DESC"));
  stmt->Bind(1, person_id);
  ASSIGN_OR_RETURN(std::vector<Referral> referrals, ReadAll<Referral>(*stmt, ReadReferral));
  RETURN_IF_ERROR(OpenNotes(keys, referrals));
  return referrals;
}

StatusOr<std::vector<Referral>> ListReferralsToOrganisations(SqlConnection& db, const KeyRing& keys,
                                                             const std::vector<int64_t>& organisation_ids) {
  if (organisation_ids.empty()) return std::vector<Referral>{};
  // Ids are numbers we format ourselves; they change the statement text, not its inputs.
  std::string list;
  for (int64_t id : organisation_ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kReferralColumns +
                                         " FROM referral WHERE organisation_id IN (" + list + ") ORDER BY id DESC"));
  ASSIGN_OR_RETURN(std::vector<Referral> referrals, ReadAll<Referral>(*stmt, ReadReferral));
  RETURN_IF_ERROR(OpenNotes(keys, referrals));
  return referrals;
}

Status UpdateReferralStatus(SqlConnection& db, Referral& referral) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "UPDATE referral SET status = ?, updated_at = ?, updated_by = ?, version = version + 1 "
      "WHERE id = ? AND version = ?"));
  stmt->Bind(1, ReferralStatusName(referral.status)).Bind(2, referral.updated_at).Bind(3, referral.updated_by)
      .Bind(4, referral.id).Bind(5, referral.version);
  RETURN_IF_ERROR(stmt->Run());
  if (stmt->Changes() == 0) return StaleVersion("the referral was changed by someone else");
  referral.version += 1;
  return AppendEvent(db, referral);
}

}  // namespace acogida::sql_referrals
