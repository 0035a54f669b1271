// The `acogida` binary's subcommands and their errors, run as a real process.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace acogida
