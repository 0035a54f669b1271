// Consents (recorded at intake, withdrawable, respected by family tracing) and the retention
// job (anonymises persons past their period or without consent to services), on each backend
// (a real SQLite file, a real PostgreSQL database).
#include <gtest/gtest.h>

#include "service/intake_service.h"
#include "service/person_service.h"
#include "service/retention_service.h"
#include "service/site_service.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using namespace std::chrono;
using testing::Backend;
using testing::MakePerson;
using testing::StatusIs;
using testing::TestActor;

class ConsentRetentionTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    StoreOptions options;
    options.clock = [this] { return now_; };
    auto opened = database_.Open(options);
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    sites_ = std::make_unique<SiteService>(*store_);
    intake_ = std::make_unique<IntakeService>(*store_, [this] { return now_; });
    persons_ = std::make_unique<PersonService>(*store_);
    for (int64_t* site_id : {&site_a_, &site_b_}) {
      auto site = sites_->Create(admin_, testing::TijuanaCentre());
      ASSERT_OK(site);
      *site_id = site->id;
    }
  }

  int64_t Register(int64_t site_id, const char* given, bool tracing) {
    Person person = MakePerson(given, "Olvera", "Cano");
    person.consents.family_tracing = tracing;
    person.consents.share_with = {"Casa del Migrante"};
    NewHousehold input;
    input.site_id = site_id;
    input.members = {person};
    auto household = intake_->Register(coordinator_, input);
    EXPECT_OK(household);
    return household.ok() ? household->members[0].id : 0;
  }

  std::vector<std::string> Traced(const Actor& actor, const char* query) {
    auto matches = persons_->Trace(actor, PersonQuery{query, 20, 0});
    EXPECT_OK(matches);
    std::vector<std::string> names;
    if (matches.ok()) {
      for (const TracingMatch& match : *matches) names.push_back(match.full_name);
    }
    return names;
  }

  UtcTime now_ = sys_days(year(2026) / 1 / 10) + hours(12);
  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<SiteService> sites_;
  std::unique_ptr<IntakeService> intake_;
  std::unique_ptr<PersonService> persons_;
  int64_t site_a_ = 0, site_b_ = 0;
  const Actor admin_ = TestActor(Role::kAdministrator, {}, 1);
  const Actor coordinator_ = TestActor(Role::kCoordinator, {}, 2);
};

INSTANTIATE_TEST_SUITE_P(Backends, ConsentRetentionTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(ConsentRetentionTest, IntakeRequiresConsentToServices) {
  NewHousehold input;
  input.site_id = site_a_;
  input.members = {MakePerson("Tomás", "Olvera", "Cano"), MakePerson("Eva", "Olvera", "Cano", Relationship::kChild)};
  input.members[1].consents.services = false;
  EXPECT_THAT(intake_->Register(coordinator_, input), StatusIs(StatusCode::kInvalidArgument, "members[1].consents.services"));
}

TEST_P(ConsentRetentionTest, ConsentsAreRecordedAndReadBack) {
  int64_t person_id = Register(site_a_, "Tomás", true);
  auto detail = persons_->Get(coordinator_, person_id);
  ASSERT_OK(detail);
  EXPECT_TRUE(detail->person.consents.services);
  EXPECT_TRUE(detail->person.consents.family_tracing);
  EXPECT_EQ(detail->person.consents.share_with, std::vector<std::string>{"Casa del Migrante"});
  auto changed = persons_->UpdateConsents(coordinator_, person_id, Consents{true, true, {}});
  ASSERT_OK(changed);
  EXPECT_TRUE(changed->share_with.empty());  // sharing withdrawn
}

TEST_P(ConsentRetentionTest, TracingFindsOnlyConsentingPersonsAcrossSitesAndWithdrawalHidesThem) {
  int64_t tomas = Register(site_b_, "Tomás", true);
  Register(site_b_, "Tobías", false);
  const Actor registrar_elsewhere = TestActor(Role::kRegistrar, {site_a_}, 3);
  EXPECT_EQ(Traced(registrar_elsewhere, "to olvera"), std::vector<std::string>{"Tomás Olvera Cano"});

  ASSERT_OK(persons_->UpdateConsents(coordinator_, tomas, Consents{true, false, {}}).status());
  EXPECT_TRUE(Traced(registrar_elsewhere, "to olvera").empty());
  ASSERT_OK(persons_->UpdateConsents(coordinator_, tomas, Consents{true, true, {}}).status());
  EXPECT_EQ(Traced(registrar_elsewhere, "tomas").size(), 1u);
  EXPECT_THAT(persons_->Trace(TestActor(Role::kAnalyst), PersonQuery{"tomas", 20, 0}),
              testing::StatusCodeIs(StatusCode::kPermissionDenied));
}

TEST_P(ConsentRetentionTest, RetentionAnonymisesInactiveAndWithdrawnPersonsKeepingAggregates) {
  int64_t old_person = Register(site_a_, "Tomás", true);
  now_ += days(300);
  int64_t recent = Register(site_a_, "Rebeca", true);
  int64_t withdrawn = Register(site_a_, "Saúl", true);
  ASSERT_OK(persons_->UpdateConsents(coordinator_, withdrawn, Consents{false, false, {}}).status());

  now_ += days(100);  // the first is now 400 days inactive, the others 100
  RetentionService retention(*store_, [this] { return now_; }, RetentionOptions{days(365)});
  EXPECT_THAT(retention.Purge(coordinator_), testing::StatusCodeIs(StatusCode::kPermissionDenied));
  auto purged = retention.Purge(admin_);
  ASSERT_OK(purged);
  EXPECT_EQ(*purged, 2);

  auto anonymised = persons_->Get(coordinator_, old_person);
  ASSERT_OK(anonymised);
  EXPECT_EQ(anonymised->person.FullName(), "");
  EXPECT_EQ(anonymised->person.birth_date.ToString(), "1985");  // year kept, day and month dropped
  EXPECT_EQ(anonymised->person.sex, Sex::kFemale);               // kept for counts
  EXPECT_FALSE(anonymised->person.anonymised_at.empty());
  EXPECT_EQ(anonymised->arrivals.size(), 1u);
  EXPECT_EQ(persons_->Get(coordinator_, withdrawn)->person.FullName(), "");
  EXPECT_EQ(persons_->Get(coordinator_, recent)->person.FullName(), "Rebeca Olvera Cano");

  auto search = persons_->Search(coordinator_, PersonQuery{"olvera", 20, 0});
  ASSERT_OK(search);
  EXPECT_EQ(search->total, 1);
  EXPECT_TRUE(Traced(coordinator_, "tomas").empty());
  EXPECT_EQ(*retention.Purge(admin_), 0);  // nothing left to do
}

}  // namespace
}  // namespace acogida
