// The referral directory and referrals through their service on each backend (a real SQLite
// file, a real PostgreSQL database): directory edits need kEditDirectory, an HSDS import is
// all or nothing and names the path, status transitions and versions, and a member of the
// receiving organisation sees only the referrals sent to it, with the person's name only.
#include <gtest/gtest.h>

#include "service/intake_service.h"
#include "service/referral_service.h"
#include "service/site_service.h"
#include "service/user_service.h"
#include "store/sql/sql_connection.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using testing::Backend;
using testing::MakePerson;
using testing::StatusCodeIs;
using testing::StatusIs;

constexpr const char* kPassword = "frase de prueba bastante larga";

UtcTime FixedNow() {
  return UtcTime(std::chrono::sys_days(std::chrono::year(2026) / 11 / 29)) + std::chrono::hours(18);
}

Organisation Clinic(std::string hsds_id = "") {
  Organisation organisation;
  organisation.hsds_id = std::move(hsds_id);
  organisation.name = "Clínica Comunitaria";
  organisation.services = {"medical_care", "psychological_care"};
  organisation.city = "Tijuana";
  organisation.state = "02";
  organisation.languages = {"spa", "en"};
  return organisation;
}

class ReferralServiceTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto opened = database_.Open();
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    sites_ = std::make_unique<SiteService>(*store_);
    intake_ = std::make_unique<IntakeService>(*store_, FixedNow);
    users_ = std::make_unique<UserService>(*store_);
    referrals_ = std::make_unique<ReferralService>(*store_, FixedNow);
    auto site = sites_->Create(coordinator_, testing::TijuanaCentre());
    ASSERT_OK(site);
    site_id_ = site->id;
    NewHousehold input;
    input.site_id = site_id_;
    input.members = {MakePerson("Rosa", "Luna", "Vega")};
    auto household = intake_->Register(coordinator_, input);
    ASSERT_OK(household);
    person_id_ = household->members[0].id;
    auto clinic = referrals_->CreateOrganisation(coordinator_, Clinic());
    ASSERT_OK(clinic);
    clinic_ = *clinic;
  }

  // A logged-in user of `role` (a real account, so that it can be a member).
  Actor UserActor(const std::string& username, Role role, std::vector<int64_t> sites = {}) {
    auto user = users_->Create(admin_, NewUser{username, "", role, sites, kPassword});
    EXPECT_OK(user);
    Actor actor = testing::TestActor(role, sites, user.ok() ? user->id : 0);
    actor.user.username = username;
    return actor;
  }

  StatusOr<ReferralView> Refer(const std::string& service = "medical_care") {
    return referrals_->CreateReferral(coordinator_, Referral{0, person_id_, clinic_.id, service, "Dolor de muelas"});
  }

  const Actor admin_ = testing::TestActor(Role::kAdministrator);
  const Actor coordinator_ = testing::TestActor(Role::kCoordinator);
  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<SiteService> sites_;
  std::unique_ptr<IntakeService> intake_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<ReferralService> referrals_;
  int64_t site_id_ = 0;
  int64_t person_id_ = 0;
  Organisation clinic_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ReferralServiceTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(ReferralServiceTest, CoordinatorsEditTheDirectoryAndEveryoneReadsIt) {
  EXPECT_EQ(clinic_.hsds_id.size(), 36u) << "a new organisation gets a UUID";
  const Actor lawyer = testing::TestActor(Role::kLawyer);
  EXPECT_THAT(referrals_->CreateOrganisation(lawyer, Clinic()).status(), StatusCodeIs(StatusCode::kPermissionDenied));
  auto listed = referrals_->ListOrganisations(lawyer);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].services, clinic_.services);

  Organisation edit = clinic_;
  edit.hours = "Lun-Vie 9-17";
  auto saved = referrals_->UpdateOrganisation(admin_, edit);
  ASSERT_OK(saved);
  EXPECT_EQ(saved->version, 2);
  EXPECT_THAT(referrals_->UpdateOrganisation(admin_, edit).status(), StatusIs(StatusCode::kAborted, "version"));
  edit.version = 2;
  edit.state = "99";
  EXPECT_THAT(referrals_->UpdateOrganisation(admin_, edit).status(), StatusIs(StatusCode::kInvalidArgument, "state"));
}

TEST_P(ReferralServiceTest, HsdsImportIsAllOrNothingAndNamesThePath) {
  Organisation good = Clinic("a1");
  good.name = "Albergue Juventud 2000";
  Organisation bad = Clinic("b2");
  bad.state = "Narnia";
  EXPECT_THAT(referrals_->ImportDirectory(coordinator_, {good, bad}).status(),
              StatusIs(StatusCode::kInvalidArgument, "[1].locations[0].physical_addresses[0].state_province"));
  Organisation bad_service = Clinic("c3");
  bad_service.services = {"ok", ""};
  EXPECT_THAT(referrals_->ImportDirectory(coordinator_, {good, bad_service}).status(),
              StatusIs(StatusCode::kInvalidArgument, "[1].services[1].name"));
  EXPECT_THAT(referrals_->ImportDirectory(coordinator_, {good, good}).status(),
              StatusIs(StatusCode::kInvalidArgument, "[1].id"));
  EXPECT_EQ(referrals_->ListOrganisations(coordinator_)->size(), 1u) << "a failed import writes nothing";

  auto imported = referrals_->ImportDirectory(coordinator_, {good, Clinic("c3")});
  ASSERT_OK(imported);
  EXPECT_EQ(imported->created, 2);
  good.hours = "24 horas";
  imported = referrals_->ImportDirectory(coordinator_, {good});
  ASSERT_OK(imported);
  EXPECT_EQ(imported->updated, 1) << "an HSDS id already in the directory replaces that entry";
  auto directory = referrals_->ExportDirectory(coordinator_);
  ASSERT_OK(directory);
  ASSERT_EQ(directory->size(), 3u);
  EXPECT_EQ((*directory)[0].name, "Albergue Juventud 2000");
  EXPECT_EQ((*directory)[0].hours, "24 horas");
  EXPECT_THAT(referrals_->ImportDirectory(testing::TestActor(Role::kRegistrar, {site_id_}), {good}).status(),
              StatusCodeIs(StatusCode::kPermissionDenied));
}

TEST_P(ReferralServiceTest, ReferralStatusMovesOnlyAlongTheAllowedTransitions) {
  auto sent = Refer();
  ASSERT_OK(sent);
  EXPECT_EQ(sent->referral.status, ReferralStatus::kSent);
  EXPECT_EQ(sent->organisation_name, "Clínica Comunitaria");
  const int64_t id = sent->referral.id;
  EXPECT_THAT(referrals_->UpdateReferralStatus(coordinator_, id, ReferralStatus::kDone, 1).status(),
              StatusIs(StatusCode::kFailedPrecondition, "status"));
  auto accepted = referrals_->UpdateReferralStatus(coordinator_, id, ReferralStatus::kAccepted, 1);
  ASSERT_OK(accepted);
  EXPECT_EQ(accepted->referral.version, 2);
  EXPECT_THAT(referrals_->UpdateReferralStatus(coordinator_, id, ReferralStatus::kDone, 1).status(),
              StatusIs(StatusCode::kAborted, "version"));
  ASSERT_OK(referrals_->UpdateReferralStatus(coordinator_, id, ReferralStatus::kDone, 2));
  EXPECT_THAT(referrals_->UpdateReferralStatus(coordinator_, id, ReferralStatus::kDeclined, 3).status(),
              StatusIs(StatusCode::kFailedPrecondition, "status"));

  EXPECT_THAT(Refer("albergue").status(), StatusIs(StatusCode::kFailedPrecondition, "service"));
  Organisation closed = clinic_;
  closed.accepts_referrals = false;
  ASSERT_OK(referrals_->UpdateOrganisation(coordinator_, closed));
  EXPECT_THAT(Refer().status(), StatusIs(StatusCode::kFailedPrecondition, "organisation_id"));
  EXPECT_THAT(referrals_->DeleteOrganisation(coordinator_, clinic_.id, 2), StatusCodeIs(StatusCode::kFailedPrecondition));
}

TEST_P(ReferralServiceTest, MembersSeeAndUpdateOnlyTheReferralsSentToThem) {
  ASSERT_OK(Refer());
  auto other = referrals_->CreateOrganisation(coordinator_, Clinic());
  ASSERT_OK(other);
  ASSERT_OK(referrals_->CreateReferral(coordinator_, Referral{0, person_id_, other->id, "medical_care", ""}));

  const Actor member = UserActor("clinica.recepcion", Role::kAnalyst);
  const Actor outsider = UserActor("otra.persona", Role::kAnalyst);
  ASSERT_OK(referrals_->AddMember(coordinator_, clinic_.id, member.user.username));
  EXPECT_THAT(referrals_->AddMember(coordinator_, clinic_.id, "nadie").status(),
              StatusIs(StatusCode::kInvalidArgument, "username"));
  EXPECT_THAT(referrals_->AddMember(member, clinic_.id, "otra.persona").status(),
              StatusCodeIs(StatusCode::kPermissionDenied));

  auto inbox = referrals_->Inbox(member);
  ASSERT_OK(inbox);
  ASSERT_EQ(inbox->size(), 1u);
  EXPECT_EQ((*inbox)[0].referral.organisation_id, clinic_.id);
  EXPECT_EQ((*inbox)[0].person_name, "Rosa Luna Vega");
  EXPECT_TRUE(referrals_->Inbox(outsider)->empty());

  const int64_t mine = (*inbox)[0].referral.id;
  EXPECT_THAT(referrals_->UpdateReferralStatus(outsider, mine, ReferralStatus::kAccepted, 1).status(),
              StatusCodeIs(StatusCode::kNotFound));
  auto accepted = referrals_->UpdateReferralStatus(member, mine, ReferralStatus::kAccepted, 1);
  ASSERT_OK(accepted);
  EXPECT_EQ(accepted->referral.updated_by, "clinica.recepcion");
  // The member cannot read the person's referrals as staff do.
  EXPECT_THAT(referrals_->ListReferralsOfPerson(member, person_id_).status(),
              StatusCodeIs(StatusCode::kPermissionDenied));
  auto seen = referrals_->ListReferralsOfPerson(coordinator_, person_id_);
  ASSERT_OK(seen);
  ASSERT_EQ(seen->size(), 2u);
  EXPECT_EQ((*seen)[1].referral.status, ReferralStatus::kAccepted);

  ASSERT_OK(referrals_->RemoveMember(coordinator_, clinic_.id, member.user.id));
  EXPECT_TRUE(referrals_->Inbox(member)->empty());
}

TEST_P(ReferralServiceTest, TheNoteIsSealedAtRestAndReadBackInClear) {
  auto sent = Refer();
  ASSERT_OK(sent);
  EXPECT_EQ(sent->referral.note, "Dolor de muelas");
  auto listed = referrals_->ListReferralsOfPerson(coordinator_, person_id_);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].referral.note, "Dolor de muelas");
  auto connection = OpenSqlConnection(database_.url());
  ASSERT_OK(connection);
  auto stmt = (*connection)->Prepare("SELECT note FROM referral");
  ASSERT_OK(stmt);
  auto has_row = (*stmt)->Step();
  ASSERT_OK(has_row);
  ASSERT_TRUE(*has_row);
  const std::string raw = (*stmt)->Text(0);
  EXPECT_EQ(raw.rfind("v1.", 0), 0u) << raw;
  EXPECT_EQ(raw.find("muelas"), std::string::npos) << raw;

  // Retention's anonymisation blanks the note; the referral stays for the counts.
  ASSERT_OK(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.AnonymisePerson(person_id_); }));
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Referral kept, tx.GetReferral(sent->referral.id));
    EXPECT_EQ(kept.note, "");
    EXPECT_EQ(kept.status, ReferralStatus::kSent);
    return OkStatus();
  }));
}

TEST_P(ReferralServiceTest, StaffOfOtherSitesNeitherSeeNorReferThePerson) {
  const Actor elsewhere = testing::TestActor(Role::kRegistrar, {site_id_ + 100});
  EXPECT_THAT(referrals_->ListReferralsOfPerson(elsewhere, person_id_).status(), StatusCodeIs(StatusCode::kNotFound));
  EXPECT_THAT(referrals_->CreateReferral(elsewhere, Referral{0, person_id_, clinic_.id, "medical_care", ""}).status(),
              StatusCodeIs(StatusCode::kNotFound));
  auto sent = Refer();
  ASSERT_OK(sent);
  EXPECT_THAT(referrals_->UpdateReferralStatus(elsewhere, sent->referral.id, ReferralStatus::kAccepted, 1).status(),
              StatusCodeIs(StatusCode::kNotFound));
}

}  // namespace
}  // namespace acogida
