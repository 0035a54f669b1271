// The hard pairs of fixtures/hard_pairs.csv (nicknames, swapped dates and surnames, CURPs,
// twins, siblings, namesakes) get the expected decision. The model is the one the engine
// estimates, without labels, on 3,000 generated persons (seed 7); the fixture records are
// added to those records so that term frequencies are realistic.
#include <gtest/gtest.h>

#include <cmath>

#include <fstream>
#include <sstream>

#include "linkage/blocking.h"
#include "linkage/csv.h"
#include "linkage/linker.h"
#include "linkage/person_table.h"
#include "linkage/settings.h"
#include "synth/linkage_set.h"

namespace acogida::linkage {
namespace {

constexpr uint64_t kSeed = 7;

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(ACOGIDA_SOURCE_PATH) + "/tests/linkage/fixtures/" + name);
  std::string text, line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '#') continue;  // the header comment
    text += line + "\n";
  }
  return text;
}

class HardPairs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    synth::LinkageSet set = synth::MakeLinkageSet(kSeed, 3000);
    std::vector<Person> persons;
    for (const auto& record : set.records) persons.push_back(record.person);
    const Table table = PersonTable(persons);
    linker_ = std::move(Linker::Make(DefaultPersonSettings(), table.columns())).value().release();
    linker_->AddTable(table, 2);
    CandidatePairs candidates = linker_->Candidates();
    const Status trained = linker_->Train(candidates, 2);
    ASSERT_TRUE(trained.ok()) << trained.ToString();
    ASSERT_GT(linker_->model().em_iterations, 0);
  }
  static void TearDownTestSuite() { delete linker_; }
  static Linker* linker_;
};
Linker* HardPairs::linker_ = nullptr;

TEST_F(HardPairs, EachPairGetsTheExpectedDecision) {
  auto file = ParseCsv(ReadFixture("hard_pairs.csv"));
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  const Table& cases = file->table;
  ASSERT_GE(cases.rows(), 20u);
  const double threshold = linker_->settings().threshold;
  int record_id = 1000000;
  for (size_t row = 0; row < cases.rows(); ++row) {
    auto side = [&](size_t first) {
      std::vector<std::string> person = {std::to_string(++record_id)};
      for (size_t column = first; column < first + 7; ++column) person.push_back(cases.Cell(row, column));
      person.push_back("fixture");
      return person;
    };
    const uint32_t a = linker_->Add(side(2));
    const uint32_t b = linker_->Add(side(9));
    const double probability = WeightToProbability(linker_->Weight(a, b));
    const bool expected_match = cases.Cell(row, 1) == "match";
    EXPECT_EQ(probability >= threshold, expected_match)
        << cases.Cell(row, 0) << ": p=" << probability << " " << linker_->Explain(a, b).Summary();
    // Symmetric, whichever record comes first.
    const double ab = linker_->Weight(a, b), ba = linker_->Weight(b, a);
    if (std::isinf(ab) || std::isinf(ba)) {
      EXPECT_EQ(ab, ba) << cases.Cell(row, 0);  // ruled out (two valid, different CURPs) either way
    } else {
      EXPECT_NEAR(ab, ba, 1e-9) << cases.Cell(row, 0);
    }
  }
}

}  // namespace
}  // namespace acogida::linkage
