// The legal service on both backends: who sees what (notes only for the assigned lawyer and
// coordinators, lawyers only their cases and the minimum of the person, analysts counts only,
// site staff their sites), every note read audited, the workflow through the service, the
// conflict check across households and "same" links, and the overdue list and reports with a
// fixed clock in the sites' time zones.
#include <gtest/gtest.h>

#include "service/identity_service.h"
#include "service/intake_service.h"
#include "service/legal_service.h"
#include "service/site_service.h"
#include "service/user_service.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using testing::Backend;
using testing::MakePerson;
using testing::StatusCodeIs;
using testing::StatusIs;
using testing::TestActor;

// 2026-11-21 06:30 UTC: still the 20th in Tijuana, already the 21st in Matamoros.
UtcTime Now() { return std::chrono::sys_days(std::chrono::year(2026) / 11 / 21) + std::chrono::minutes(6 * 60 + 30); }

class LegalServiceTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto opened = database_.Open();
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    sites_ = std::make_unique<SiteService>(*store_);
    intake_ = std::make_unique<IntakeService>(*store_, [] { return Now(); });
    users_ = std::make_unique<UserService>(*store_);
    identity_ = std::make_unique<IdentityService>(*store_);
    legal_ = std::make_unique<LegalService>(*store_, [] { return Now(); });
    Site tijuana = testing::TijuanaCentre();
    auto site = sites_->Create(admin_, tijuana);
    ASSERT_OK(site);
    tijuana_ = site->id;
    Site matamoros = testing::TijuanaCentre();
    matamoros.name = "Casa del Migrante Matamoros";
    matamoros.city = "Matamoros";
    matamoros.state = "28";
    matamoros.timezone = "America/Matamoros";
    site = sites_->Create(admin_, matamoros);
    ASSERT_OK(site);
    matamoros_ = site->id;
    registrar_ = TestActor(Role::kRegistrar, {tijuana_}, 0);
    for (const char* name : {"abogada.ana", "abogado.beto"}) {
      auto user = users_->Create(admin_, NewUser{name, "", Role::kLawyer, {}, "frase de prueba bastante larga"});
      ASSERT_OK(user);
      Actor actor = TestActor(Role::kLawyer, {}, user->id);
      actor.user.username = name;
      Lawyer lawyer;
      lawyer.name = name;
      lawyer.specialties = {CaseType::kCustody, CaseType::kWagesProperty};
      lawyer.languages = {"spa"};
      lawyer.user_id = user->id;
      auto created = legal_->CreateLawyer(coordinator_, lawyer);
      ASSERT_OK(created);
      lawyers_.push_back(actor);
      lawyer_ids_.push_back(created->id);
    }
  }

  // Registers a household at `site_id`; returns its members' ids.
  std::vector<int64_t> Register(int64_t site_id, std::vector<Person> members) {
    NewHousehold input;
    input.site_id = site_id;
    input.members = std::move(members);
    auto household = intake_->Register(coordinator_, input);
    EXPECT_OK(household);
    std::vector<int64_t> ids;
    if (household.ok()) for (const Person& member : household->members) ids.push_back(member.id);
    return ids;
  }

  LegalCase Open(int64_t person_id, CaseType type = CaseType::kCustody) {
    LegalCase input;
    input.person_id = person_id;
    input.type = type;
    auto opened = legal_->OpenCase(coordinator_, input);
    EXPECT_OK(opened);
    return opened.ok() ? *opened : LegalCase{};
  }

  StatusOr<LegalCase> Assign(const LegalCase& legal_case, int64_t lawyer_id) {
    LegalCaseChange change;
    change.version = legal_case.version;
    change.lawyer_id = lawyer_id;
    return legal_->UpdateCase(coordinator_, legal_case.id, change);
  }

  int64_t AuditCount(const std::string& action, const std::string& record_type, int64_t record_id) {
    int64_t total = 0;
    EXPECT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
      AuditFilter filter;
      filter.action = action;
      filter.record_type = record_type;
      filter.record_id = record_id;
      ASSIGN_OR_RETURN(AuditPage page, tx.ListAudit(filter));
      total = page.total;
      return OkStatus();
    }));
    return total;
  }

  const Actor admin_ = TestActor(Role::kAdministrator, {}, 0);
  const Actor coordinator_ = TestActor(Role::kCoordinator, {}, 0);
  const Actor analyst_ = TestActor(Role::kAnalyst, {}, 0);
  Actor registrar_;
  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<SiteService> sites_;
  std::unique_ptr<IntakeService> intake_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<IdentityService> identity_;
  std::unique_ptr<LegalService> legal_;
  int64_t tijuana_ = 0, matamoros_ = 0;
  std::vector<Actor> lawyers_;
  std::vector<int64_t> lawyer_ids_;
};

INSTANTIATE_TEST_SUITE_P(Backends, LegalServiceTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(LegalServiceTest, NotesAreForTheAssignedLawyerAndCoordinatorsAndEveryReadIsAudited) {
  const int64_t person = Register(tijuana_, {MakePerson("Rosa", "Luna", "Vega")})[0];
  auto assigned = Assign(Open(person), lawyer_ids_[0]);
  ASSERT_OK(assigned);
  LegalNote note;
  note.body = "Privilegiado: la madre teme represalias.";
  ASSERT_OK(legal_->AddNote(lawyers_[0], assigned->id, note));

  auto by_lawyer = legal_->Notes(lawyers_[0], assigned->id);
  ASSERT_OK(by_lawyer);
  ASSERT_EQ(by_lawyer->size(), 1u);
  EXPECT_EQ((*by_lawyer)[0].body, note.body);
  EXPECT_EQ((*by_lawyer)[0].author, "abogada.ana");
  ASSERT_OK(legal_->Notes(coordinator_, assigned->id));
  EXPECT_EQ(AuditCount("read", "legal_case", assigned->id), 2);

  EXPECT_THAT(legal_->Notes(lawyers_[1], assigned->id), StatusCodeIs(StatusCode::kNotFound));
  EXPECT_THAT(legal_->Notes(registrar_, assigned->id), StatusCodeIs(StatusCode::kPermissionDenied));
  EXPECT_THAT(legal_->Notes(TestActor(Role::kShelterStaff, {tijuana_}, 0), assigned->id),
              StatusCodeIs(StatusCode::kPermissionDenied));
  EXPECT_THAT(legal_->Notes(analyst_, assigned->id), StatusCodeIs(StatusCode::kPermissionDenied));
  EXPECT_THAT(legal_->AddNote(lawyers_[1], assigned->id, note), StatusCodeIs(StatusCode::kNotFound));
  EXPECT_EQ(AuditCount("read", "legal_case", assigned->id), 2);  // refused reads disclose nothing
}

TEST_P(LegalServiceTest, LawyersSeeOnlyTheirCasesWithTheMinimumOfThePerson) {
  Person rosa = MakePerson("Rosa", "Luna", "Vega");
  rosa.languages = {"spa", "nah"};
  rosa.phone = "+526641234567";
  const int64_t person = Register(tijuana_, {rosa})[0];
  auto assigned = Assign(Open(person), lawyer_ids_[0]);
  ASSERT_OK(assigned);
  auto detail = legal_->GetCase(lawyers_[0], assigned->id);
  ASSERT_OK(detail);
  EXPECT_EQ(detail->person.full_name, "Rosa Luna Vega");
  EXPECT_EQ(detail->person.languages, (std::vector<std::string>{"spa", "nah"}));
  EXPECT_EQ(detail->person.site_name, "Centro de Atención Tijuana");
  EXPECT_TRUE(detail->suggestions.empty());  // only those who assign see suggestions
  EXPECT_THAT(legal_->GetCase(lawyers_[1], assigned->id), StatusCodeIs(StatusCode::kNotFound));
  auto listed = legal_->ListCases(lawyers_[1], {});
  ASSERT_OK(listed);
  EXPECT_TRUE(listed->empty());
  EXPECT_EQ(legal_->ListCases(lawyers_[0], {})->size(), 1u);
  // Lawyers do not screen, nor assign.
  EXPECT_THAT(legal_->GetScreening(lawyers_[0], person), StatusCodeIs(StatusCode::kPermissionDenied));
  LegalCaseChange reassign;
  reassign.version = assigned->version;
  reassign.lawyer_id = lawyer_ids_[1];
  EXPECT_THAT(legal_->UpdateCase(lawyers_[0], assigned->id, reassign), StatusCodeIs(StatusCode::kPermissionDenied));
}

TEST_P(LegalServiceTest, SiteStaffSeeTheirSitesCasesAndAnalystsOnlyCounts) {
  const int64_t here = Register(tijuana_, {MakePerson("Rosa", "Luna", "Vega")})[0];
  const int64_t there = Register(matamoros_, {MakePerson("Inés", "Mora", "Soto")})[0];
  const LegalCase near_case = Open(here);
  const LegalCase far_case = Open(there);
  EXPECT_OK(legal_->GetCase(registrar_, near_case.id));
  EXPECT_THAT(legal_->GetCase(registrar_, far_case.id), StatusCodeIs(StatusCode::kNotFound));
  EXPECT_EQ(legal_->ListCases(registrar_, {})->size(), 1u);
  LegalCase elsewhere;
  elsewhere.person_id = there;
  elsewhere.type = CaseType::kCustody;
  EXPECT_THAT(legal_->OpenCase(registrar_, elsewhere), StatusCodeIs(StatusCode::kNotFound));
  EXPECT_THAT(legal_->ListCases(analyst_, {}), StatusCodeIs(StatusCode::kPermissionDenied));
  EXPECT_THAT(legal_->GetCase(analyst_, near_case.id), StatusCodeIs(StatusCode::kPermissionDenied));
  auto report = legal_->Report(analyst_);
  ASSERT_OK(report);
  ASSERT_EQ(report->by_type_and_outcome.size(), 1u);
  EXPECT_EQ(report->by_type_and_outcome[0].outcome, "open");
  EXPECT_EQ(report->by_type_and_outcome[0].cases, kSuppressed);  // 2 cases: a small cell, hidden from analysts
  auto exact = legal_->Report(coordinator_);
  ASSERT_OK(exact);
  EXPECT_EQ(exact->by_type_and_outcome[0].cases, 2);
  EXPECT_THAT(legal_->Report(registrar_), StatusCodeIs(StatusCode::kPermissionDenied));
}

TEST_P(LegalServiceTest, ScreeningProposesCasesAndOpeningOneTwiceIsRefused) {
  const int64_t person = Register(tijuana_, {MakePerson("Rosa", "Luna", "Vega")})[0];
  LegalScreening screening;
  screening.person_id = person;
  screening.version = 0;
  screening.set_answer(ScreeningItem::kChildrenInUs, Answer::kYes);
  screening.a_number = "A-1234";
  EXPECT_THAT(legal_->SaveScreening(registrar_, screening, std::nullopt),
              StatusIs(StatusCode::kInvalidArgument, "a_number"));
  screening.a_number.clear();
  ContactPreferences contact;
  contact.channel = ContactChannel::kWhatsapp;
  contact.contact = "+526641234567";
  EXPECT_THAT(legal_->SaveScreening(registrar_, screening, contact),
              StatusIs(StatusCode::kInvalidArgument, "contact.consent"));
  EXPECT_EQ(legal_->GetScreening(registrar_, person)->screening.version, 0);  // nothing was written
  contact.consent = true;
  auto saved = legal_->SaveScreening(registrar_, screening, contact);
  ASSERT_OK(saved);
  EXPECT_EQ(saved->screening.version, 1);
  EXPECT_EQ(saved->screening.site_id, tijuana_);
  EXPECT_EQ(saved->contact.contact, "+526641234567");
  EXPECT_THAT(legal_->SaveScreening(registrar_, screening, std::nullopt), StatusIs(StatusCode::kAborted, "version"));

  LegalCase input;
  input.person_id = person;
  input.type = CaseTypeFor(ScreeningItem::kChildrenInUs);
  input.screening_item = "children_in_us";
  auto opened = legal_->OpenCase(registrar_, input);
  ASSERT_OK(opened);
  EXPECT_EQ(opened->status, CaseStatus::kNew);
  EXPECT_EQ(opened->site_id, tijuana_);
  EXPECT_THAT(legal_->OpenCase(registrar_, input), StatusIs(StatusCode::kAlreadyExists, "type"));
  EXPECT_EQ(legal_->GetScreening(registrar_, person)->cases.size(), 1u);
}

TEST_P(LegalServiceTest, WorkflowThroughTheServiceRejectsIllegalTransitions) {
  const int64_t person = Register(tijuana_, {MakePerson("Rosa", "Luna", "Vega")})[0];
  LegalCase legal_case = Open(person);
  LegalCaseChange skip;
  skip.version = legal_case.version;
  skip.status = CaseStatus::kInProgress;
  EXPECT_THAT(legal_->UpdateCase(coordinator_, legal_case.id, skip), StatusIs(StatusCode::kFailedPrecondition, "status"));
  auto assigned = Assign(legal_case, lawyer_ids_[0]);
  ASSERT_OK(assigned);
  EXPECT_EQ(assigned->status, CaseStatus::kAssigned);
  LegalCaseChange close;
  close.version = assigned->version;
  close.status = CaseStatus::kClosed;
  EXPECT_THAT(legal_->UpdateCase(lawyers_[0], assigned->id, close), StatusIs(StatusCode::kInvalidArgument, "outcome"));
  close.outcome = CaseOutcome::kResolved;
  auto closed = legal_->UpdateCase(lawyers_[0], assigned->id, close);
  ASSERT_OK(closed);
  LegalCaseChange reopen;
  reopen.version = closed->version;
  reopen.status = CaseStatus::kInProgress;
  EXPECT_THAT(legal_->UpdateCase(lawyers_[0], assigned->id, reopen), StatusIs(StatusCode::kFailedPrecondition, "status"));
  auto detail = legal_->GetCase(coordinator_, assigned->id);
  ASSERT_OK(detail);
  EXPECT_EQ(detail->events.size(), 3u);  // new, assigned, closed
}

TEST_P(LegalServiceTest, ConflictCheckCoversTheHouseholdAndLinkedRecords) {
  // Rosa and Juan arrive together; Juan's earlier record (another household) is linked "same".
  auto family = Register(tijuana_, {MakePerson("Rosa", "Luna", "Vega"),
                                    MakePerson("Juan", "Paz", "Gil", Relationship::kSpouse)});
  const int64_t earlier_juan = Register(tijuana_, {MakePerson("Juan", "Paz", "Gil")})[0];
  ASSERT_OK(identity_->Decide(coordinator_, family[1], earlier_juan, LinkDecision::kSame, "misma persona"));
  ASSERT_OK(Assign(Open(earlier_juan), lawyer_ids_[0]));  // Ana represents Juan in custody
  LegalCase rosa_case = Open(family[0]);
  EXPECT_THAT(Assign(rosa_case, lawyer_ids_[0]), StatusIs(StatusCode::kFailedPrecondition, "lawyer_id"));
  auto detail = legal_->GetCase(coordinator_, rosa_case.id);
  ASSERT_OK(detail);
  ASSERT_EQ(detail->suggestions.size(), 2u);
  EXPECT_EQ(detail->suggestions[0].lawyer_id, lawyer_ids_[1]);
  EXPECT_TRUE(detail->suggestions[1].conflict);
  EXPECT_OK(Assign(rosa_case, lawyer_ids_[1]));
  // Another matter for the same family is no conflict.
  EXPECT_OK(Assign(Open(family[0], CaseType::kWagesProperty), lawyer_ids_[0]));
}

TEST_P(LegalServiceTest, OverdueListCountsDaysInEachSitesTimeZone) {
  const int64_t in_tijuana = Register(tijuana_, {MakePerson("Rosa", "Luna", "Vega")})[0];
  const int64_t in_matamoros = Register(matamoros_, {MakePerson("Inés", "Mora", "Soto")})[0];
  for (int64_t person : {in_tijuana, in_matamoros}) {
    auto legal_case = Assign(Open(person), lawyer_ids_[0]);
    ASSERT_OK(legal_case);
    LegalDeadline deadline;
    deadline.title = "Audiencia de custodia";
    deadline.due_date = "2026-11-20";  // "today" in Tijuana, yesterday in Matamoros at Now()
    ASSERT_OK(legal_->AddDeadline(coordinator_, legal_case->id, deadline));
  }
  auto list = legal_->Overdue(coordinator_);
  ASSERT_OK(list);
  ASSERT_EQ(list->overdue.size(), 1u);
  EXPECT_EQ(list->overdue[0].person_id, in_matamoros);
  EXPECT_EQ(list->overdue[0].full_name, "Inés Mora Soto");
  EXPECT_EQ(list->overdue[0].timezone, "America/Matamoros");
  ASSERT_EQ(list->due_soon.size(), 1u);
  EXPECT_EQ(list->due_soon[0].reminder, Reminder::kDueIn1Day);
  EXPECT_THAT(legal_->Overdue(lawyers_[0]), StatusCodeIs(StatusCode::kPermissionDenied));
  auto report = legal_->Report(coordinator_);
  ASSERT_OK(report);
  EXPECT_EQ(report->deadlines_missed, 1);
  EXPECT_EQ(report->deadlines_pending, 1);
  ASSERT_EQ(report->caseload.size(), 2u);
  EXPECT_EQ(report->caseload[0].open_cases, 2);
}

}  // namespace
}  // namespace acogida
