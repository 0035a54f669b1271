// Backups and restore drills, with real processes, files and databases. SQLite: `acogida
// backup` runs while a server registers households concurrently; each backup, copied into
// place as an operator would restore it, passes `acogida audit verify`, and a server on it
// serves only whole households (both members or neither). PostgreSQL: pg_dump --format=custom
// of a served database, pg_restore into a new database, and the restored one verifies and
// serves the same persons. Also what `acogida backup` refuses, and that a failed backup
// leaves nothing under the name asked for.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

#include "store/backup.h"
#include "testing/server_process.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using testing::Backend;
using testing::CommandResult;
using testing::RunAcogida;

constexpr const char* kPassword = "frase de respaldo bastante larga";
constexpr const char* kUsername = "respaldo.coord";

// A client of one server, logged in as the test's coordinator with a bearer token.
class ApiClient {
 public:
  explicit ApiClient(int port) : port_(port) {
    httplib::Client client("127.0.0.1", port_);
    auto login = client.Post("/api/v1/auth/login", {{"X-Session-Mode", "bearer"}},
                             Json{{"username", kUsername}, {"password", kPassword}}.dump(), "application/json");
    if (login && login->status == 200) token_ = Json::parse(login->body)["token"];
  }
  bool logged_in() const { return !token_.empty(); }

  // The status and parsed body of one request (status 0 when the server did not answer).
  std::pair<int, Json> Call(const std::string& method, const std::string& path, const std::string& body = "") {
    httplib::Client client("127.0.0.1", port_);
    client.set_default_headers({{"Authorization", "Bearer " + token_}, {"X-Access-Reason", "prueba%20de%20respaldo"}});
    httplib::Result result =
        method == "GET" ? client.Get(path.c_str()) : client.Post(path.c_str(), body, "application/json");
    if (!result) return {0, nullptr};
    return {result->status, result->body.empty() ? Json() : Json::parse(result->body, nullptr, false)};
  }

 private:
  int port_;
  std::string token_;
};

int64_t CreateSite(ApiClient& api) {
  Json site{{"name", "Albergue Respaldo"}, {"kind", "shelter"},           {"operator", "Sociedad civil"},
            {"city", "Tijuana"},          {"state", "02"},               {"timezone", "America/Tijuana"},
            {"latitude", 32.51},          {"longitude", -117.03},        {"version", 1}};
  auto [status, body] = api.Call("POST", "/api/v1/sites", site.dump());
  EXPECT_EQ(status, 201) << body.dump();
  return body.value("id", int64_t{0});
}

// A household of two (head and spouse) with names unique to (writer_idx, household_idx);
// names hold no digits.
Json HouseholdBody(int64_t site_id, int writer_idx, int household_idx) {
  static const char* const kHeads[] = {"José", "Luis", "Juan", "Pedro", "Jesús", "Miguel", "Ángel", "Raúl", "Óscar", "Iván"};
  static const char* const kSpouses[] = {"María", "Ana", "Rosa", "Lucía", "Elena", "Sofía", "Inés", "Marta", "Julia", "Paula"};
  static const char* const kPaternal[] = {"Hernández", "Martínez", "Gómez", "Ramírez", "Flores", "Vargas"};
  static const char* const kMaternal[] = {"López", "García", "Pérez", "Soto", "Ruiz", "Díaz", "Cruz", "Mora"};
  auto member = [&](const char* given, const char* sex, const char* birth, const char* relationship) {
    return Json{{"given_names", given},
                {"paternal_surname", kPaternal[(household_idx / 10) % 6]},
                {"maternal_surname", kMaternal[writer_idx % 8]},
                {"sex", sex},
                {"birth_date", birth},
                {"relationship", relationship},
                {"consents", {{"services", true}}}};
  };
  return Json{{"site_id", site_id},
              {"mode", "bus"},
              {"arrived_at", "2026-11-20T16:30:00Z"},
              {"members", Json::array({member(kHeads[household_idx % 10], "M", "1988", "head"),
                                       member(kSpouses[household_idx % 10], "F", "1991", "spouse")})}};
}

// Every person a server lists, counted per household.
struct Census {
  int64_t total = 0;                        // "total" of GET /api/v1/persons
  std::map<int64_t, int> members_by_household;
};

Census TakeCensus(ApiClient& api) {
  Census census;
  for (int offset = 0;; offset += 100) {
    auto [status, page] = api.Call("GET", "/api/v1/persons?limit=100&offset=" + std::to_string(offset));
    EXPECT_EQ(status, 200) << page.dump();
    if (status != 200) break;
    census.total = page["total"].get<int64_t>();
    for (const Json& person : page["items"]) census.members_by_household[person["household_id"].get<int64_t>()]++;
    if (page["items"].empty() || offset + 100 >= census.total) break;
  }
  return census;
}

// Checks a restored database as an operator would after putting it in place: the audit chain
// verifies, a server on it starts and serves whole households, between `min_households` and
// `max_households` of them, and takes a new intake. Returns the census.
Census CheckRestored(const std::string& db, const std::string& key_file, int64_t min_households,
                     int64_t max_households) {
  CommandResult verified = RunAcogida({"audit", "verify", "--db", db, "--keys", key_file});
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
  EXPECT_NE(verified.output.find("audit chain intact"), std::string::npos) << verified.output;

  testing::ServerProcess server(db, "", key_file);
  EXPECT_GT(server.port(), 0) << server.startup_output();
  if (server.port() == 0) return {};
  ApiClient api(server.port());
  EXPECT_TRUE(api.logged_in());
  Census census = TakeCensus(api);
  const int64_t households = static_cast<int64_t>(census.members_by_household.size());
  EXPECT_GE(households, min_households) << db;
  EXPECT_LE(households, max_households) << db;
  EXPECT_GE(census.total, 0);
  EXPECT_LE(census.total, 2 * max_households);
  EXPECT_EQ(census.total, 2 * households) << "a household is in " << db << " without all its members";
  for (const auto& [household_id, members] : census.members_by_household) {
    EXPECT_EQ(members, 2) << "household " << household_id << " in " << db;
    auto [status, household] = api.Call("GET", "/api/v1/households/" + std::to_string(household_id));
    EXPECT_EQ(status, 200) << household.dump();
    EXPECT_EQ(household["members"].size(), 2u) << household.dump();
  }
  // The restored database takes new records (its sequences were restored too).
  auto [sites_status, sites] = api.Call("GET", "/api/v1/sites");
  EXPECT_EQ(sites_status, 200) << sites.dump();
  const Json& site_list = sites.is_array() ? sites : sites["items"];
  if (!site_list.empty()) {
    auto [status, body] = api.Call("POST", "/api/v1/households",
                                   HouseholdBody(site_list[0]["id"].get<int64_t>(), 7, 59).dump());
    EXPECT_EQ(status, 201) << body.dump();
  } else {
    ADD_FAILURE() << "no site in " << db;
  }
  return census;
}

CommandResult Backup(const std::string& db, const std::string& key_file, const std::string& out, bool force = false) {
  std::vector<std::string> args{"backup", "--db", db, "--keys", key_file, "--out", out};
  if (force) args.push_back("--force");
  return RunAcogida(args);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The names in `folder`, for "nothing was left behind" checks.
std::vector<std::string> Listing(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Restores a backup as docs/operations.md says: the server is stopped, the file is copied to
// the database's place (no stale -wal/-shm beside it).
std::string RestoreInPlace(const std::string& backup, const std::string& place) {
  fs::copy_file(backup, place, fs::copy_options::overwrite_existing);
  return place;
}

TEST(BackupRestoreDrill, SqliteBackupsTakenWhileAServerWritesRestoreWholeAndVerified) {
  testing::TestDatabase database(Backend::kSqlite);
  testing::TempDir backups;
  auto added = testing::AddUser(database.url(), kUsername, "coordinator", kPassword, database.key_file());
  ASSERT_EQ(added.exit_code, 0) << added.output;
  auto server = std::make_unique<testing::ServerProcess>(database.url(), "", database.key_file());
  ASSERT_GT(server->port(), 0) << server->startup_output();
  ApiClient api(server->port());
  ASSERT_TRUE(api.logged_in());
  const int64_t site_id = CreateSite(api);
  ASSERT_GT(site_id, 0);

  constexpr int kWriters = 4;
  constexpr int kHouseholdsEach = 40;
  std::atomic<int> created{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int writer_idx = 0; writer_idx < kWriters; ++writer_idx) {
    writers.emplace_back([&, writer_idx] {
      ApiClient writer(server->port());
      for (int household_idx = 0; household_idx < kHouseholdsEach && !stop; ++household_idx) {
        auto [status, body] = writer.Call("POST", "/api/v1/households",
                                          HouseholdBody(site_id, writer_idx, household_idx).dump());
        if (status == 201) created++;
        else ADD_FAILURE() << status << " " << body.dump();
      }
    });
  }
  auto wait_for = [&](int households) {
    for (int tries = 0; created < households && tries < 3000; ++tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  };

  // Three backups while the writers go on: two with the command, one through the library
  // one page per step (every step a separate call while the server commits between them).
  struct Taken {
    std::string file;
    int64_t at_least;  // households committed before it started
    int64_t at_most;   // households answered when it ended, plus those in flight
  };
  std::vector<Taken> taken;
  wait_for(20);
  {
    Taken backup{backups.File("first.db"), created.load(), 0};
    CommandResult result = Backup(database.url(), database.key_file(), backup.file);
    backup.at_most = created.load() + kWriters;
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("integrity ok"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("the key file " + database.key_file() + " is NOT in the backup"), std::string::npos)
        << result.output;
    taken.push_back(backup);
  }
  wait_for(60);
  {
    Taken backup{backups.File("stepwise.db"), created.load(), 0};
    BackupOptions options;
    options.pages_per_step = 1;
    auto report = BackupSqliteDatabase(database.url(), backup.file, options);
    backup.at_most = created.load() + kWriters;
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->integrity, "ok");
    EXPECT_GT(report->pages, 1);
    EXPECT_GE(report->steps, report->pages);
    EXPECT_EQ(report->bytes, report->pages * report->page_size);
    taken.push_back(backup);
  }
  wait_for(100);
  {
    Taken backup{backups.File("third.db"), created.load(), 0};
    CommandResult result = Backup(database.url(), database.key_file(), backup.file);
    backup.at_most = created.load() + kWriters;
    ASSERT_EQ(result.exit_code, 0) << result.output;
    taken.push_back(backup);
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(created.load(), kWriters * kHouseholdsEach);
  server.reset();

  int64_t answered_during_backups = 0;
  for (const Taken& backup : taken) answered_during_backups += backup.at_most - kWriters - backup.at_least;
  EXPECT_GT(answered_during_backups, 0) << "the backups did not overlap the writes; the drill proves nothing";
  for (const Taken& backup : taken) {
    SCOPED_TRACE(backup.file);
    struct stat info;
    ASSERT_EQ(::stat(backup.file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u) << "a backup holds personal data";
    const std::string place = RestoreInPlace(backup.file, backups.File("restored.db"));
    Census census = CheckRestored(place, database.key_file(), backup.at_least, backup.at_most);
    ::testing::Test::RecordProperty(fs::path(backup.file).stem().string(),
                                    std::to_string(census.members_by_household.size()) + " households (" +
                                        std::to_string(backup.at_least) + " to " + std::to_string(backup.at_most) +
                                        " possible)");
    EXPECT_LE(census.total, 2 * kWriters * kHouseholdsEach);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(place + suffix);
  }
  // Nothing but the backups in their folder (no temporary copies left).
  EXPECT_EQ(Listing(backups.path()), (std::vector<std::string>{"first.db", "stepwise.db", "third.db"}));
}

class BackupCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto added = testing::AddUser(database_.url(), kUsername, "coordinator", kPassword, database_.key_file());
    ASSERT_EQ(added.exit_code, 0) << added.output;
  }

  testing::TestDatabase database_{Backend::kSqlite};
  testing::TempDir out_;
};

TEST_F(BackupCommandTest, AnExistingFileIsLeftUntouchedWithoutForceAndReplacedWithIt) {
  const std::string out = out_.File("acogida.db");
  { std::ofstream(out) << "an older backup"; }
  CommandResult refused = Backup(database_.url(), database_.key_file(), out);
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.output.find(out), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("already exists"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("--force"), std::string::npos) << refused.output;
  EXPECT_EQ(ReadFile(out), "an older backup");
  EXPECT_EQ(Listing(out_.path()), std::vector<std::string>{"acogida.db"});

  CommandResult forced = Backup(database_.url(), database_.key_file(), out, /*force=*/true);
  ASSERT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_NE(ReadFile(out), "an older backup");
  CommandResult verified = RunAcogida({"audit", "verify", "--db", out, "--keys", database_.key_file()});
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
  EXPECT_NE(verified.output.find("audit chain intact"), std::string::npos) << verified.output;
}

TEST_F(BackupCommandTest, AMissingDatabaseFailsClearlyAndLeavesNothing) {
  const std::string missing = out_.File("no-such.db");
  CommandResult result = Backup(missing, database_.key_file(), out_.File("copy.db"));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("'" + missing + "' does not exist"), std::string::npos) << result.output;
  EXPECT_TRUE(Listing(out_.path()).empty());
}

TEST_F(BackupCommandTest, AFileThatIsNotADatabaseFailsAndLeavesNothingUnderTheName) {
  const std::string not_a_database = database_.dir().File("notes.db");
  { std::ofstream(not_a_database) << std::string(8192, 'x'); }
  CommandResult result = Backup(not_a_database, database_.key_file(), out_.File("copy.db"));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("is not a SQLite database"), std::string::npos) << result.output;
  EXPECT_TRUE(Listing(out_.path()).empty()) << "neither the backup nor its temporary file may remain";
}

TEST_F(BackupCommandTest, TheDatabaseItselfAndAMissingFolderAreRefused) {
  CommandResult itself = Backup(database_.url(), database_.key_file(), database_.url(), /*force=*/true);
  EXPECT_EQ(itself.exit_code, 2) << itself.output;
  EXPECT_NE(itself.output.find("is the database itself"), std::string::npos) << itself.output;
  CommandResult nowhere = Backup(database_.url(), database_.key_file(), out_.File("missing/copy.db"));
  EXPECT_EQ(nowhere.exit_code, 1) << nowhere.output;
  EXPECT_NE(nowhere.output.find("does not exist"), std::string::npos) << nowhere.output;
  CommandResult verified = RunAcogida({"audit", "verify", "--db", database_.url(), "--keys", database_.key_file()});
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
}

TEST_F(BackupCommandTest, APostgresDatabaseIsPointedToPgDump) {
  CommandResult result = RunAcogida({"backup", "--db", "postgresql://acogida:secreto@db.example/acogida", "--keys",
                                     database_.key_file(), "--out", out_.File("copy.db")});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("pg_dump"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("docs/operations.md"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("secreto"), std::string::npos) << "the password must not be shown";
  EXPECT_TRUE(Listing(out_.path()).empty());
}

// Runs a shell command; its exit code, with stdout and stderr in *output.
int RunShell(const std::string& command, const testing::TempDir& dir, std::string* output) {
  const std::string log = dir.File("shell.log");
  int status = std::system((command + " >" + testing::ShellQuote(log) + " 2>&1").c_str());
  *output = command + "\n" + ReadFile(log);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A database made in the test cluster for the restore, dropped at the end.
class RestoreDatabase {
 public:
  RestoreDatabase() {
    const char* cluster = std::getenv("ACOGIDA_TEST_PG");
    if (!cluster || !*cluster) return;
    admin_url_ = cluster;
    size_t at = admin_url_.find("/postgres?");
    if (at == std::string::npos) return;
    name_ = "restore_" + std::to_string(::getpid());
    testing::RunPsql(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    if (!testing::RunPsql(admin_url_, "CREATE DATABASE " + name_ + " TEMPLATE template0 ENCODING 'UTF8'")) return;
    url_ = admin_url_.substr(0, at) + "/" + name_ + "?" + admin_url_.substr(at + std::string("/postgres?").size());
  }
  ~RestoreDatabase() {
    if (!url_.empty()) testing::RunPsql(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  RestoreDatabase(const RestoreDatabase&) = delete;
  RestoreDatabase& operator=(const RestoreDatabase&) = delete;
  const std::string& url() const { return url_; }  // "" when it could not be made

 private:
  std::string admin_url_;
  std::string name_;
  std::string url_;
};

TEST(BackupRestoreDrill, PostgresPgDumpAndPgRestoreGiveAVerifiedDatabaseServingTheSamePersons) {
  testing::TestDatabase database(Backend::kPostgres);
  SKIP_IF_UNAVAILABLE(database);
  auto added = testing::AddUser(database.url(), kUsername, "coordinator", kPassword, database.key_file());
  ASSERT_EQ(added.exit_code, 0) << added.output;
  auto server = std::make_unique<testing::ServerProcess>(database.url(), "", database.key_file());
  ASSERT_GT(server->port(), 0) << server->startup_output();
  ApiClient api(server->port());
  ASSERT_TRUE(api.logged_in());
  const int64_t site_id = CreateSite(api);
  ASSERT_GT(site_id, 0);
  std::vector<std::thread> writers;
  for (int writer_idx = 0; writer_idx < 3; ++writer_idx) {
    writers.emplace_back([&, writer_idx] {
      ApiClient writer(server->port());
      for (int household_idx = 0; household_idx < 12; ++household_idx) {
        auto [status, body] = writer.Call("POST", "/api/v1/households",
                                          HouseholdBody(site_id, writer_idx, household_idx).dump());
        EXPECT_EQ(status, 201) << body.dump();
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  Census original = TakeCensus(api);
  EXPECT_EQ(original.total, 72);

  // The nightly dump, taken while the server runs (pg_dump reads one snapshot).
  testing::TempDir dumps;
  const std::string dump = dumps.File("acogida.dump");
  std::string output;
  ASSERT_EQ(RunShell("pg_dump --format=custom --file=" + testing::ShellQuote(dump) + " " +
                         testing::ShellQuote(database.url()),
                     dumps, &output),
            0)
      << output;
  server.reset();
  CommandResult original_chain = RunAcogida({"audit", "verify", "--db", database.url(), "--keys", database.key_file()});
  ASSERT_EQ(original_chain.exit_code, 0) << original_chain.output;

  // The drill: a new database, pg_restore, verify, serve.
  RestoreDatabase restored;
  ASSERT_FALSE(restored.url().empty()) << "cannot create the database to restore into";
  ASSERT_EQ(RunShell("pg_restore --no-owner --exit-on-error -d " + testing::ShellQuote(restored.url()) + " " +
                         testing::ShellQuote(dump),
                     dumps, &output),
            0)
      << output;
  CommandResult restored_chain = RunAcogida({"audit", "verify", "--db", restored.url(), "--keys", database.key_file()});
  EXPECT_EQ(restored_chain.exit_code, 0) << restored_chain.output;
  EXPECT_EQ(restored_chain.output, original_chain.output) << "the same audit rows, all intact";
  Census census = CheckRestored(restored.url(), database.key_file(), 36, 36);
  EXPECT_EQ(census.total, original.total);
  EXPECT_EQ(census.members_by_household, original.members_by_household);
}

}  // namespace
}  // namespace acogida
