// `acogida migrate` on real databases: a shelter's SQLite file moved into a network database
// (PostgreSQL, and SQLite as well) that already holds another shelter: every record copied
// with new ids, sealed fields readable under the network's keys, the shelter's audit trail
// kept and verifiable (and a change to it detected), a re-run copying nothing twice, and a
// username clash refused with nothing written. Legal aid, the services checklist and
// simulation runs are written through the shelter's services and read back through the
// network's: ids renumbered, sealed legal values (A-number, contact, notes) opened under the
// network's keys, NULL lawyers still NULL; an inconsistent source or an unknown table with
// rows is refused with nothing written.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <map>

#include "service/legal_service.h"
#include "service/reception_service.h"
#include "service/user_service.h"
#include "store/sql/sql_connection.h"
#include "store/store.h"
#include "testing/execute_sql.h"
#include "testing/fixtures.h"
#include "testing/server_process.h"
#include "testing/status_matchers.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using testing::Backend;
using testing::RunAcogida;
using testing::TestDatabase;

class MigrateTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(network_);
    // The shelter: one household with sealed phone and notes, and an account.
    auto shelter = shelter_.Open();
    ASSERT_OK(shelter);
    ASSERT_OK((*shelter)->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
      Site site = testing::TijuanaCentre();
      RETURN_IF_ERROR(tx.InsertSite(site));
      Household household;
      household.site_id = site.id;
      RETURN_IF_ERROR(tx.InsertHousehold(household));
      Person person = testing::MakePerson("Marisol", "Zavala", "Quintero");
      person.household_id = household.id;
      person.phone = "+52 664 123 4567";
      person.notes = "Busca a su hermano en Reynosa";
      RETURN_IF_ERROR(tx.InsertPerson(person));
      shelter_site_id_ = site.id;
      marisol_id_ = person.id;
      return tx.RecordConsents(person.id, person.consents, "registro");
    }));
    auto added = testing::AddUser(shelter_.url(), "registro", "coordinator", kPassword, shelter_.key_file());
    ASSERT_EQ(added.exit_code, 0) << added.output;
    // The network already holds another shelter's person and an account named "registro".
    auto network = network_.Open();
    ASSERT_OK(network);
    ASSERT_OK((*network)->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
      Site site = testing::TijuanaCentre();
      site.name = "Albergue en Reynosa";
      RETURN_IF_ERROR(tx.InsertSite(site));
      Household household;
      household.site_id = site.id;
      RETURN_IF_ERROR(tx.InsertHousehold(household));
      Person person = testing::MakePerson("Aurelio", "Zavala", "Núñez");
      person.household_id = household.id;
      return tx.InsertPerson(person);
    }));
    network->reset();
    added = testing::AddUser(network_.url(), "registro", "analyst", kPassword, network_.key_file());
    ASSERT_EQ(added.exit_code, 0) << added.output;
  }

  testing::CommandResult Migrate(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"migrate", "--from", shelter_.url(), "--from-keys", shelter_.key_file(),
                                  "--to",    network_.url(), "--keys",   network_.key_file()};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunAcogida(args);
  }

  testing::CommandResult Verify() {
    return RunAcogida({"audit", "verify", "--db", network_.url(), "--keys", network_.key_file()});
  }

  std::vector<Person> NetworkPersons(const std::string& token) {
    auto network = network_.Open();
    EXPECT_OK(network);
    PersonPage page;
    EXPECT_OK((*network)->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(page, tx.SearchPersons(PersonSearch{{token}, 50}));
      return OkStatus();
    }));
    return page.items;
  }

  // The shelter's legal work on Marisol, written through its services: a lawyer with an
  // account and one without, a screening with an A-number and contact preferences, a case
  // assigned to the first lawyer with a deadline, an appointment, a note and a document
  // received; a services checklist item offered; and a finished simulation run.
  void FillShelterThroughServices() {
    auto shelter = shelter_.Open();
    ASSERT_OK(shelter);
    Store& store = **shelter;
    UserService users(store);
    LegalService legal(store, SystemClock());
    ReceptionService reception(store, SystemClock());
    auto lawyer_account = users.Create(admin_, NewUser{"abogada.ana", "", Role::kLawyer, {}, kPassword});
    ASSERT_OK(lawyer_account);
    Lawyer ana;
    ana.name = "Ana Ruiz";
    ana.specialties = {CaseType::kCustody};
    ana.languages = {"spa"};
    ana.user_id = lawyer_account->id;
    ASSERT_OK(legal.CreateLawyer(coordinator_, ana));
    Lawyer clinic;
    clinic.name = "Clínica jurídica";
    clinic.specialties = {CaseType::kCustody};
    clinic.languages = {"spa", "eng"};
    auto clinic_created = legal.CreateLawyer(coordinator_, clinic);
    ASSERT_OK(clinic_created);
    auto lawyers = legal.Lawyers(coordinator_);
    ASSERT_OK(lawyers);
    int64_t ana_id = 0;
    for (const LawyerLoad& load : *lawyers) if (load.lawyer.name == "Ana Ruiz") ana_id = load.lawyer.id;
    ASSERT_NE(ana_id, 0);

    LegalScreening screening;
    screening.person_id = marisol_id_;
    screening.version = 0;
    screening.set_answer(ScreeningItem::kCustody, Answer::kYes);
    screening.set_answer(ScreeningItem::kImmigrationCase, Answer::kYes);
    screening.a_number = "A-201-555-019";
    screening.court = "San Diego";
    ContactPreferences contact;
    contact.channel = ContactChannel::kWhatsapp;
    contact.contact = "+52 664 765 4321";
    contact.consent = true;
    contact.best_time = "mañanas";
    ASSERT_OK(legal.SaveScreening(coordinator_, screening, contact));

    LegalCase input;
    input.person_id = marisol_id_;
    input.type = CaseType::kCustody;
    input.screening_item = "custody";
    auto opened = legal.OpenCase(coordinator_, input);
    ASSERT_OK(opened);
    LegalCaseChange assign;
    assign.version = opened->version;
    assign.lawyer_id = ana_id;
    auto assigned = legal.UpdateCase(coordinator_, opened->id, assign);
    ASSERT_OK(assigned);
    LegalDeadline deadline;
    deadline.title = "Audiencia de custodia";
    deadline.due_date = "2031-03-14";
    ASSERT_OK(legal.AddDeadline(coordinator_, opened->id, deadline));
    LegalAppointment appointment;
    appointment.starts_at = "2031-03-01T17:00:00Z";
    appointment.mode = AppointmentMode::kPhone;
    appointment.place = "llamar al albergue";
    ASSERT_OK(legal.AddAppointment(coordinator_, opened->id, appointment));
    LegalNote note;
    note.body = "Privilegiado: el padre retiene a los niños en Fresno.";
    ASSERT_OK(legal.AddNote(coordinator_, opened->id, note));
    auto documents = legal.Documents(coordinator_, opened->id);
    ASSERT_OK(documents);
    ASSERT_FALSE(documents->empty());
    ASSERT_OK(legal.SetDocumentStatus(coordinator_, opened->id, (*documents)[0].id, DocumentStatus::kReceived,
                                      (*documents)[0].version));

    ASSERT_OK(reception.UpdateItem(coordinator_, marisol_id_,
                                   ServiceUpdate{shelter_site_id_, ServiceItem::kFoodKit, ServiceStatus::kOffered, {}, 0}));
    ASSERT_OK(store.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
      SimulationRun run;
      run.name = "Puente de diciembre";
      run.created_by = "registro";
      run.created_at = run.updated_at = "2026-12-01T10:00:00Z";
      run.scenario_json = R"({"name":"Puente de diciembre"})";
      run.replications = 3;
      run.seed = 42;
      RETURN_IF_ERROR(tx.InsertSimulationRun(run));  // queued
      run.status = SimulationStatus::kDone;
      run.progress = 1;
      run.result_json = R"({"peak":120})";
      run.finished_at = "2026-12-01T10:05:00Z";
      ASSIGN_OR_RETURN(bool finished, tx.FinishSimulationRun(run));
      return finished ? OkStatus() : Internal("the simulation run did not finish");
    }));
  }

  // Rows of each table copied from the shelter, counted with SQL on `database`.
  static std::map<std::string, int64_t> Counts(const TestDatabase& database) {
    std::map<std::string, int64_t> counts;
    auto db = OpenSqlConnection(database.url());
    EXPECT_OK(db);
    if (!db.ok()) return counts;
    for (const char* table : kCopiedTables) {
      auto count = (*db)->Prepare(std::string("SELECT COUNT(*) FROM ") + table);
      EXPECT_OK(count);
      if (!count.ok()) continue;
      auto stepped = (*count)->Step();
      EXPECT_OK(stepped);
      counts[table] = (*count)->Int(0);
    }
    return counts;
  }

  static constexpr const char* kCopiedTables[] = {
      "lawyer",      "legal_screening", "legal_case",     "legal_case_event", "legal_deadline",
      "legal_appointment", "legal_note", "legal_document", "legal_contact", "service_record",
      "service_event", "simulation_run"};
  static constexpr const char* kPassword = "frase de prueba bastante larga";
  const Actor admin_ = testing::TestActor(Role::kAdministrator, {}, 0);
  const Actor coordinator_ = testing::TestActor(Role::kCoordinator, {}, 0);
  int64_t shelter_site_id_ = 0;
  int64_t marisol_id_ = 0;
  TestDatabase shelter_{Backend::kSqlite};
  TestDatabase network_{GetParam()};
};

INSTANTIATE_TEST_SUITE_P(Networks, MigrateTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(MigrateTest, MovesEveryRecordWithSealedFieldsReadableUnderTheNetworksKeys) {
  auto moved = Migrate({"--user-suffix", ".tijuana"});
  ASSERT_EQ(moved.exit_code, 0) << moved.output;
  EXPECT_NE(moved.output.find("account registro is now registro.tijuana"), std::string::npos) << moved.output;
  std::vector<Person> zavalas = NetworkPersons("zavala");
  ASSERT_EQ(zavalas.size(), 2u);  // the network's own and the moved one, apart
  const Person& marisol = zavalas[0].given_names == "Marisol" ? zavalas[0] : zavalas[1];
  EXPECT_EQ(marisol.given_names, "Marisol");
  EXPECT_EQ(marisol.phone, "+52 664 123 4567");
  EXPECT_EQ(marisol.notes, "Busca a su hermano en Reynosa");
  auto network = network_.Open();
  ASSERT_OK(network);
  ASSERT_OK((*network)->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Consents consents, tx.CurrentConsents(marisol.id));
    EXPECT_TRUE(consents.services);
    std::string hash;
    ASSIGN_OR_RETURN(User user, tx.FindUserByUsername("registro.tijuana", &hash));
    EXPECT_EQ(user.role, Role::kCoordinator);
    return OkStatus();
  }));
  // The moved account logs in on the network with its old password.
  testing::ServerProcess server(network_.url(), "", network_.key_file());
  ASSERT_GT(server.port(), 0) << server.startup_output();
  httplib::Client client("127.0.0.1", server.port());
  auto login = client.Post("/api/v1/auth/login", {{"X-Session-Mode", "bearer"}},
                           nlohmann::json{{"username", "registro.tijuana"}, {"password", kPassword}}.dump(),
                           "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 200) << login->body;
  auto verified = Verify();
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
  EXPECT_NE(verified.output.find("imported trails intact"), std::string::npos) << verified.output;
}

TEST_P(MigrateTest, RunningItAgainCopiesNothingTwice) {
  ASSERT_EQ(Migrate({"--user-suffix", ".tijuana"}).exit_code, 0);
  auto again = Migrate({"--user-suffix", ".tijuana"});
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("person         0 new"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("person_token   0 new"), std::string::npos) << again.output;
  EXPECT_EQ(NetworkPersons("zavala").size(), 2u);
  EXPECT_EQ(Verify().exit_code, 0);
}

TEST_P(MigrateTest, AUsernameClashIsRefusedAndNothingIsWritten) {
  auto refused = Migrate();
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("already taken in the target: registro"), std::string::npos) << refused.output;
  EXPECT_EQ(NetworkPersons("zavala").size(), 1u);
}

TEST_P(MigrateTest, AChangedImportedAuditRowIsDetected) {
  ASSERT_EQ(Migrate({"--user-suffix", ".tijuana"}).exit_code, 0);
  ASSERT_TRUE(testing::ExecuteSql(network_, "UPDATE audit_import SET reason = 'otra cosa' WHERE id = 1"));
  auto verified = Verify();
  EXPECT_EQ(verified.exit_code, 1) << verified.output;
  EXPECT_NE(verified.output.find("imported audit trail of db-"), std::string::npos) << verified.output;
}

TEST_P(MigrateTest, MovesLegalAidServicesAndSimulationsReadableThroughTheNetworksServices) {
  FillShelterThroughServices();
  if (HasFatalFailure()) return;
  // The network has a lawyer of its own, so the shelter's get new ids.
  {
    auto network = network_.Open();
    ASSERT_OK(network);
    Lawyer own;
    own.name = "Licenciado de Reynosa";
    own.specialties = {CaseType::kWagesProperty};
    own.languages = {"spa"};
    ASSERT_OK(LegalService(**network, SystemClock()).CreateLawyer(coordinator_, own));
  }
  const std::map<std::string, int64_t> shelter_counts = Counts(shelter_);
  EXPECT_EQ(shelter_counts.at("legal_case_event"), 2);  // opened, then assigned
  EXPECT_EQ(shelter_counts.at("service_event"), 1);

  auto moved = Migrate({"--user-suffix", ".tijuana"});
  ASSERT_EQ(moved.exit_code, 0) << moved.output;
  std::map<std::string, int64_t> network_counts = Counts(network_);
  for (const auto& [table, rows] : shelter_counts) {
    EXPECT_EQ(network_counts[table], rows + (std::string(table) == "lawyer" ? 1 : 0)) << table;
  }

  std::vector<Person> zavalas = NetworkPersons("zavala");
  ASSERT_EQ(zavalas.size(), 2u);
  const Person& marisol = zavalas[0].given_names == "Marisol" ? zavalas[0] : zavalas[1];
  ASSERT_EQ(marisol.given_names, "Marisol");
  EXPECT_NE(marisol.id, marisol_id_);  // the network's own Aurelio took the first id

  auto network = network_.Open();
  ASSERT_OK(network);
  LegalService legal(**network, SystemClock());
  auto screening = legal.GetScreening(coordinator_, marisol.id);
  ASSERT_OK(screening);
  EXPECT_EQ(screening->screening.a_number, "A-201-555-019");
  EXPECT_EQ(screening->screening.court, "San Diego");
  EXPECT_EQ(screening->screening.answer(ScreeningItem::kCustody), Answer::kYes);
  EXPECT_EQ(screening->contact.contact, "+52 664 765 4321");
  EXPECT_EQ(screening->contact.channel, ContactChannel::kWhatsapp);
  EXPECT_TRUE(screening->contact.consent);
  ASSERT_EQ(screening->cases.size(), 1u);

  auto lawyers = legal.Lawyers(coordinator_);
  ASSERT_OK(lawyers);
  ASSERT_EQ(lawyers->size(), 3u);
  int64_t ana_id = 0;
  for (const LawyerLoad& load : *lawyers) {
    if (load.lawyer.name == "Ana Ruiz") {
      ana_id = load.lawyer.id;
      EXPECT_EQ(load.open_cases, 1);
      User user;
      std::string hash;
      ASSERT_OK((*network)->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
        ASSIGN_OR_RETURN(user, tx.FindUserByUsername("abogada.ana", &hash));
        return OkStatus();
      }));
      EXPECT_EQ(load.lawyer.user_id, user.id);
    }
    if (load.lawyer.name == "Clínica jurídica") {
      EXPECT_EQ(load.lawyer.user_id, 0);  // NULL stays NULL
    }
  }
  ASSERT_NE(ana_id, 0);

  const int64_t case_id = screening->cases[0].id;
  auto detail = legal.GetCase(coordinator_, case_id);
  ASSERT_OK(detail);
  EXPECT_EQ(detail->summary.legal_case.person_id, marisol.id);
  EXPECT_EQ(detail->summary.legal_case.lawyer_id, ana_id);
  EXPECT_EQ(detail->summary.lawyer_name, "Ana Ruiz");
  ASSERT_EQ(detail->events.size(), 2u);
  EXPECT_EQ(detail->events[0].lawyer_id, 0);  // opened unassigned: NULL stays NULL
  EXPECT_EQ(detail->events[1].lawyer_id, ana_id);
  ASSERT_EQ(detail->deadlines.size(), 1u);
  EXPECT_EQ(detail->deadlines[0].deadline.title, "Audiencia de custodia");
  ASSERT_EQ(detail->appointments.size(), 1u);
  EXPECT_EQ(detail->appointments[0].lawyer_id, ana_id);
  EXPECT_EQ(detail->appointments[0].site_id, detail->summary.legal_case.site_id);
  ASSERT_FALSE(detail->documents.empty());
  EXPECT_EQ(detail->documents[0].status, DocumentStatus::kReceived);
  auto notes = legal.Notes(coordinator_, case_id);
  ASSERT_OK(notes);
  ASSERT_EQ(notes->size(), 1u);
  EXPECT_EQ((*notes)[0].body, "Privilegiado: el padre retiene a los niños en Fresno.");

  ReceptionService reception(**network, SystemClock());
  auto checklist = reception.GetChecklist(coordinator_, marisol.id, detail->summary.legal_case.site_id);
  ASSERT_OK(checklist);
  EXPECT_EQ(checklist->items[static_cast<int>(ServiceItem::kFoodKit)].record.status, ServiceStatus::kOffered);
  ASSERT_OK((*network)->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(std::vector<SimulationRun> runs, tx.ListSimulationRuns(10));
    EXPECT_EQ(runs.size(), 1u);
    if (runs.empty()) return OkStatus();
    ASSIGN_OR_RETURN(SimulationRun run, tx.GetSimulationRun(runs[0].id));
    EXPECT_EQ(run.name, "Puente de diciembre");
    EXPECT_EQ(run.status, SimulationStatus::kDone);
    EXPECT_EQ(run.seed, 42u);
    EXPECT_EQ(run.result_json, R"({"peak":120})");
    EXPECT_EQ(run.finished_at, "2026-12-01T10:05:00Z");
    return OkStatus();
  }));
  network->reset();

  // A second run copies none of it again.
  auto again = Migrate({"--user-suffix", ".tijuana"});
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(Counts(network_), network_counts);
  EXPECT_EQ(Verify().exit_code, 0);
}

TEST_P(MigrateTest, AnInconsistentLegalSourceIsRefusedAndNothingIsWritten) {
  FillShelterThroughServices();
  if (HasFatalFailure()) return;
  // A history row naming a lawyer the directory lacks (legal_case_event.lawyer_id has no
  // foreign key to stop it).
  ASSERT_TRUE(testing::ExecuteSql(shelter_, "UPDATE legal_case_event SET lawyer_id = 999 WHERE lawyer_id IS NOT NULL"));
  auto refused = Migrate({"--user-suffix", ".tijuana"});
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("refers to a missing lawyer 999"), std::string::npos) << refused.output;
  EXPECT_EQ(NetworkPersons("zavala").size(), 1u);
  EXPECT_EQ(Counts(network_).at("legal_case"), 0);

  // An A-number moved onto another binding does not open: refused, naming the value.
  ASSERT_TRUE(testing::ExecuteSql(shelter_,
                                  "UPDATE legal_case_event SET lawyer_id = NULL; "
                                  "UPDATE legal_screening SET a_number = (SELECT body FROM legal_note LIMIT 1)"));
  refused = Migrate({"--user-suffix", ".tijuana"});
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("cannot open the source's legal_screening.a_number."), std::string::npos)
      << refused.output;
  EXPECT_EQ(NetworkPersons("zavala").size(), 1u);
  EXPECT_EQ(Counts(network_).at("legal_screening"), 0);
}

TEST_P(MigrateTest, ASourceTableItCannotCopyIsRefusedByName) {
  ASSERT_TRUE(testing::ExecuteSql(shelter_, "CREATE TABLE visitor_log (id INTEGER PRIMARY KEY, name TEXT); "
                                            "INSERT INTO visitor_log (name) VALUES ('visita')"));
  auto refused = Migrate({"--user-suffix", ".tijuana"});
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("cannot copy these tables of the source yet: visitor_log (1 rows)"),
            std::string::npos)
      << refused.output;
  EXPECT_EQ(NetworkPersons("zavala").size(), 1u);
}

}  // namespace
}  // namespace acogida
