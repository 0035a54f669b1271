// Properties over generated records: every comparison is symmetric, a record compared with
// itself reaches the strongest level each field allows, and nothing scores higher against a
// record than the record itself. Seed 11, 1,500 persons.
#include <gtest/gtest.h>

#include <cmath>

#include "linkage/blocking.h"
#include "linkage/linker.h"
#include "linkage/person_table.h"
#include "linkage/settings.h"
#include "synth/linkage_set.h"
#include "synth/rng.h"

namespace acogida::linkage {
namespace {

constexpr uint64_t kSeed = 11;

class Properties : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    synth::LinkageSet set = synth::MakeLinkageSet(kSeed, 1500);
    std::vector<Person> persons;
    for (const auto& record : set.records) persons.push_back(record.person);
    table_ = new Table(PersonTable(persons));
    linker_ = std::move(Linker::Make(DefaultPersonSettings(), table_->columns())).value().release();
    linker_->AddTable(*table_, 2);
    CandidatePairs candidates = linker_->Candidates();
    ASSERT_TRUE(linker_->Train(candidates, 2).ok());
  }
  static void TearDownTestSuite() {
    delete linker_;
    delete table_;
  }
  static Table* table_;
  static Linker* linker_;
};
Table* Properties::table_ = nullptr;
Linker* Properties::linker_ = nullptr;

TEST_F(Properties, ComparisonsAndWeightsAreSymmetric) {
  synth::Rng rng(kSeed);
  const uint32_t records = static_cast<uint32_t>(linker_->size());
  std::vector<int> forward(linker_->comparison_count()), backward(linker_->comparison_count());
  for (int pair = 0; pair < 20000; ++pair) {
    const uint32_t a = rng.Uniform<uint32_t>(0, records - 1);
    // Half the pairs are neighbours in a blocking order, so that similar records are tried too.
    const uint32_t b = pair % 2 == 0 ? rng.Uniform<uint32_t>(0, records - 1) : (a + 1) % records;
    linker_->Levels(a, b, forward.data());
    linker_->Levels(b, a, backward.data());
    ASSERT_EQ(forward, backward) << "records " << a << " and " << b;
    const double ab = linker_->Weight(a, b), ba = linker_->Weight(b, a);
    if (std::isinf(ab) || std::isinf(ba)) {
      ASSERT_EQ(ab, ba) << "records " << a << " and " << b;  // a veto (two valid, different CURPs)
    } else {
      ASSERT_NEAR(ab, ba, 1e-9) << "records " << a << " and " << b;
    }
  }
}

TEST_F(Properties, ARecordAgreesWithItselfAtTheStrongestLevelItAllows) {
  std::vector<int> levels(linker_->comparison_count());
  for (uint32_t a = 0; a < linker_->size(); ++a) {
    linker_->Levels(a, a, levels.data());
    for (size_t idx = 0; idx < levels.size(); ++idx) {
      const std::string& name = linker_->comparison(idx).name();
      if (levels[idx] < 0) continue;  // a missing value
      if (name == "surnames") {
        // The strongest level a record without a maternal surname can reach is level 1.
        EXPECT_LE(levels[idx], 1) << name << " of record " << a;
      } else if (name == "birth_date") {
        // A partial date agrees with itself only as far as it is known.
        EXPECT_LE(levels[idx], 1) << name << " of record " << a;
      } else if (name == "curp") {
        // An invalid (slipped) CURP equals itself but is not a valid match; one alone has nothing to match.
        EXPECT_TRUE(levels[idx] == 0 || levels[idx] == 1) << name << " of record " << a;
      } else {
        EXPECT_EQ(levels[idx], 0) << name << " of record " << a;
      }
    }
  }
}

TEST_F(Properties, NothingScoresHigherThanTheRecordItself) {
  synth::Rng rng(kSeed + 1);
  const uint32_t records = static_cast<uint32_t>(linker_->size());
  for (int trial = 0; trial < 300; ++trial) {
    const uint32_t a = rng.Uniform<uint32_t>(0, records - 1);
    const double self = linker_->Weight(a, a);
    for (uint32_t b = 0; b < records; b += 7) EXPECT_LE(linker_->Weight(a, b), self + 1e-9) << a << " vs " << b;
  }
}

TEST_F(Properties, AFullyKnownRecordMatchesItself) {
  int checked = 0;
  for (uint32_t a = 0; a < linker_->size(); ++a) {
    const auto row = table_->Row(a);
    if (row[3].empty() || row[5].size() != 10) continue;  // both surnames and a full date
    ++checked;
    EXPECT_GE(WeightToProbability(linker_->Weight(a, a)), linker_->settings().threshold)
        << linker_->Explain(a, a).Summary();
  }
  EXPECT_GT(checked, 500);
}

}  // namespace
}  // namespace acogida::linkage
