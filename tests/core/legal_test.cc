// Legal-aid rules: the case workflow (illegal transitions rejected naming "status"), deadline
// reminders in the three time zones of the border cities (from the system's tzdata), the
// screening's input rules, lawyer suggestions and the conflict check.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/legal.h"
#include "core/legal_assignment.h"
#include "testing/status_matchers.h"

namespace acogida {
namespace {

using namespace std::chrono;
using testing::StatusIs;

ZoneRules Load(const std::string& name) {
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto rules = ZoneRules::Parse(bytes.str());
  EXPECT_OK(rules);
  return rules.ok() ? *rules : ZoneRules::Fixed(seconds(0));
}

UtcTime At(int y, int m, int d, int h, int min = 0) { return sys_days(year(y) / m / d) + hours(h) + minutes(min); }

LegalDeadline Due(const std::string& date) {
  LegalDeadline deadline;
  deadline.title = "Audiencia";
  deadline.due_date = date;
  return deadline;
}

TEST(CaseWorkflow, FollowsTheHappyPathToClosedWithOutcome) {
  EXPECT_OK(CheckTransition(CaseStatus::kNew, CaseStatus::kAssigned, 7, CaseOutcome::kNone));
  EXPECT_OK(CheckTransition(CaseStatus::kAssigned, CaseStatus::kInProgress, 7, CaseOutcome::kNone));
  EXPECT_OK(CheckTransition(CaseStatus::kInProgress, CaseStatus::kReferred, 7, CaseOutcome::kNone));
  EXPECT_OK(CheckTransition(CaseStatus::kReferred, CaseStatus::kClosed, 7, CaseOutcome::kResolved));
  EXPECT_OK(CheckTransition(CaseStatus::kNew, CaseStatus::kClosed, 0, CaseOutcome::kNoLegalRemedy));
  EXPECT_OK(CheckTransition(CaseStatus::kAssigned, CaseStatus::kNew, 0, CaseOutcome::kNone));
  EXPECT_OK(CheckTransition(CaseStatus::kAssigned, CaseStatus::kAssigned, 9, CaseOutcome::kNone));  // reassigned
}

TEST(CaseWorkflow, RejectsSkippingAssignmentNamingStatus) {
  Status status = CheckTransition(CaseStatus::kNew, CaseStatus::kInProgress, 7, CaseOutcome::kNone);
  EXPECT_THAT(status, StatusIs(StatusCode::kFailedPrecondition, "status"));
  EXPECT_NE(status.message().find("new to in_progress"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("assigned, closed"), std::string::npos) << status.message();
}

TEST(CaseWorkflow, ClosedCasesAreFinal) {
  EXPECT_THAT(CheckTransition(CaseStatus::kClosed, CaseStatus::kInProgress, 7, CaseOutcome::kNone),
              StatusIs(StatusCode::kFailedPrecondition, "status"));
  EXPECT_THAT(CheckTransition(CaseStatus::kClosed, CaseStatus::kClosed, 7, CaseOutcome::kWithdrawn),
              StatusIs(StatusCode::kFailedPrecondition, "status"));
  EXPECT_THAT(CheckTransition(CaseStatus::kInProgress, CaseStatus::kAssigned, 7, CaseOutcome::kNone),
              StatusIs(StatusCode::kFailedPrecondition, "status"));
}

TEST(CaseWorkflow, AssignedNeedsALawyerAndClosedAnOutcome) {
  EXPECT_THAT(CheckTransition(CaseStatus::kNew, CaseStatus::kAssigned, 0, CaseOutcome::kNone),
              StatusIs(StatusCode::kFailedPrecondition, "lawyer_id"));
  EXPECT_THAT(CheckTransition(CaseStatus::kInProgress, CaseStatus::kClosed, 7, CaseOutcome::kNone),
              StatusIs(StatusCode::kInvalidArgument, "outcome"));
  EXPECT_THAT(CheckTransition(CaseStatus::kAssigned, CaseStatus::kInProgress, 7, CaseOutcome::kResolved),
              StatusIs(StatusCode::kInvalidArgument, "outcome"));
  EXPECT_THAT(CheckTransition(CaseStatus::kAssigned, CaseStatus::kNew, 7, CaseOutcome::kNone),
              StatusIs(StatusCode::kFailedPrecondition, "lawyer_id"));
}

TEST(CaseWorkflow, StatusNamesRoundTrip) {
  for (CaseStatus status : {CaseStatus::kNew, CaseStatus::kAssigned, CaseStatus::kInProgress, CaseStatus::kReferred,
                            CaseStatus::kClosed}) {
    EXPECT_EQ(ParseCaseStatus(CaseStatusName(status)), status);
  }
  EXPECT_EQ(ParseCaseStatus("open"), std::nullopt);
}

TEST(DeadlineReminder, CountsDaysInTheSiteLocalDate) {
  const ZoneRules tijuana = Load("America/Tijuana");
  const UtcTime now = At(2026, 11, 20, 20);  // 12:00 in Tijuana
  EXPECT_EQ(DeadlineReminder(Due("2026-12-01"), now, tijuana), Reminder::kNone);
  EXPECT_EQ(DeadlineReminder(Due("2026-11-27"), now, tijuana), Reminder::kDueIn7Days);
  EXPECT_EQ(DeadlineReminder(Due("2026-11-22"), now, tijuana), Reminder::kDueIn7Days);
  EXPECT_EQ(DeadlineReminder(Due("2026-11-21"), now, tijuana), Reminder::kDueIn1Day);
  EXPECT_EQ(DeadlineReminder(Due("2026-11-20"), now, tijuana), Reminder::kDueIn1Day);  // due today
  EXPECT_EQ(DeadlineReminder(Due("2026-11-19"), now, tijuana), Reminder::kOverdue);
  LegalDeadline met = Due("2026-11-19");
  met.met_at = "2026-11-19T18:00:00Z";
  EXPECT_EQ(DeadlineReminder(met, now, tijuana), Reminder::kMet);
}

TEST(DeadlineReminder, TheSameInstantIsOverdueInMatamorosButDueTodayInTijuanaAndHermosillo) {
  // 06:30 UTC on 2026-11-21: 22:30 on the 20th in Tijuana (UTC-8), 23:30 in Hermosillo
  // (UTC-7, no daylight saving) and Ciudad Juárez (UTC-7), 00:30 on the 21st in Matamoros (UTC-6).
  const UtcTime now = At(2026, 11, 21, 6, 30);
  const LegalDeadline deadline = Due("2026-11-20");
  EXPECT_EQ(DeadlineReminder(deadline, now, Load("America/Tijuana")), Reminder::kDueIn1Day);
  EXPECT_EQ(DeadlineReminder(deadline, now, Load("America/Hermosillo")), Reminder::kDueIn1Day);
  EXPECT_EQ(DeadlineReminder(deadline, now, Load("America/Ciudad_Juarez")), Reminder::kDueIn1Day);
  EXPECT_EQ(DeadlineReminder(deadline, now, Load("America/Matamoros")), Reminder::kOverdue);
  EXPECT_EQ(DeadlineReminder(deadline, now, Load("America/Monterrey")), Reminder::kOverdue);
}

TEST(DeadlineReminder, FollowsUsDaylightSavingInTijuanaButNotInHermosillo) {
  // 2026-07-02 06:30 UTC: 23:30 on July 1st in Tijuana (UTC-7 in summer) and in Hermosillo
  // (UTC-7 all year); 00:30 on July 2nd in Matamoros (UTC-5 in summer, with the US).
  const UtcTime summer = At(2026, 7, 2, 6, 30);
  const LegalDeadline deadline = Due("2026-07-01");
  EXPECT_EQ(DeadlineReminder(deadline, summer, Load("America/Tijuana")), Reminder::kDueIn1Day);
  EXPECT_EQ(DeadlineReminder(deadline, summer, Load("America/Hermosillo")), Reminder::kDueIn1Day);
  EXPECT_EQ(DeadlineReminder(deadline, summer, Load("America/Matamoros")), Reminder::kOverdue);
  // 07:30 UTC: Tijuana and Hermosillo are past midnight too (00:30, July 2nd).
  EXPECT_EQ(DeadlineReminder(deadline, At(2026, 7, 2, 7, 30), Load("America/Tijuana")), Reminder::kOverdue);
  // In winter, 07:30 UTC is still the evening before in Tijuana (UTC-8), not in Hermosillo.
  const LegalDeadline winter = Due("2026-12-01");
  EXPECT_EQ(DeadlineReminder(winter, At(2026, 12, 2, 7, 30), Load("America/Tijuana")), Reminder::kDueIn1Day);
  EXPECT_EQ(DeadlineReminder(winter, At(2026, 12, 2, 7, 30), Load("America/Hermosillo")), Reminder::kOverdue);
}

TEST(DeadlineReminder, MetOnTimeCountsTheLocalDueDay) {
  LegalDeadline deadline = Due("2026-11-20");
  deadline.met_at = "2026-11-21T07:00:00Z";  // 23:00 on the 20th in Tijuana; the 21st in Matamoros
  EXPECT_TRUE(MetOnTime(deadline, Load("America/Tijuana")));
  EXPECT_FALSE(MetOnTime(deadline, Load("America/Matamoros")));
  deadline.met_at.clear();
  EXPECT_FALSE(MetOnTime(deadline, Load("America/Tijuana")));
}

TEST(LegalInput, NamesTheFieldAtFault) {
  LegalScreening screening;
  screening.a_number = "A12-345";
  EXPECT_THAT(ValidateScreening(screening), StatusIs(StatusCode::kInvalidArgument, "a_number"));
  screening.a_number = "A 123-456-789";
  EXPECT_OK(ValidateScreening(screening));
  screening.hearing_date = "2026-02-30";
  EXPECT_THAT(ValidateScreening(screening), StatusIs(StatusCode::kInvalidArgument, "hearing_date"));
  EXPECT_THAT(ValidateDeadline(Due("")), StatusIs(StatusCode::kInvalidArgument, "due_date"));
  LegalDeadline untitled = Due("2026-11-20");
  untitled.title.clear();
  EXPECT_THAT(ValidateDeadline(untitled), StatusIs(StatusCode::kInvalidArgument, "title"));
  ContactPreferences contact;
  contact.channel = ContactChannel::kWhatsapp;
  contact.contact = "+526641234567";
  EXPECT_THAT(ValidateContact(contact), StatusIs(StatusCode::kInvalidArgument, "consent"));
  contact.consent = true;
  EXPECT_OK(ValidateContact(contact));
  Lawyer lawyer;
  lawyer.name = "Lic. Ana Ruiz";
  EXPECT_THAT(ValidateLawyer(lawyer), StatusIs(StatusCode::kInvalidArgument, "specialties"));
  lawyer.specialties = {CaseType::kCustody};
  lawyer.languages = {"es"};
  EXPECT_THAT(ValidateLawyer(lawyer), StatusIs(StatusCode::kInvalidArgument, "languages"));
}

TEST(Screening, EachYesProposesItsCaseType) {
  LegalScreening screening;
  screening.set_answer(ScreeningItem::kChildrenInUs, Answer::kYes);
  screening.set_answer(ScreeningItem::kWagesProperty, Answer::kNo);
  screening.set_answer(ScreeningItem::kFearOfReturn, Answer::kYes);
  ASSERT_EQ(screening.YesItems().size(), 2u);
  EXPECT_EQ(CaseTypeFor(screening.YesItems()[0]), CaseType::kCustody);
  EXPECT_EQ(CaseTypeFor(screening.YesItems()[1]), CaseType::kProtection);
  EXPECT_EQ(screening.answer(ScreeningItem::kVictim), Answer::kUnasked);
  EXPECT_FALSE(DocumentsFor(CaseType::kCustody).empty());
}

LawyerLoad Load(int64_t id, std::vector<CaseType> specialties, std::vector<std::string> languages, int capacity,
                int open) {
  LawyerLoad load;
  load.lawyer.id = id;
  load.lawyer.name = "Abogada " + std::to_string(id);
  load.lawyer.specialties = std::move(specialties);
  load.lawyer.languages = std::move(languages);
  load.lawyer.capacity = capacity;
  load.open_cases = open;
  return load;
}

TEST(SuggestLawyers, PrefersSpecialtyThenLanguageThenLowestLoad) {
  std::vector<LawyerLoad> lawyers = {
      Load(1, {CaseType::kWagesProperty}, {"spa"}, 10, 0),          // no custody
      Load(2, {CaseType::kCustody}, {"spa", "eng"}, 10, 8),         // busy
      Load(3, {CaseType::kCustody}, {"spa", "eng"}, 10, 2),         // light
      Load(4, {CaseType::kCustody}, {"eng"}, 10, 0),                // no Spanish... nor Nahuatl
      Load(5, {CaseType::kCustody}, {"spa", "nah"}, 5, 5),          // full
      Load(6, {CaseType::kCustody}, {"nah", "spa"}, 20, 10),        // speaks Nahuatl, half full
  };
  auto suggestions = SuggestLawyers(lawyers, CaseType::kCustody, {"nah"}, {});
  ASSERT_EQ(suggestions.size(), 4u);
  EXPECT_EQ(suggestions[0].lawyer_id, 6);  // the only one speaking Nahuatl
  EXPECT_TRUE(suggestions[0].speaks_language);
  EXPECT_EQ(suggestions[1].lawyer_id, 4);  // 0 of 10
  EXPECT_EQ(suggestions[2].lawyer_id, 3);  // 2 of 10
  EXPECT_EQ(suggestions[3].lawyer_id, 2);  // 8 of 10
  auto with_conflict = SuggestLawyers(lawyers, CaseType::kCustody, {"nah"}, {6});
  EXPECT_EQ(with_conflict.back().lawyer_id, 6);
  EXPECT_TRUE(with_conflict.back().conflict);
}

TEST(ConflictCheck, SameLawyerOnAnOpenCaseOfTheSameMatterInTheFamily) {
  std::vector<RelatedCase> related = {
      {10, 2, CaseType::kCustody, CaseStatus::kInProgress, 7},
      {11, 3, CaseType::kWagesProperty, CaseStatus::kAssigned, 8},
      {12, 3, CaseType::kCustody, CaseStatus::kClosed, 8},
  };
  EXPECT_EQ(FindConflicts(7, CaseType::kCustody, related), std::vector<int64_t>{10});
  EXPECT_TRUE(FindConflicts(8, CaseType::kCustody, related).empty());  // closed case
  EXPECT_TRUE(FindConflicts(7, CaseType::kWagesProperty, related).empty());
  EXPECT_EQ(ConflictedLawyers(CaseType::kCustody, related), std::vector<int64_t>{7});
}

}  // namespace
}  // namespace acogida
