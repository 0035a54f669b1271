// Use cases of the referral directory and referrals (issue #8): the directory of organisations
// and the services they offer, its import and export as Open Referral HSDS (the http layer
// turns HSDS JSON into Organisations and back; see docs/api.yaml for the subset of HSDS 3.0
// fields kept), referrals of persons to organisations and their status.
//
// Rules: every logged-in user reads the directory; kEditDirectory (coordinators,
// administrators) edits it, imports it and manages its members. Staff with kReadPersons create
// and read the referrals of persons in their sites (NotFound otherwise). A user of any role who
// is a member of an organisation (organisation_member; no role of its own) sees the referrals
// sent to it with the person's name only, and moves their status; staff who may read the
// person may also move it (for an organisation without an account). Every read of referrals is
// audited as a read or listing of persons, every change as an update. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/account.h"
#include "core/referral.h"
#include "service/clock.h"
#include "store/store.h"

namespace acogida {

// A referral as shown: to staff, with the organisation's name; to members, the person's name
// only (no other person data).
struct ReferralView {
  Referral referral;
  std::string organisation_name;
  std::string person_name;
};

struct OrganisationMember {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
};

struct DirectoryImport {
  int created = 0;
  int updated = 0;
};

// The HSDS path (relative to one organization object) that a field of Organisation comes
// from, for errors: "name" → "name", "url" → "website", "city" →
// "locations[0].physical_addresses[0].city", "services[2]" → "services[2].name", …
std::string HsdsPathOf(const std::string& field);

class ReferralService {
 public:
  ReferralService(Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // The directory. Create assigns a new HSDS id (a UUID) when the organisation has none.
  StatusOr<std::vector<Organisation>> ListOrganisations(const Actor& actor);
  StatusOr<Organisation> GetOrganisation(const Actor& actor, int64_t organisation_id);
  StatusOr<Organisation> CreateOrganisation(const Actor& actor, Organisation organisation);
  // `organisation.version` must be the stored one (StaleVersion otherwise).
  StatusOr<Organisation> UpdateOrganisation(const Actor& actor, Organisation organisation);
  // FailedPrecondition while referrals name it.
  Status DeleteOrganisation(const Actor& actor, int64_t organisation_id, int64_t version);

  // Imports HSDS organizations all or nothing, in one transaction: an entry whose hsds_id is in
  // the directory replaces that organisation, the others are added. InvalidArgument naming the
  // HSDS path ("[2].locations[0].physical_addresses[0].state_province", "[0].id" for an id
  // given twice) and nothing written otherwise.
  StatusOr<DirectoryImport> ImportDirectory(const Actor& actor, std::vector<Organisation> organisations);
  // The whole directory, by name (what the http layer writes as HSDS).
  StatusOr<std::vector<Organisation>> ExportDirectory(const Actor& actor);

  // Members (kEditDirectory). NotFound for an unknown organisation or username.
  StatusOr<std::vector<OrganisationMember>> ListMembers(const Actor& actor, int64_t organisation_id);
  StatusOr<OrganisationMember> AddMember(const Actor& actor, int64_t organisation_id, const std::string& username);
  Status RemoveMember(const Actor& actor, int64_t organisation_id, int64_t user_id);

  // Refers a person (kReadPersons, in scope). FailedPrecondition (field "organisation_id")
  // when the organisation does not accept referrals, (field "service") when it does not offer
  // the service. The referral starts as sent.
  StatusOr<ReferralView> CreateReferral(const Actor& actor, Referral referral);
  StatusOr<std::vector<ReferralView>> ListReferralsOfPerson(const Actor& actor, int64_t person_id);
  // The referrals sent to the organisations the actor belongs to (empty for non-members).
  StatusOr<std::vector<ReferralView>> Inbox(const Actor& actor);
  // Moves a referral's status at `version` (StaleVersion otherwise); FailedPrecondition (field
  // "status") for a move the rules do not allow. NotFound for users who may not see it.
  StatusOr<ReferralView> UpdateReferralStatus(const Actor& actor, int64_t referral_id, ReferralStatus status,
                                              int64_t version);

 private:
  std::string Now() const;
  Store& store_;
  Clock clock_;
};

}  // namespace acogida
