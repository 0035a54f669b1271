// The legal-aid store on both backends (a real SQLite file and a real PostgreSQL database):
// screenings, cases with their history and documents checklist, version checks, deadlines,
// appointments, the lawyer directory with open-case counts, and values sealed at rest (notes,
// A-number, contact) that read back in clear through the store and never appear in the table.
#include <gtest/gtest.h>

#include "crypto/field_cipher.h"
#include "store/sql/sql_connection.h"
#include "store/store.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using testing::Backend;
using testing::MakePerson;
using testing::StatusCodeIs;
using testing::StatusIs;

class LegalStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    StoreOptions options;
    options.clock = [] { return UtcTime(std::chrono::sys_days(std::chrono::year(2026) / 11 / 29)); };
    auto opened = database_.Open(options);
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    Site site = testing::TijuanaCentre();
    ASSERT_OK(Write([&](Tx& tx) { return tx.InsertSite(site); }));
    site_id_ = site.id;
    Household household;
    household.site_id = site_id_;
    ASSERT_OK(Write([&](Tx& tx) -> Status {
      RETURN_IF_ERROR(tx.InsertHousehold(household));
      for (const char* given : {"Rosa", "Juan"}) {
        Person person = MakePerson(given, "Luna", "Vega");
        person.household_id = household.id;
        RETURN_IF_ERROR(tx.InsertPerson(person));
        person_ids_.push_back(person.id);
      }
      return OkStatus();
    }));
  }

  Status Write(const std::function<Status(Tx&)>& work) { return store_->InTransaction(TxMode::kWrite, work); }

  Lawyer AddLawyer(const std::string& name, std::vector<CaseType> specialties) {
    Lawyer lawyer;
    lawyer.name = name;
    lawyer.organisation = "Clínica Jurídica";
    lawyer.specialties = std::move(specialties);
    lawyer.languages = {"spa", "eng"};
    lawyer.capacity = 5;
    EXPECT_OK(Write([&](Tx& tx) { return tx.InsertLawyer(lawyer); }));
    return lawyer;
  }

  LegalCase AddCase(CaseType type, int64_t person_id, int64_t lawyer_id = 0) {
    LegalCase legal_case;
    legal_case.person_id = person_id;
    legal_case.site_id = site_id_;
    legal_case.type = type;
    legal_case.status = lawyer_id ? CaseStatus::kAssigned : CaseStatus::kNew;
    legal_case.lawyer_id = lawyer_id;
    legal_case.screening_item = "children_in_us";
    legal_case.created_by = "registro";
    EXPECT_OK(Write([&](Tx& tx) { return tx.InsertLegalCase(legal_case); }));
    return legal_case;
  }

  // The raw text of one column of one row, read below the store.
  std::string RawValue(const std::string& sql) {
    auto connection = OpenSqlConnection(database_.url());
    EXPECT_OK(connection);
    auto stmt = (*connection)->Prepare(sql);
    EXPECT_OK(stmt);
    auto has_row = (*stmt)->Step();
    EXPECT_OK(has_row);
    return (has_row.ok() && *has_row) ? (*stmt)->Text(0) : "";
  }

  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  int64_t site_id_ = 0;
  std::vector<int64_t> person_ids_;
};

INSTANTIATE_TEST_SUITE_P(Backends, LegalStoreTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(LegalStoreTest, ScreeningRoundTripsWithVersionsAndASealedANumber) {
  LegalScreening screening;
  screening.person_id = person_ids_[0];
  screening.site_id = site_id_;
  screening.set_answer(ScreeningItem::kChildrenInUs, Answer::kYes);
  screening.set_answer(ScreeningItem::kVictim, Answer::kNo);
  screening.a_number = "A123456789";
  screening.court = "San Diego";
  screening.hearing_date = "2027-01-15";
  screening.screened_by = "registro";
  screening.version = 0;
  ASSERT_OK(Write([&](Tx& tx) { return tx.SaveLegalScreening(screening); }));
  EXPECT_EQ(screening.version, 1);

  LegalScreening read;
  ASSERT_OK(Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(read, tx.GetLegalScreening(person_ids_[0]));
    return OkStatus();
  }));
  EXPECT_EQ(read.answer(ScreeningItem::kChildrenInUs), Answer::kYes);
  EXPECT_EQ(read.answer(ScreeningItem::kVictim), Answer::kNo);
  EXPECT_EQ(read.answer(ScreeningItem::kCustody), Answer::kUnasked);
  EXPECT_EQ(read.a_number, "A123456789");
  EXPECT_EQ(read.hearing_date, "2027-01-15");
  const std::string raw = RawValue("SELECT a_number FROM legal_screening");
  EXPECT_EQ(raw.rfind("v1.", 0), 0u) << raw;
  EXPECT_EQ(raw.find("123456789"), std::string::npos);

  read.set_answer(ScreeningItem::kVictim, Answer::kYes);
  ASSERT_OK(Write([&](Tx& tx) { return tx.SaveLegalScreening(read); }));
  EXPECT_EQ(read.version, 2);
  screening.version = 1;  // stale
  EXPECT_THAT(Write([&](Tx& tx) { return tx.SaveLegalScreening(screening); }),
              StatusIs(StatusCode::kAborted, "version"));
  EXPECT_THAT(Write([&](Tx& tx) { return tx.GetLegalScreening(person_ids_[1]).status(); }),
              StatusCodeIs(StatusCode::kNotFound));
}

TEST_P(LegalStoreTest, CaseKeepsItsHistoryAndDocumentsChecklist) {
  Lawyer lawyer = AddLawyer("Lic. Ana Ruiz", {CaseType::kCustody});
  LegalCase legal_case = AddCase(CaseType::kCustody, person_ids_[0]);
  EXPECT_GT(legal_case.id, 0);
  legal_case.status = CaseStatus::kAssigned;
  legal_case.lawyer_id = lawyer.id;
  ASSERT_OK(Write([&](Tx& tx) { return tx.UpdateLegalCase(legal_case, "coordinacion"); }));
  EXPECT_EQ(legal_case.version, 2);
  LegalCase stale = legal_case;
  stale.version = 1;
  EXPECT_THAT(Write([&](Tx& tx) { return tx.UpdateLegalCase(stale, "coordinacion"); }),
              StatusIs(StatusCode::kAborted, "version"));
  legal_case.status = CaseStatus::kClosed;
  legal_case.outcome = CaseOutcome::kResolved;
  ASSERT_OK(Write([&](Tx& tx) { return tx.UpdateLegalCase(legal_case, "abogada"); }));
  EXPECT_FALSE(legal_case.closed_at.empty());

  std::vector<LegalCaseEvent> events;
  std::vector<LegalDocument> documents;
  LegalCase read;
  ASSERT_OK(Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(events, tx.ListLegalCaseEvents(legal_case.id));
    ASSIGN_OR_RETURN(documents, tx.ListLegalDocuments(legal_case.id));
    ASSIGN_OR_RETURN(read, tx.GetLegalCase(legal_case.id));
    return OkStatus();
  }));
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].status, CaseStatus::kNew);
  EXPECT_EQ(events[1].status, CaseStatus::kAssigned);
  EXPECT_EQ(events[1].lawyer_id, lawyer.id);
  EXPECT_EQ(events[2].outcome, CaseOutcome::kResolved);
  EXPECT_EQ(events[2].by, "abogada");
  EXPECT_EQ(documents.size(), DocumentsFor(CaseType::kCustody).size());
  EXPECT_EQ(documents[0].item, "child_birth_certificate");
  EXPECT_EQ(read.status, CaseStatus::kClosed);
  EXPECT_EQ(read.outcome, CaseOutcome::kResolved);
  EXPECT_EQ(read.screening_item, "children_in_us");

  // The checklist's item is unique per case; its status is version-checked.
  LegalDocument again;
  again.case_id = legal_case.id;
  again.item = "court_papers";
  again.updated_by = "x";
  EXPECT_THAT(Write([&](Tx& tx) { return tx.InsertLegalDocument(again); }), StatusCodeIs(StatusCode::kAlreadyExists));
  documents[0].status = DocumentStatus::kReceived;
  documents[0].updated_by = "abogada";
  ASSERT_OK(Write([&](Tx& tx) { return tx.UpdateLegalDocument(documents[0]); }));
  documents[0].version = 1;
  EXPECT_THAT(Write([&](Tx& tx) { return tx.UpdateLegalDocument(documents[0]); }),
              StatusIs(StatusCode::kAborted, "version"));
}

TEST_P(LegalStoreTest, ListsCasesByFilterAndCountsOpenCasesPerLawyer) {
  Lawyer ana = AddLawyer("Lic. Ana Ruiz", {CaseType::kCustody});
  Lawyer beto = AddLawyer("Lic. Beto Paz", {CaseType::kWagesProperty});
  AddCase(CaseType::kCustody, person_ids_[0], ana.id);
  AddCase(CaseType::kWagesProperty, person_ids_[0], ana.id);
  LegalCase closed = AddCase(CaseType::kCustody, person_ids_[1], ana.id);
  closed.status = CaseStatus::kClosed;
  closed.outcome = CaseOutcome::kWithdrawn;
  ASSERT_OK(Write([&](Tx& tx) { return tx.UpdateLegalCase(closed, "x"); }));
  AddCase(CaseType::kCustody, person_ids_[1]);

  std::vector<LawyerLoad> loads;
  std::vector<LegalCase> of_ana, custody_open, of_person, other_site;
  ASSERT_OK(Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(loads, tx.ListLawyers());
    LegalCaseFilter filter;
    filter.lawyer_id = ana.id;
    ASSIGN_OR_RETURN(of_ana, tx.ListLegalCases(filter));
    filter = {};
    filter.type = CaseType::kCustody;
    filter.open_only = true;
    ASSIGN_OR_RETURN(custody_open, tx.ListLegalCases(filter));
    filter = {};
    filter.person_id = person_ids_[1];
    ASSIGN_OR_RETURN(of_person, tx.ListLegalCases(filter));
    filter = {};
    filter.scoped = true;
    filter.site_ids = {site_id_ + 1000};
    ASSIGN_OR_RETURN(other_site, tx.ListLegalCases(filter));
    return OkStatus();
  }));
  ASSERT_EQ(loads.size(), 2u);
  EXPECT_EQ(loads[0].lawyer.id, ana.id);
  EXPECT_EQ(loads[0].open_cases, 2);
  EXPECT_EQ(loads[1].open_cases, 0);
  EXPECT_EQ(loads[0].lawyer.specialties, std::vector<CaseType>{CaseType::kCustody});
  EXPECT_EQ(loads[0].lawyer.languages, (std::vector<std::string>{"spa", "eng"}));
  EXPECT_EQ(of_ana.size(), 3u);
  EXPECT_EQ(custody_open.size(), 2u);
  EXPECT_EQ(of_person.size(), 2u);
  EXPECT_TRUE(other_site.empty());

  beto.capacity = 12;
  ASSERT_OK(Write([&](Tx& tx) { return tx.UpdateLawyer(beto); }));
  beto.version = 1;
  EXPECT_THAT(Write([&](Tx& tx) { return tx.UpdateLawyer(beto); }), StatusIs(StatusCode::kAborted, "version"));
}

TEST_P(LegalStoreTest, DeadlinesAndAppointmentsFilterByDateLawyerAndSite) {
  Lawyer ana = AddLawyer("Lic. Ana Ruiz", {CaseType::kCustody});
  LegalCase legal_case = AddCase(CaseType::kCustody, person_ids_[0], ana.id);
  for (const char* due : {"2026-12-10", "2026-11-25", "2026-12-01"}) {
    LegalDeadline deadline;
    deadline.case_id = legal_case.id;
    deadline.title = std::string("Plazo ") + due;
    deadline.due_date = due;
    deadline.created_by = "abogada";
    ASSERT_OK(Write([&](Tx& tx) { return tx.InsertLegalDeadline(deadline); }));
  }
  std::vector<LegalDeadline> all;
  ASSERT_OK(Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(all, tx.ListLegalDeadlines({legal_case.id, false, ""}));
    return OkStatus();
  }));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].due_date, "2026-11-25");
  all[0].met_at = "2026-11-24T18:00:00Z";
  ASSERT_OK(Write([&](Tx& tx) { return tx.UpdateLegalDeadline(all[0]); }));
  std::vector<LegalDeadline> open_due;
  ASSERT_OK(Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(open_due, tx.ListLegalDeadlines({0, true, "2026-12-01"}));
    return OkStatus();
  }));
  ASSERT_EQ(open_due.size(), 1u);
  EXPECT_EQ(open_due[0].due_date, "2026-12-01");

  for (const char* starts : {"2026-12-02T17:00:00Z", "2026-12-01T16:00:00Z"}) {
    LegalAppointment appointment;
    appointment.case_id = legal_case.id;
    appointment.lawyer_id = ana.id;
    appointment.site_id = site_id_;
    appointment.starts_at = starts;
    appointment.mode = AppointmentMode::kVideo;
    appointment.created_by = "abogada";
    ASSERT_OK(Write([&](Tx& tx) { return tx.InsertLegalAppointment(appointment); }));
  }
  std::vector<LegalAppointment> of_lawyer, of_site_day, elsewhere;
  ASSERT_OK(Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(of_lawyer, tx.ListLegalAppointments({0, ana.id, 0, "", ""}));
    ASSIGN_OR_RETURN(of_site_day,
                     tx.ListLegalAppointments({0, 0, site_id_, "2026-12-01T08:00:00Z", "2026-12-02T08:00:00Z"}));
    ASSIGN_OR_RETURN(elsewhere, tx.ListLegalAppointments({0, 0, site_id_ + 1000, "", ""}));
    return OkStatus();
  }));
  ASSERT_EQ(of_lawyer.size(), 2u);
  EXPECT_EQ(of_lawyer[0].starts_at, "2026-12-01T16:00:00Z");
  EXPECT_EQ(of_lawyer[0].mode, AppointmentMode::kVideo);
  ASSERT_EQ(of_site_day.size(), 1u);
  EXPECT_TRUE(elsewhere.empty());
}

TEST_P(LegalStoreTest, NotesAndContactAreSealedAtRestAndReadBackInClear) {
  LegalCase legal_case = AddCase(CaseType::kCustody, person_ids_[0]);
  LegalNote note;
  note.case_id = legal_case.id;
  note.body = "La madre teme represalias del padre en San Diego.";
  note.author = "abogada";
  ASSERT_OK(Write([&](Tx& tx) { return tx.InsertLegalNote(note); }));
  ContactPreferences contact;
  contact.person_id = person_ids_[0];
  contact.channel = ContactChannel::kWhatsapp;
  contact.contact = "+526641234567";
  contact.consent = true;
  contact.recorded_by = "registro";
  ASSERT_OK(Write([&](Tx& tx) { return tx.SaveContactPreferences(contact); }));

  std::vector<LegalNote> notes;
  ContactPreferences read_contact, none;
  ASSERT_OK(Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(notes, tx.ListLegalNotes(legal_case.id));
    ASSIGN_OR_RETURN(read_contact, tx.GetContactPreferences(person_ids_[0]));
    ASSIGN_OR_RETURN(none, tx.GetContactPreferences(person_ids_[1]));
    return OkStatus();
  }));
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].body, note.body);
  EXPECT_EQ(read_contact.contact, "+526641234567");
  EXPECT_EQ(read_contact.channel, ContactChannel::kWhatsapp);
  EXPECT_TRUE(read_contact.consent);
  EXPECT_EQ(none.version, 0);
  const std::string raw_note = RawValue("SELECT body FROM legal_note");
  EXPECT_EQ(raw_note.rfind("v1.", 0), 0u);
  EXPECT_EQ(raw_note.find("represalias"), std::string::npos);
  EXPECT_EQ(RawValue("SELECT contact FROM legal_contact").find("1234567"), std::string::npos);

  // Resealing leaves values under the current key alone.
  StatusOr<int64_t> resealed = 0;
  ASSERT_OK(Write([&](Tx& tx) -> Status {
    resealed = tx.ResealSensitiveFields();
    return resealed.status();
  }));
  EXPECT_EQ(*resealed, 0);
}

TEST_P(LegalStoreTest, AnonymisingAPersonBlanksTheirLegalDetailsButKeepsTheCounts) {
  LegalCase legal_case = AddCase(CaseType::kCustody, person_ids_[0]);
  LegalNote note;
  note.case_id = legal_case.id;
  note.body = "Detalles privilegiados";
  note.author = "abogada";
  LegalScreening screening;
  screening.person_id = person_ids_[0];
  screening.site_id = site_id_;
  screening.a_number = "A123456789";
  screening.screened_by = "registro";
  screening.version = 0;
  ContactPreferences contact;
  contact.person_id = person_ids_[0];
  contact.channel = ContactChannel::kPhone;
  contact.contact = "+526641234567";
  contact.consent = true;
  contact.recorded_by = "registro";
  ASSERT_OK(Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.InsertLegalNote(note));
    RETURN_IF_ERROR(tx.SaveLegalScreening(screening));
    RETURN_IF_ERROR(tx.SaveContactPreferences(contact));
    return tx.AnonymisePerson(person_ids_[0]);
  }));
  std::vector<LegalNote> notes;
  ContactPreferences read_contact;
  LegalScreening read_screening;
  LegalCase read_case;
  ASSERT_OK(Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(notes, tx.ListLegalNotes(legal_case.id));
    ASSIGN_OR_RETURN(read_contact, tx.GetContactPreferences(person_ids_[0]));
    ASSIGN_OR_RETURN(read_screening, tx.GetLegalScreening(person_ids_[0]));
    ASSIGN_OR_RETURN(read_case, tx.GetLegalCase(legal_case.id));
    return OkStatus();
  }));
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].body, "");
  EXPECT_EQ(read_contact.contact, "");
  EXPECT_EQ(read_contact.channel, ContactChannel::kNone);
  EXPECT_EQ(read_screening.a_number, "");
  EXPECT_EQ(read_case.type, CaseType::kCustody);
}

TEST_P(LegalStoreTest, RejectsACaseForAMissingPersonAndWritesNothing) {
  LegalCase legal_case;
  legal_case.person_id = 999999;
  legal_case.site_id = site_id_;
  legal_case.type = CaseType::kCustody;
  legal_case.created_by = "x";
  EXPECT_FALSE(Write([&](Tx& tx) { return tx.InsertLegalCase(legal_case); }).ok());
  std::vector<LegalCase> cases;
  ASSERT_OK(Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(cases, tx.ListLegalCases({}));
    return OkStatus();
  }));
  EXPECT_TRUE(cases.empty());
  EXPECT_EQ(RawValue("SELECT COUNT(*) FROM legal_document"), "0");
}

}  // namespace
}  // namespace acogida
