// Identity resolution through the service, on each backend: likely earlier records while a
// registrar types (nicknames, namesakes, other sites), staff's same/different decisions and
// their undoing, a second server's registrations, fuzzy search and fuzzy tracing, and
// anonymised persons leaving the index.
#include <gtest/gtest.h>

#include <chrono>

#include "core/curp.h"
#include "service/identity_service.h"
#include "service/intake_service.h"
#include "service/person_service.h"
#include "service/retention_service.h"
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

std::string WithCheckDigit(const std::string& first17) { return first17 + CurpCheckDigit(first17); }

Person Jose() {
  Person person = MakePerson("José Luis", "Hernández", "García");
  person.sex = Sex::kMale;
  person.birth_date = BirthDate{1985, 3, 12};
  return person;
}

class IdentityServiceTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto opened = database_.Open();
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    sites_ = std::make_unique<SiteService>(*store_);
    intake_ = std::make_unique<IntakeService>(*store_, SystemClock());
    persons_ = std::make_unique<PersonService>(*store_);
    identity_ = std::make_unique<IdentityService>(*store_);
    for (int64_t* site_id : {&site_a_, &site_b_}) {
      auto site = sites_->Create(coordinator_, testing::TijuanaCentre());
      ASSERT_OK(site);
      *site_id = site->id;
    }
    registrar_a_ = testing::TestActor(Role::kRegistrar, {site_a_}, 7);
  }

  int64_t Register(IntakeService& intake, int64_t site_id, Person person) {
    NewHousehold input;
    input.site_id = site_id;
    input.members = {std::move(person)};
    auto household = intake.Register(coordinator_, input);
    EXPECT_OK(household);
    return household.ok() ? household->members[0].id : 0;
  }
  int64_t Register(int64_t site_id, Person person) { return Register(*intake_, site_id, std::move(person)); }

  Person Pepe() {
    Person draft;
    draft.given_names = "Pepe";
    draft.paternal_surname = "Hernandez";
    draft.maternal_surname = "Garcia";
    draft.sex = Sex::kMale;
    draft.birth_date = BirthDate{1985, 3, 12};
    draft.consents.services = true;
    return draft;
  }

  const Actor coordinator_ = testing::TestActor(Role::kCoordinator);
  Actor registrar_a_;
  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<SiteService> sites_;
  std::unique_ptr<IntakeService> intake_;
  std::unique_ptr<PersonService> persons_;
  std::unique_ptr<IdentityService> identity_;
  int64_t site_a_ = 0, site_b_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, IdentityServiceTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(IdentityServiceTest, ProposesANicknameVariantWithHighProbabilityAndExplainsIt) {
  const int64_t jose = Register(site_a_, Jose());
  Register(site_a_, MakePerson("Rosa", "Luna", "Vega"));
  auto matches = identity_->Matches(registrar_a_, Pepe());
  ASSERT_OK(matches);
  ASSERT_EQ(matches->size(), 1u);
  const IdentityMatch& match = (*matches)[0];
  EXPECT_TRUE(match.visible);
  EXPECT_EQ(match.person_id, jose);
  EXPECT_GT(match.probability, 0.95);
  EXPECT_EQ(match.full_name, "José Luis Hernández García");
  EXPECT_EQ(match.birth_date, "1985-03-12");
  EXPECT_FALSE(match.registered_at.empty());
  EXPECT_EQ(match.site_name, testing::TijuanaCentre().name);
  ASSERT_EQ(match.explanation.fields.size(), 6u);
  EXPECT_EQ(match.explanation.fields[0].comparison, "given_names");

  // The search is audited with the person shown.
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    AuditFilter filter;
    filter.action = "search";
    ASSIGN_OR_RETURN(AuditPage page, tx.ListAudit(filter));
    EXPECT_GE(page.items.size(), 1u);
    if (!page.items.empty()) {
      EXPECT_EQ(page.items[0].username, registrar_a_.user.username);
      EXPECT_EQ(page.items[0].fields, std::vector<std::string>{"person:" + std::to_string(jose)});
    }
    return OkStatus();
  }));
}

TEST_P(IdentityServiceTest, DoesNotProposeANamesakeBornAnotherDayWithAnotherCurp) {
  Person namesake = Jose();
  namesake.birth_date = BirthDate{1991, 7, 30};
  namesake.curp = WithCheckDigit("HEGJ910730HMNRRS0");
  Register(site_a_, namesake);
  Person draft = Pepe();
  draft.curp = WithCheckDigit("HEGJ850312HMNRRS0");
  auto matches = identity_->Matches(registrar_a_, draft);
  ASSERT_OK(matches);
  EXPECT_TRUE(matches->empty()) << (*matches)[0].probability;

  draft.curp = "";  // the birth date alone tells them apart too
  matches = identity_->Matches(registrar_a_, draft);
  ASSERT_OK(matches);
  EXPECT_TRUE(matches->empty()) << (*matches)[0].probability;
}

TEST_P(IdentityServiceTest, ACandidateAtAnotherSiteComesBackWithoutIdentifyingFields) {
  Register(site_b_, Jose());
  auto matches = identity_->Matches(registrar_a_, Pepe());
  ASSERT_OK(matches);
  ASSERT_EQ(matches->size(), 1u);
  const IdentityMatch& match = (*matches)[0];
  EXPECT_FALSE(match.visible);
  EXPECT_EQ(match.person_id, 0);
  EXPECT_EQ(match.full_name, "");
  EXPECT_EQ(match.birth_date, "");
  EXPECT_GT(match.probability, 0.95);
  EXPECT_FALSE(match.site_name.empty());
  EXPECT_FALSE(match.explanation.fields.empty());
}

TEST_P(IdentityServiceTest, RefusesDraftsWithoutNamesAndRolesThatDoNotRegister) {
  Person draft;
  draft.birth_date = BirthDate{1985, 3, 12};
  EXPECT_THAT(identity_->Matches(registrar_a_, draft).status(), StatusIs(StatusCode::kInvalidArgument, "given_names"));
  EXPECT_THAT(identity_->Matches(testing::TestActor(Role::kAnalyst), Pepe()).status(),
              StatusCodeIs(StatusCode::kPermissionDenied));
}

TEST_P(IdentityServiceTest, ADifferentDecisionSuppressesThePairAndIsKept) {
  const int64_t jose = Register(site_a_, Jose());
  Person again = Jose();
  again.given_names = "Pepe";
  const int64_t pepe = Register(site_a_, again);
  auto before = identity_->Matches(registrar_a_, again, pepe);
  ASSERT_OK(before);
  ASSERT_EQ(before->size(), 1u);
  EXPECT_EQ((*before)[0].person_id, jose);

  auto split = identity_->Decide(registrar_a_, pepe, jose, LinkDecision::kDifferent, "hermanos, lo confirmó");
  ASSERT_OK(split);
  EXPECT_EQ(split->person_id, std::min(jose, pepe));
  auto after = identity_->Matches(registrar_a_, again, pepe);
  ASSERT_OK(after);
  EXPECT_TRUE(after->empty());
  EXPECT_THAT(identity_->Undo(registrar_a_, split->id).status(), StatusCodeIs(StatusCode::kFailedPrecondition));
  EXPECT_THAT(identity_->Decide(registrar_a_, jose, pepe, LinkDecision::kSame, "otra vez").status(),
              StatusCodeIs(StatusCode::kAlreadyExists));
}

TEST_P(IdentityServiceTest, ASameLinkShowsOnTheProfileAndCanBeUndone) {
  const int64_t jose = Register(site_a_, Jose());
  const int64_t pepe = Register(site_a_, Pepe());
  const int64_t elsewhere = Register(site_b_, Jose());
  EXPECT_THAT(identity_->Decide(registrar_a_, jose, elsewhere, LinkDecision::kSame, "misma persona").status(),
              StatusCodeIs(StatusCode::kNotFound));
  EXPECT_THAT(identity_->Decide(registrar_a_, jose, jose, LinkDecision::kSame, "misma persona").status(),
              StatusIs(StatusCode::kInvalidArgument, "other_id"));
  EXPECT_THAT(identity_->Decide(registrar_a_, jose, pepe, LinkDecision::kSame, "").status(),
              StatusIs(StatusCode::kInvalidArgument, "reason"));

  auto link = identity_->Decide(registrar_a_, jose, pepe, LinkDecision::kSame, "misma CURP en papel");
  ASSERT_OK(link);
  auto detail = persons_->Get(registrar_a_, jose);
  ASSERT_OK(detail);
  EXPECT_EQ(detail->linked_ids, std::vector<int64_t>{pepe});

  auto undone = identity_->Undo(registrar_a_, link->id);
  ASSERT_OK(undone);
  EXPECT_FALSE(undone->in_force());
  EXPECT_EQ(undone->undone_by, registrar_a_.user.username);
  EXPECT_THAT(identity_->Undo(registrar_a_, link->id).status(), StatusCodeIs(StatusCode::kFailedPrecondition));
  auto links = identity_->Links(registrar_a_, pepe);
  ASSERT_OK(links);
  ASSERT_EQ(links->size(), 1u);  // kept as history
  EXPECT_FALSE((*links)[0].undone_at.empty());
  detail = persons_->Get(registrar_a_, jose);
  ASSERT_OK(detail);
  EXPECT_TRUE(detail->linked_ids.empty());
  // Linked again after the undo; a registrar of another site does not see the link.
  ASSERT_OK(identity_->Decide(registrar_a_, jose, pepe, LinkDecision::kSame, "sí era él").status());
  const Actor registrar_b = testing::TestActor(Role::kRegistrar, {site_b_}, 8);
  EXPECT_THAT(identity_->Links(registrar_b, jose).status(), StatusCodeIs(StatusCode::kNotFound));
  EXPECT_THAT(identity_->Undo(registrar_b, link->id).status(), StatusCodeIs(StatusCode::kNotFound));
}

TEST_P(IdentityServiceTest, FindsAPersonRegisteredThroughAnotherServer) {
  Register(site_a_, MakePerson("Rosa", "Luna", "Vega"));
  ASSERT_OK(identity_->Matches(registrar_a_, Pepe()).status());  // loaded before the other registers
  auto other_store = database_.Open();
  ASSERT_OK(other_store);
  IntakeService other_intake(**other_store, SystemClock());
  const int64_t jose = Register(other_intake, site_a_, Jose());
  auto matches = identity_->Matches(registrar_a_, Pepe());
  ASSERT_OK(matches);
  ASSERT_EQ(matches->size(), 1u);
  EXPECT_EQ((*matches)[0].person_id, jose);
}

TEST_P(IdentityServiceTest, FuzzySearchFindsMisspeltNicknamesWithinTheActorsSites) {
  const int64_t jose = Register(site_a_, Jose());
  Register(site_b_, Jose());
  Register(site_a_, MakePerson("Rosa", "Luna", "Vega"));
  auto page = identity_->Search(registrar_a_, PersonQuery{"Pepe Hernandes", 20, 0});
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, jose);
  page = identity_->Search(coordinator_, PersonQuery{"Hernández García José", 20, 0});
  ASSERT_OK(page);
  EXPECT_EQ(page->items.size(), 2u);
  EXPECT_THAT(identity_->Search(registrar_a_, PersonQuery{"José", 20, 0}).status(),
              StatusIs(StatusCode::kInvalidArgument, "q"));
}

TEST_P(IdentityServiceTest, FuzzyTracingFindsOnlyPersonsWhoConsent) {
  Person consenting = Jose();
  consenting.consents.family_tracing = true;
  const int64_t found = Register(site_b_, consenting);
  Register(site_a_, Jose());  // no consent to be found
  auto matches = identity_->Trace(registrar_a_, PersonQuery{"Pepe Hernández", 20, 0});
  ASSERT_OK(matches);
  ASSERT_EQ(matches->size(), 1u);
  EXPECT_EQ((*matches)[0].match_id, found);
  EXPECT_EQ((*matches)[0].birth_year, 1985);
}

TEST_P(IdentityServiceTest, APersonAnonymisedByAnotherServerLeavesTheIndexAtTheNextLook) {
  IdentityOptions options;
  options.anonymised_check_every = std::chrono::seconds(0);  // look at every catch-up
  IdentityService identity(*store_, options);
  const int64_t jose = Register(site_a_, Jose());
  const int64_t rosa = Register(site_a_, MakePerson("Rosa", "Luna", "Vega"));
  auto matches = identity.Matches(registrar_a_, Pepe());
  ASSERT_OK(matches);
  ASSERT_EQ(matches->size(), 1u);
  EXPECT_EQ((*matches)[0].person_id, jose);
  EXPECT_EQ(*identity.Refresh(), 2u);

  // Anonymised through another connection, as retention on another server would.
  auto other_store = database_.Open();
  ASSERT_OK(other_store);
  auto anonymise = [&](int64_t person_id) {
    return (*other_store)->InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.AnonymisePerson(person_id); });
  };
  ASSERT_OK(anonymise(jose));
  auto indexed = identity.Refresh();  // the catch-up alone takes him out, before any query
  ASSERT_OK(indexed);
  EXPECT_EQ(*indexed, 1u);
  matches = identity.Matches(registrar_a_, Pepe());
  ASSERT_OK(matches);
  EXPECT_TRUE(matches->empty());
  auto page = identity.Search(coordinator_, PersonQuery{"José Hernández", 20, 0});
  ASSERT_OK(page);
  EXPECT_TRUE(page->items.empty());

  // A later anonymisation is seen by the next look too; a newly registered namesake is proposed.
  ASSERT_OK(anonymise(rosa));
  EXPECT_EQ(*identity.Refresh(), 0u);
  const int64_t again = Register(site_a_, Jose());
  matches = identity.Matches(registrar_a_, Pepe());
  ASSERT_OK(matches);
  ASSERT_EQ(matches->size(), 1u);
  EXPECT_EQ((*matches)[0].person_id, again);
}

TEST_P(IdentityServiceTest, APersonAnonymisedByRetentionLeavesTheIndexWhenAQueryMeetsThem) {
  const int64_t jose = Register(site_a_, Jose());
  Register(site_a_, MakePerson("Rosa", "Luna", "Vega"));
  auto matches = identity_->Matches(registrar_a_, Pepe());  // loaded; the next look is 30 s away
  ASSERT_OK(matches);
  ASSERT_EQ(matches->size(), 1u);
  EXPECT_EQ((*matches)[0].person_id, jose);

  // Retention a year and more later: both are due.
  RetentionService retention(*store_, [] { return SystemClock()() + std::chrono::days(400); });
  auto purged = retention.Purge(testing::TestActor(Role::kAdministrator, {}, 1));
  ASSERT_OK(purged);
  EXPECT_EQ(*purged, 2);
  matches = identity_->Matches(registrar_a_, Pepe());
  ASSERT_OK(matches);
  EXPECT_TRUE(matches->empty());
  // The query met Jose's anonymised record and took him out; Rosa waits for the next look.
  EXPECT_EQ(*identity_->Refresh(), 1u);
}

TEST_P(IdentityServiceTest, AnswersWithinTenMilliseconds) {
  const char* given[] = {"Ana", "Luis", "Rosa", "Pedro", "Inés", "Jorge", "Lucía", "Mario"};
  const char* surnames[] = {"Luna", "Mora", "Vega", "Soto", "Ríos"};
  for (int idx = 0; idx < 40; ++idx) {
    Person person = MakePerson(given[idx % 8], surnames[idx % 5], surnames[idx / 8 % 5]);
    person.birth_date = BirthDate{1960 + idx, 1 + idx % 12, 1 + idx % 28};
    Register(site_a_, person);
  }
  Register(site_a_, Jose());
  ASSERT_OK(identity_->Refresh().status());
  const auto start = std::chrono::steady_clock::now();
  constexpr int kQueries = 50;
  for (int idx = 0; idx < kQueries; ++idx) ASSERT_OK(identity_->Matches(registrar_a_, Pepe()).status());
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / kQueries;
  std::printf("matches: %.2f ms per query (refresh, index, audited read)\n", ms);
  EXPECT_LT(ms, 10.0);
}

}  // namespace
}  // namespace acogida
