// What the referral directory and referrals read and write (organisation, organisation_member,
// referral and referral_event, migration 014), as free functions over a connection inside an
// open transaction; SqlTx forwards to them.
#pragma once

#include <string>
#include <vector>

#include "store/sql/sql_connection.h"
#include "store/store.h"

namespace acogida::sql_referrals {

Status InsertOrganisation(SqlConnection& db, Organisation& organisation);
StatusOr<Organisation> GetOrganisation(SqlConnection& db, int64_t organisation_id);
StatusOr<std::vector<Organisation>> ListOrganisations(SqlConnection& db);
StatusOr<std::vector<Organisation>> FindOrganisationsByHsdsId(SqlConnection& db, const std::string& hsds_id);
Status UpdateOrganisation(SqlConnection& db, Organisation& organisation);
Status DeleteOrganisation(SqlConnection& db, int64_t organisation_id, int64_t version);
Status AddOrganisationMember(SqlConnection& db, int64_t organisation_id, int64_t user_id);
Status RemoveOrganisationMember(SqlConnection& db, int64_t organisation_id, int64_t user_id);
StatusOr<std::vector<int64_t>> ListOrganisationMembers(SqlConnection& db, int64_t organisation_id);
StatusOr<std::vector<int64_t>> ListOrganisationsOfUser(SqlConnection& db, int64_t user_id);
Status InsertReferral(SqlConnection& db, const KeyRing& keys, Referral& referral);
StatusOr<Referral> GetReferral(SqlConnection& db, const KeyRing& keys, int64_t referral_id);
StatusOr<std::vector<Referral>> ListReferralsOfPerson(SqlConnection& db, const KeyRing& keys, int64_t person_id);
StatusOr<std::vector<Referral>> ListReferralsToOrganisations(SqlConnection& db, const KeyRing& keys,
                                                             const std::vector<int64_t>& organisation_ids);
Status UpdateReferralStatus(SqlConnection& db, Referral& referral);

}  // namespace acogida::sql_referrals
