// `acogida link dedupe|match` run as a real process: the output contract, and bad input
// (wrong columns, ragged rows, invalid UTF-8, repeated ids) failing with exit code 2, the
// line named on stderr, and nothing written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "linkage/csv.h"
#include "testing/server_process.h"
#include "testing/temp_dir.h"

namespace acogida {
namespace {

using testing::RunAcogida;

const char* kPersons =
    "record_id,given_names,paternal_surname,maternal_surname,sex,birth_date,birth_state,curp,site\n"
    "1,José Luis,Hernández,García,H,1985-03-12,16,HEGL850312HMNRRS00,Tijuana\n"
    "2,Pepe Luis,Hernandez,Garcia,H,1985-03-12,16,HEGL850312HMNRRS00,Reynosa\n"
    "3,Jorge,Hernández,García,H,1988-06-02,16,,Tijuana\n"
    "4,María Guadalupe,López,Martínez,M,1990-07-21,14,,Tijuana\n"
    "5,Lupe,LOPEZ,MARTINEZ,M,1990-07-21,14,,Nogales\n"
    "6,Juan,Hernández,López,H,1980-01-15,16,,Tijuana\n";

void Write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// record_id → cluster_id from a CLUSTERS.csv.
std::map<std::string, std::string> Clusters(const std::string& path) {
  auto file = linkage::ParseCsv(Read(path));
  EXPECT_TRUE(file.ok()) << file.status().ToString();
  std::map<std::string, std::string> clusters;
  if (!file.ok()) return clusters;
  EXPECT_EQ(file->table.columns(), (std::vector<std::string>{"record_id", "cluster_id"}));
  for (size_t row = 0; row < file->table.rows(); ++row) clusters[file->table.Cell(row, 0)] = file->table.Cell(row, 1);
  return clusters;
}

TEST(LinkDedupe, WritesAClusterForEveryRecord) {
  testing::TempDir dir;
  Write(dir.File("in.csv"), kPersons);
  auto result = RunAcogida({"link", "dedupe", dir.File("in.csv"), "--out", dir.File("clusters.csv")});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto clusters = Clusters(dir.File("clusters.csv"));
  ASSERT_EQ(clusters.size(), 6u);
  EXPECT_EQ(clusters["1"], clusters["2"]);  // Pepe is José (same CURP)
  EXPECT_NE(clusters["1"], clusters["3"]);  // his brother
  EXPECT_EQ(clusters["4"], clusters["5"]);  // Lupe is María Guadalupe
  EXPECT_NE(clusters["6"], clusters["1"]);
  EXPECT_EQ(clusters["6"], "6");
}

TEST(LinkDedupe, IgnoresExtraColumnsAndTreatsMissingOptionalOnesAsUnknown) {
  testing::TempDir dir;
  Write(dir.File("in.csv"),
        "notes,record_id,paternal_surname,given_names\n"
        "x,a1,Hernández,José\n"
        "\"y, z\",\"a,2\",Hernandez,Pepe\n");
  auto result = RunAcogida({"link", "dedupe", dir.File("in.csv"), "--out", dir.File("clusters.csv")});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto clusters = Clusters(dir.File("clusters.csv"));
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters.count("a,2"), 1u);  // quoted on the way out too
}

TEST(LinkDedupe, WrongColumnsFailNamingTheHeaderAndWriteNothing) {
  testing::TempDir dir;
  Write(dir.File("in.csv"), "record_id,nombre,apellido\n1,José,Hernández\n");
  auto result = RunAcogida({"link", "dedupe", dir.File("in.csv"), "--out", dir.File("clusters.csv")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("line 1"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("given_names"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir.File("clusters.csv")));
}

TEST(LinkDedupe, ARaggedRowFailsNamingItsLine) {
  testing::TempDir dir;
  std::string text = kPersons;
  text += "7,Ana,Ruiz\n";
  Write(dir.File("in.csv"), text);
  auto result = RunAcogida({"link", "dedupe", dir.File("in.csv"), "--out", dir.File("clusters.csv")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("line 8"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir.File("clusters.csv")));
}

TEST(LinkDedupe, InvalidUtf8FailsNamingItsLineAndLeavesAnOldOutputAlone) {
  testing::TempDir dir;
  std::string text = kPersons;
  text.insert(text.find("3,Jorge") + 3, "\xC3\x28");  // line 4: an invalid two-byte sequence
  Write(dir.File("in.csv"), text);
  Write(dir.File("clusters.csv"), "previous result\n");
  auto result = RunAcogida({"link", "dedupe", dir.File("in.csv"), "--out", dir.File("clusters.csv")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("line 4"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("UTF-8"), std::string::npos) << result.output;
  EXPECT_EQ(Read(dir.File("clusters.csv")), "previous result\n");
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << "left a temporary file behind";
  }
}

TEST(LinkDedupe, RepeatedRecordIdsFailNamingBothLines) {
  testing::TempDir dir;
  std::string text = kPersons;
  text += "2,Ana,Ruiz,Soto,M,1999-01-01,01,,Tijuana\n";
  Write(dir.File("in.csv"), text);
  auto result = RunAcogida({"link", "dedupe", dir.File("in.csv"), "--out", dir.File("clusters.csv")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("line 8"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("line 3"), std::string::npos) << result.output;
}

TEST(LinkDedupe, BadThresholdAndMissingFileAreBadInput) {
  testing::TempDir dir;
  Write(dir.File("in.csv"), kPersons);
  EXPECT_EQ(RunAcogida({"link", "dedupe", dir.File("in.csv"), "--out", dir.File("o.csv"), "--threshold", "1.5"})
                .exit_code,
            2);
  EXPECT_EQ(RunAcogida({"link", "dedupe", dir.File("absent.csv"), "--out", dir.File("o.csv")}).exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir.File("o.csv")));
}

TEST(LinkDedupe, RunsAnotherSchemaFromASettingsFile) {
  testing::TempDir dir;
  Write(dir.File("febrl.csv"),
        "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, "
        "soc_sec_id\n"
        "rec-1-org, mitchell, green, 7, wallaby place, delmar, cleveland, 2119, sa, 19560409, 1804974\n"
        "rec-1-dup-0, mitchell, gren, 7, wallaby pl, delmar, cleveland, 2119, sa, 19560409, 1804974\n"
        "rec-2-org, harley, mccarthy, 177, pridham street, milton, marsden, 3165, nsw, 19080419, 6089216\n");
  const std::string settings = std::string(ACOGIDA_SOURCE_PATH) + "/bench/linkage/febrl.json";
  auto result = RunAcogida({"link", "dedupe", dir.File("febrl.csv"), "--out", dir.File("clusters.csv"), "--settings",
                            settings});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto clusters = Clusters(dir.File("clusters.csv"));
  EXPECT_EQ(clusters["rec-1-org"], clusters["rec-1-dup-0"]);
  EXPECT_NE(clusters["rec-1-org"], clusters["rec-2-org"]);
}

TEST(LinkMatch, RanksRegistryRecordsWithProbabilityAndExplanation) {
  testing::TempDir dir;
  Write(dir.File("registry.csv"), kPersons);
  Write(dir.File("requests.csv"),
        "record_id,given_names,paternal_surname,maternal_surname,birth_date\n"
        "q1,Pepe,Hernández,García,1985\n"
        "q2,Guadalupe,López,,1990\n");
  auto result = RunAcogida({"link", "match", dir.File("requests.csv"), dir.File("registry.csv"), "--out",
                            dir.File("matches.csv"), "--top", "2"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto file = linkage::ParseCsv(Read(dir.File("matches.csv")));
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  const linkage::Table& matches = file->table;
  EXPECT_EQ(matches.columns(), (std::vector<std::string>{"request_id", "rank", "record_id", "probability",
                                                         "match_weight", "explanation"}));
  ASSERT_GE(matches.rows(), 2u);
  EXPECT_EQ(matches.Cell(0, 0), "q1");
  EXPECT_EQ(matches.Cell(0, 1), "1");
  EXPECT_TRUE(matches.Cell(0, 2) == "1" || matches.Cell(0, 2) == "2") << matches.Cell(0, 2);
  EXPECT_NE(matches.Cell(0, 5).find("given_names="), std::string::npos) << matches.Cell(0, 5);
  bool q2_found_lupe = false;
  for (size_t row = 0; row < matches.rows(); ++row) {
    if (matches.Cell(row, 0) == "q2" && matches.Cell(row, 1) == "1") {
      q2_found_lupe = matches.Cell(row, 2) == "4" || matches.Cell(row, 2) == "5";
    }
  }
  EXPECT_TRUE(q2_found_lupe) << Read(dir.File("matches.csv"));
}

TEST(LinkMatch, BadRegistryFailsNamingTheFileAndLine) {
  testing::TempDir dir;
  Write(dir.File("registry.csv"), "record_id,given_names,paternal_surname\n1,Ana\n");
  Write(dir.File("requests.csv"), "record_id,given_names,paternal_surname\nq,Ana,Ruiz\n");
  auto result = RunAcogida({"link", "match", dir.File("requests.csv"), dir.File("registry.csv"), "--out",
                            dir.File("matches.csv")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("registry.csv: line 2"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir.File("matches.csv")));
}

}  // namespace
}  // namespace acogida
