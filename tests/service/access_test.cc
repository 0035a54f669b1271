// Roles, per-site scoping and the audit trail through the services, on each backend (a real
// SQLite file, a real PostgreSQL database): who may register, read and search where; break-glass reasons; every read audited; the
// hash chain detects a changed or removed row.
#include <gtest/gtest.h>

#include "service/audit_service.h"
#include "service/intake_service.h"
#include "service/person_service.h"
#include "service/site_service.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/execute_sql.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using testing::Backend;
using testing::ExecuteSql;
using testing::MakePerson;
using testing::StatusCodeIs;
using testing::StatusIs;
using testing::TestActor;

class AccessTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto opened = database_.Open();
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    sites_ = std::make_unique<SiteService>(*store_);
    intake_ = std::make_unique<IntakeService>(*store_, SystemClock());
    persons_ = std::make_unique<PersonService>(*store_);
    audit_ = std::make_unique<AuditService>(*store_, SystemClock());
    for (int64_t* site_id : {&site_a_, &site_b_}) {
      auto site = sites_->Create(admin_, testing::TijuanaCentre());
      ASSERT_OK(site);
      *site_id = site->id;
    }
    person_a_ = Register(coordinator_, site_a_, "Lucía", "Ramírez");
    person_b_ = Register(coordinator_, site_b_, "Lucía", "Ramos");
  }

  int64_t Register(const Actor& actor, int64_t site_id, const char* given, const char* surname) {
    NewHousehold input;
    input.site_id = site_id;
    input.members = {MakePerson(given, surname, "Soto")};
    auto household = intake_->Register(actor, input);
    EXPECT_OK(household);
    return household.ok() ? household->members[0].id : 0;
  }

  AuditPage AuditOf(int64_t person_id) {
    auto page = audit_->List(admin_, AuditFilter{"", "read", "person", person_id, 50, 0});
    EXPECT_OK(page);
    return page.ok() ? *page : AuditPage{};
  }

  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<SiteService> sites_;
  std::unique_ptr<IntakeService> intake_;
  std::unique_ptr<PersonService> persons_;
  std::unique_ptr<AuditService> audit_;
  int64_t site_a_ = 0, site_b_ = 0, person_a_ = 0, person_b_ = 0;
  const Actor admin_ = TestActor(Role::kAdministrator, {}, 1);
  const Actor coordinator_ = TestActor(Role::kCoordinator, {}, 2);
};

INSTANTIATE_TEST_SUITE_P(Backends, AccessTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(AccessTest, RegistrarRegistersOnlyAtOwnSites) {
  Actor registrar = TestActor(Role::kRegistrar, {site_a_}, 3);
  EXPECT_NE(Register(registrar, site_a_, "Ana", "Pérez"), 0);
  NewHousehold elsewhere;
  elsewhere.site_id = site_b_;
  elsewhere.members = {MakePerson("Ana", "Pérez", "Soto")};
  EXPECT_THAT(intake_->Register(registrar, elsewhere), StatusIs(StatusCode::kPermissionDenied, "site_id"));
}

TEST_P(AccessTest, PersonAtAnotherSiteIsNotFoundForSiteStaff) {
  for (Role role : {Role::kRegistrar, Role::kShelterStaff}) {
    Actor staff = TestActor(role, {site_a_}, 3);
    EXPECT_OK(persons_->Get(staff, person_a_).status());
    EXPECT_THAT(persons_->Get(staff, person_b_), StatusCodeIs(StatusCode::kNotFound));
    EXPECT_THAT(persons_->Get(staff, 999999), StatusCodeIs(StatusCode::kNotFound));
  }
}

TEST_P(AccessTest, SearchOfSiteStaffSeesOnlyTheirSites) {
  Actor registrar = TestActor(Role::kRegistrar, {site_a_}, 3);
  auto page = persons_->Search(registrar, PersonQuery{"lucia", 20, 0});
  ASSERT_OK(page);
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].id, person_a_);
  auto everyone = persons_->Search(coordinator_, PersonQuery{"lucia", 20, 0});
  ASSERT_OK(everyone);
  EXPECT_EQ(everyone->total, 2);
}

TEST_P(AccessTest, CoordinatorMustGiveAReasonAndItIsAudited) {
  Actor no_reason = coordinator_;
  no_reason.reason.clear();
  EXPECT_THAT(persons_->Get(no_reason, person_b_), StatusIs(StatusCode::kPermissionDenied, "reason"));
  EXPECT_EQ(AuditOf(person_b_).total, 0);  // a refused read is not a read
  Actor with_reason = coordinator_;
  with_reason.reason = "búsqueda de familiar, folio 12";
  ASSERT_OK(persons_->Get(with_reason, person_b_).status());
  AuditPage page = AuditOf(person_b_);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].reason, "búsqueda de familiar, folio 12");
  EXPECT_EQ(page.items[0].username, "test.coordinator");
  EXPECT_NE(std::find(page.items[0].fields.begin(), page.items[0].fields.end(), "given_names"),
            page.items[0].fields.end());
}

TEST_P(AccessTest, RolesWithoutPersonAccessAreRefused) {
  for (Role role : {Role::kAdministrator, Role::kLawyer, Role::kAnalyst}) {
    Actor actor = TestActor(role, {site_a_}, 4);
    EXPECT_THAT(persons_->Get(actor, person_a_), StatusCodeIs(StatusCode::kPermissionDenied)) << RoleName(role);
    EXPECT_THAT(persons_->Search(actor, PersonQuery{"", 20, 0}), StatusCodeIs(StatusCode::kPermissionDenied));
    NewHousehold input;
    input.site_id = site_a_;
    input.members = {MakePerson("Ana", "Pérez", "Soto")};
    EXPECT_THAT(intake_->Register(actor, input), StatusCodeIs(StatusCode::kPermissionDenied));
  }
}

TEST_P(AccessTest, ShelterStaffEditSectionsOnlyAtTheirSites) {
  Actor staff = TestActor(Role::kShelterStaff, {site_a_}, 5);
  EXPECT_OK(sites_->CreateSection(staff, testing::MenSection(site_a_)).status());
  EXPECT_THAT(sites_->CreateSection(staff, testing::MenSection(site_b_)), StatusCodeIs(StatusCode::kPermissionDenied));
  EXPECT_THAT(sites_->Create(staff, testing::TijuanaCentre()), StatusCodeIs(StatusCode::kPermissionDenied));
}

TEST_P(AccessTest, EveryReadAndWriteIsInTheChainAndTamperingIsDetected) {
  Actor registrar = TestActor(Role::kRegistrar, {site_a_}, 3);
  ASSERT_OK(persons_->Get(registrar, person_a_).status());
  ASSERT_OK(persons_->Search(registrar, PersonQuery{"ramirez", 20, 0}).status());
  auto check = audit_->Verify(admin_);
  ASSERT_OK(check);
  EXPECT_TRUE(check->ok);
  EXPECT_GE(check->rows, 8);  // 2 sites, 2 households, 2 persons, a read, a search

  // Change one row's reason behind the application's back.
  ASSERT_TRUE(ExecuteSql(database_, "UPDATE audit_log SET reason = 'nada que ver' WHERE id = 3"));
  auto tampered = audit_->Verify(admin_);
  ASSERT_OK(tampered);
  EXPECT_FALSE(tampered->ok);
  EXPECT_EQ(tampered->first_bad_id, 3);

  // Removing a row instead (after restoring nothing) is detected at the next row.
  ASSERT_TRUE(ExecuteSql(database_, "DELETE FROM audit_log WHERE id <= 3"));
  auto removed = audit_->Verify(admin_);
  ASSERT_OK(removed);
  EXPECT_FALSE(removed->ok);
  EXPECT_EQ(removed->first_bad_id, 4);
}

TEST_P(AccessTest, OnlyAdministratorsReadTheAudit) {
  EXPECT_THAT(audit_->List(coordinator_, AuditFilter{}), StatusCodeIs(StatusCode::kPermissionDenied));
  EXPECT_THAT(audit_->Verify(coordinator_), StatusCodeIs(StatusCode::kPermissionDenied));
}

TEST_P(AccessTest, BulkReadsRaiseAnAlert) {
  AuditService strict(*store_, SystemClock(), AuditOptions{3, std::chrono::minutes(10)});
  Actor registrar = TestActor(Role::kRegistrar, {site_a_}, 3);
  for (int read = 0; read < 4; ++read) ASSERT_OK(persons_->Get(registrar, person_a_).status());
  auto alerts = strict.Alerts(admin_);
  ASSERT_OK(alerts);
  ASSERT_EQ(alerts->size(), 1u);
  EXPECT_EQ((*alerts)[0].username, "test.registrar");
  EXPECT_EQ((*alerts)[0].kind, "bulk_read");
}

}  // namespace
}  // namespace acogida
