// `acogida migrate` on real databases: a shelter's SQLite file moved into a network database
// (PostgreSQL, and SQLite as well) that already holds another shelter: every record copied
// with new ids, sealed fields readable under the network's keys, the shelter's audit trail
// kept and verifiable (and a change to it detected), a re-run copying nothing twice, and a
// username clash refused with nothing written.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

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

  static constexpr const char* kPassword = "frase de prueba bastante larga";
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

}  // namespace
}  // namespace acogida
