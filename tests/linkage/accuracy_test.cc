// Accuracy floors, unsupervised: the Mexican generator (2,000 persons, seed 2024) and the
// public FEBRL sets (dataset3 deduplication, dataset4 linking), read from
// <source>/../shared/data/linkage (or $ACOGIDA_LINKAGE_DATA). The full figures, with
// timings, are benchmarks (bench/linkage, bench/RESULTS.md); these only guard against
// regressions.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "linkage/csv.h"
#include "linkage/engine.h"
#include "linkage/evaluation.h"
#include "linkage/person_table.h"
#include "linkage/settings_json.h"
#include "synth/linkage_set.h"

namespace acogida::linkage {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string DataDir() {
  // $ACOGIDA_LINKAGE_DATA, else the workspace's shared data beside the source tree, else the
  // workspace's fixed place (a clone elsewhere, as CI makes, still finds it).
  const char* env = std::getenv("ACOGIDA_LINKAGE_DATA");
  if (env != nullptr) return env;
  const std::string beside = std::string(ACOGIDA_SOURCE_PATH) + "/../shared/data/linkage";
  if (std::filesystem::exists(beside + "/febrl")) return beside;
  return "/work/shared/data/linkage";
}

Settings FebrlSettings() {
  auto settings = ParseSettingsJson(ReadText(std::string(ACOGIDA_SOURCE_PATH) + "/bench/linkage/febrl.json"));
  EXPECT_TRUE(settings.ok()) << settings.status().ToString();
  return settings.ok() ? *settings : Settings{};
}

// The table of a FEBRL file and each row's true entity (n of rec-<n>-...).
bool LoadFebrl(const std::string& name, Table& table, std::vector<int64_t>& truth) {
  const std::string path = DataDir() + "/febrl/" + name;
  if (!std::filesystem::exists(path)) return false;
  auto file = ParseCsv(ReadText(path), CsvOptions{.trim_fields = true});
  EXPECT_TRUE(file.ok()) << file.status().ToString();
  if (!file.ok()) return false;
  table = std::move(file->table);
  for (size_t row = 0; row < table.rows(); ++row) truth.push_back(std::atoll(table.Cell(row, 0).c_str() + 4));
  return true;
}

TEST(Accuracy, MexicanGeneratorF1IsAtLeast095) {
  synth::LinkageSet set = synth::MakeLinkageSet(2024, 2000);
  std::vector<Person> persons;
  std::vector<int64_t> truth;
  for (const auto& record : set.records) {
    persons.push_back(record.person);
    truth.push_back(record.entity_id);
  }
  auto result = Dedupe(PersonTable(persons), DefaultPersonSettings());
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const PairwiseScores scores = ScoreClusters(result->cluster_of, truth);
  EXPECT_GE(scores.f1(), 0.95) << scores.ToString();
  EXPECT_GE(scores.precision(), 0.95) << scores.ToString();
}

TEST(Accuracy, Febrl3DedupeF1IsAtLeast0995) {
  Table table;
  std::vector<int64_t> truth;
  if (!LoadFebrl("dataset3.csv", table, truth)) GTEST_SKIP() << "FEBRL data not found in " << DataDir();
  auto result = Dedupe(table, FebrlSettings());
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const PairwiseScores scores = ScoreClusters(result->cluster_of, truth);
  EXPECT_GE(scores.f1(), 0.995) << scores.ToString();
}

TEST(Accuracy, Febrl4LinkF1IsAtLeast0999) {
  Table left, right;
  std::vector<int64_t> left_truth, right_truth;
  if (!LoadFebrl("dataset4a.csv", left, left_truth) || !LoadFebrl("dataset4b.csv", right, right_truth)) {
    GTEST_SKIP() << "FEBRL data not found in " << DataDir();
  }
  auto result = LinkTables(left, right, FebrlSettings(), RunOptions{}, Matching::kOneToOne);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (const ScoredPair& pair : result->pairs) pairs.emplace_back(pair.a, pair.b);
  const PairwiseScores scores = ScoreLinks(pairs, left_truth, right_truth);
  EXPECT_GE(scores.f1(), 0.999) << scores.ToString();
}

}  // namespace
}  // namespace acogida::linkage
