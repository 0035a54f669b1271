// Intake, person reads and demo data through the services, on each backend (a real SQLite
// file, a real PostgreSQL database) with a fixed clock.
#include <gtest/gtest.h>

#include "service/demo_data.h"
#include "service/intake_service.h"
#include "service/person_service.h"
#include "service/site_service.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using testing::Backend;
using testing::MakePerson;
using testing::StatusCodeIs;
using testing::StatusIs;

UtcTime FixedNow() {
  return UtcTime(std::chrono::sys_days(std::chrono::year(2026) / 11 / 29)) + std::chrono::hours(18);
}

class IntakeServiceTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto opened = database_.Open();
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    sites_ = std::make_unique<SiteService>(*store_);
    intake_ = std::make_unique<IntakeService>(*store_, FixedNow);
    persons_ = std::make_unique<PersonService>(*store_);
    auto site = sites_->Create(coordinator_, testing::TijuanaCentre());
    ASSERT_OK(site);
    site_id_ = site->id;
  }

  NewHousehold Family() {
    NewHousehold input;
    input.site_id = site_id_;
    input.mode = ArrivalMode::kBus;
    input.batch_id = "Autobús 14";
    input.arrived_at = "2026-11-29T16:30:00Z";
    input.members = {MakePerson("María Guadalupe", "Hernández", "López"),
                     MakePerson("José Luis", "Martínez", "Ruiz", Relationship::kSpouse),
                     MakePerson("Ximena", "Martínez", "Hernández", Relationship::kChild)};
    input.members[1].sex = Sex::kMale;
    input.members[2].birth_date = BirthDate{2015, 0, 0};
    return input;
  }

  int64_t CountPersons() {
    auto page = persons_->Search(coordinator_, PersonQuery{"", 1, 0});
    EXPECT_OK(page);
    return page.ok() ? page->total : -1;
  }

  const Actor coordinator_ = testing::TestActor(Role::kCoordinator);
  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<SiteService> sites_;
  std::unique_ptr<IntakeService> intake_;
  std::unique_ptr<PersonService> persons_;
  int64_t site_id_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, IntakeServiceTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(IntakeServiceTest, RegistersAHouseholdWithAnArrivalPerMember) {
  auto household = intake_->Register(coordinator_, Family());
  ASSERT_OK(household);
  ASSERT_EQ(household->members.size(), 3u);
  for (const Person& member : household->members) {
    auto detail = persons_->Get(coordinator_, member.id);
    ASSERT_OK(detail);
    ASSERT_EQ(detail->arrivals.size(), 1u);
    EXPECT_EQ(detail->arrivals[0].arrival.arrived_at, "2026-11-29T16:30:00Z");
    EXPECT_EQ(detail->arrivals[0].arrival.batch_id, "Autobús 14");
    EXPECT_EQ(detail->person.household_id, household->id);
  }
}

TEST_P(IntakeServiceTest, FindsTheFamilyByAccentlessPartialName) {
  ASSERT_OK(intake_->Register(coordinator_, Family()));
  auto page = persons_->Search(coordinator_, PersonQuery{"HERNANDEZ lop", 20, 0});
  ASSERT_OK(page);
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].given_names, "María Guadalupe");
  auto both = persons_->Search(coordinator_, PersonQuery{"hernan", 20, 0});
  ASSERT_OK(both);
  EXPECT_EQ(both->total, 2);  // María Guadalupe Hernández and Ximena Martínez Hernández
}

TEST_P(IntakeServiceTest, InvalidMemberNamesItsFieldAndWritesNothing) {
  NewHousehold input = Family();
  input.members[2].birth_date = BirthDate{2030, 1, 1};  // in the future
  EXPECT_THAT(intake_->Register(coordinator_, input), StatusIs(StatusCode::kInvalidArgument, "members[2].birth_date"));
  EXPECT_EQ(CountPersons(), 0);
}

TEST_P(IntakeServiceTest, UnknownSiteIsAnInvalidSiteIdAndWritesNothing) {
  NewHousehold input = Family();
  input.site_id = 9999;
  EXPECT_THAT(intake_->Register(coordinator_, input), StatusIs(StatusCode::kInvalidArgument, "site_id"));
  EXPECT_EQ(CountPersons(), 0);
}

TEST_P(IntakeServiceTest, ArrivalInTheFutureIsRejected) {
  NewHousehold input = Family();
  input.arrived_at = "2026-12-01T00:00:00Z";
  EXPECT_THAT(intake_->Register(coordinator_, input), StatusIs(StatusCode::kInvalidArgument, "arrived_at"));
}

TEST_P(IntakeServiceTest, MalformedArrivalTimeIsRejected) {
  NewHousehold input = Family();
  input.arrived_at = "29/11/2026 10:00";
  EXPECT_THAT(intake_->Register(coordinator_, input), StatusIs(StatusCode::kInvalidArgument, "arrived_at"));
}

TEST_P(IntakeServiceTest, ArrivalsOfADayFollowTheSiteTimeZone) {
  NewHousehold input = Family();
  input.arrived_at = "2026-11-29T07:30:00Z";  // 23:30 on the 28th in Tijuana (UTC-8)
  ASSERT_OK(intake_->Register(coordinator_, input));
  auto on_28th = persons_->ArrivalsAtSite(coordinator_, site_id_, "2026-11-28");
  ASSERT_OK(on_28th);
  EXPECT_EQ(on_28th->items.size(), 3u);
  auto on_29th = persons_->ArrivalsAtSite(coordinator_, site_id_, "2026-11-29");
  ASSERT_OK(on_29th);
  EXPECT_TRUE(on_29th->items.empty());
  EXPECT_THAT(persons_->ArrivalsAtSite(coordinator_, site_id_, "2026-13-01"), StatusIs(StatusCode::kInvalidArgument, "date"));
}

TEST_P(IntakeServiceTest, SearchPagingIsValidated) {
  EXPECT_THAT(persons_->Search(coordinator_, PersonQuery{"x", 0, 0}), StatusIs(StatusCode::kInvalidArgument, "limit"));
  EXPECT_THAT(persons_->Search(coordinator_, PersonQuery{"x", 101, 0}), StatusIs(StatusCode::kInvalidArgument, "limit"));
  EXPECT_THAT(persons_->Search(coordinator_, PersonQuery{"x", 10, -1}), StatusIs(StatusCode::kInvalidArgument, "offset"));
}

TEST_P(IntakeServiceTest, SiteEditWithStaleVersionIsAborted) {
  auto detail = sites_->Get(coordinator_, site_id_);
  ASSERT_OK(detail);
  Site edit = detail->site;
  edit.name = "Centro renovado";
  ASSERT_OK(sites_->Update(coordinator_, edit));
  EXPECT_THAT(sites_->Update(coordinator_, edit), StatusCodeIs(StatusCode::kAborted));  // still carries version 1
}

class DemoDataTest : public ::testing::TestWithParam<Backend> {};

INSTANTIATE_TEST_SUITE_P(Backends, DemoDataTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(DemoDataTest, FillsAFreshDatabaseDeterministicallyAndOnlyOnce) {
  DemoDataOptions options;
  options.seed = 11;
  options.persons = 300;
  DemoDataReport reports[2];
  for (int run = 0; run < 2; ++run) {
    testing::TestDatabase database(GetParam());
    SKIP_IF_UNAVAILABLE(database);
    auto store = database.Open();
    ASSERT_OK(store);
    auto report = LoadDemoData(**store, FixedNow, options);
    ASSERT_OK(report);
    reports[run] = *report;
    if (run == 0) {
      EXPECT_THAT(LoadDemoData(**store, FixedNow, options), StatusCodeIs(StatusCode::kFailedPrecondition));
    }
  }
  EXPECT_GE(reports[0].sites, 11 * 2);  // a centre and at least one shelter per city
  EXPECT_GE(reports[0].persons, 250);
  EXPECT_LE(reports[0].persons, 400);
  EXPECT_EQ(reports[0].persons, reports[1].persons);
  EXPECT_EQ(reports[0].households, reports[1].households);
  EXPECT_EQ(reports[0].sections, reports[1].sections);
}

}  // namespace
}  // namespace acogida
