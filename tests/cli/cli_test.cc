// The `acogida` binary's subcommands and their errors, run as a real process.
#include <gtest/gtest.h>

#include <fstream>

#include "testing/server_process.h"
#include "testing/temp_dir.h"

namespace acogida {
namespace {

using testing::RunAcogida;

TEST(Cli, VersionPrintsTheVersion) {
  auto result = RunAcogida({"version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output.rfind("acogida ", 0), 0u) << result.output;
}

TEST(Cli, HelpListsTheSubcommands) {
  auto result = RunAcogida({"--help"});
  EXPECT_EQ(result.exit_code, 0);
  for (const char* subcommand : {"serve", "demo-data", "version"}) {
    EXPECT_NE(result.output.find(subcommand), std::string::npos) << result.output;
  }
}

TEST(Cli, NoSubcommandIsAUsageError) {
  EXPECT_NE(RunAcogida({}).exit_code, 0);
}

TEST(Cli, ServeWithMissingDatabaseFolderFailsClearly) {
  auto result = RunAcogida({"serve", "--db", "/nonexistent-acogida-folder/a.db", "--port", "0", "--web", ""});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("does not exist"), std::string::npos) << result.output;
}

TEST(Cli, ServeWithoutBuiltAppFailsClearly) {
  testing::TempDir dir;
  auto result = RunAcogida({"serve", "--db", dir.File("a.db"), "--port", "0", "--web", dir.File("no-app")});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("index.html"), std::string::npos) << result.output;
}

TEST(Cli, DemoDataFillsAFreshDatabaseOnce) {
  testing::TempDir dir;
  auto first = RunAcogida({"demo-data", "--db", dir.File("demo.db"), "--seed", "3", "--persons", "200"});
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("persons"), std::string::npos) << first.output;
  auto second = RunAcogida({"demo-data", "--db", dir.File("demo.db")});
  EXPECT_NE(second.exit_code, 0);
  EXPECT_NE(second.output.find("already has sites"), std::string::npos) << second.output;
}

TEST(Cli, KeysRotateReencryptsAndKeepsTheAuditChain) {
  testing::TempDir dir;
  ASSERT_EQ(RunAcogida({"demo-data", "--db", dir.File("k.db"), "--seed", "5", "--persons", "100"}).exit_code, 0);
  auto rotated = RunAcogida({"keys", "rotate", "--db", dir.File("k.db")});
  EXPECT_EQ(rotated.exit_code, 0) << rotated.output;
  EXPECT_NE(rotated.output.find("current key is now k2"), std::string::npos) << rotated.output;
  std::ifstream key_file(dir.File("k.db.keys"));
  std::string line;
  int keys = 0;
  while (std::getline(key_file, line)) keys += line.rfind("key ", 0) == 0 ? 1 : 0;
  EXPECT_EQ(keys, 2);
  auto verified = RunAcogida({"audit", "verify", "--db", dir.File("k.db")});
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
}

TEST(Cli, UserAddListDisable) {
  testing::TempDir dir;
  auto added = RunAcogida({"user", "add", "--db", dir.File("u.db"), "--username", "luz.m", "--role", "coordinator",
                           "--password-stdin"},
                          "una frase bastante larga\n");
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_EQ(RunAcogida({"user", "add", "--db", dir.File("u.db"), "--username", "luz.m", "--role", "coordinator"})
                .exit_code,
            2);  // taken username: bad input
  auto listed = RunAcogida({"user", "list", "--db", dir.File("u.db")});
  EXPECT_NE(listed.output.find("luz.m"), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("active"), std::string::npos);
  ASSERT_EQ(RunAcogida({"user", "disable", "--db", dir.File("u.db"), "--username", "luz.m"}).exit_code, 0);
  EXPECT_NE(RunAcogida({"user", "list", "--db", dir.File("u.db")}).output.find("disabled"), std::string::npos);
  EXPECT_EQ(RunAcogida({"user", "add", "--db", dir.File("u.db"), "--username", "x", "--role", "king"}).exit_code, 2);
}

}  // namespace
}  // namespace acogida
