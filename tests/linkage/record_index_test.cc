// The one-record query index: finds a registered person from a misspelt, nicknamed or
// partial record, ranks the person first, explains the score, sees records added after
// it was built, and stops returning records removed from it.
#include "linkage/record_index.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "linkage/person_table.h"
#include "synth/linkage_set.h"

namespace acogida::linkage {
namespace {

constexpr uint64_t kSeed = 5;

std::vector<std::string> Row(const char* id, const char* given, const char* paternal, const char* maternal,
                             const char* sex, const char* date, const char* state, const char* curp = "") {
  return {id, given, paternal, maternal, sex, date, state, curp, ""};
}

class RecordIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    synth::LinkageSet set = synth::MakeLinkageSet(kSeed, 2000);
    std::vector<Person> persons;
    for (const auto& record : set.records) persons.push_back(record.person);
    const Table table = PersonTable(persons);
    index_ = std::move(RecordIndex::Make(DefaultPersonSettings(), table.columns())).value();
    index_->AddTable(table, 2);
    ASSERT_TRUE(index_->Train(2).ok());
    registered_ = index_->Add(Row("r1", "José Luis", "Hernández", "García", "H", "1985-03-12", "16"));
    twin_ = index_->Add(Row("r2", "Jorge", "Hernández", "García", "H", "1985-03-12", "16"));
  }
  std::unique_ptr<RecordIndex> index_;
  uint32_t registered_ = 0;
  uint32_t twin_ = 0;
};

TEST_F(RecordIndexTest, FindsThePersonFromANicknameAndRanksThemFirst) {
  QueryStatistics stats;
  const auto found = index_->Query(Row("q", "Pepe Luis", "Hernandez", "", "H", "1985", "16"), {}, &stats);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].record, registered_);
  EXPECT_GT(found[0].probability, 0.5);
  EXPECT_GT(stats.candidates_scored, 0u);
  EXPECT_LT(stats.candidates_scored, index_->size() / 10) << "a query must not compare the whole registry";
}

TEST_F(RecordIndexTest, ExplanationAddsUpToTheScore) {
  const auto found = index_->Query(Row("q", "José Luis", "Hernández", "García", "H", "1985-03-12", "16"));
  ASSERT_FALSE(found.empty());
  const MatchExplanation& why = found[0].explanation;
  double total = why.prior_weight;
  for (const FieldContribution& field : why.fields) total += field.weight + field.tf_adjustment;
  EXPECT_NEAR(total, found[0].match_weight, 1e-9);
  EXPECT_NEAR(why.probability, found[0].probability, 1e-9);
  EXPECT_EQ(why.fields.size(), 6u);
  EXPECT_EQ(why.fields[0].comparison, "given_names");
  EXPECT_EQ(why.fields[0].level, "exact");
}

TEST_F(RecordIndexTest, ResultsAreRankedAndBounded) {
  QueryOptions options;
  options.max_results = 3;
  options.min_probability = 0;
  const auto found = index_->Query(Row("q", "José", "Hernández", "García", "H", "1985-03-12", "16"), options);
  ASSERT_LE(found.size(), 3u);
  for (size_t idx = 1; idx < found.size(); ++idx) EXPECT_GE(found[idx - 1].match_weight, found[idx].match_weight);
}

TEST_F(RecordIndexTest, SeesRecordsAddedAfterTraining) {
  // More than the unsorted tail holds, so that it is merged into the sorted blocks too.
  auto date_of = [](int idx) {
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 1950 + idx / 336, idx / 28 % 12 + 1, idx % 28 + 1);
    return std::string(date);
  };
  std::vector<uint32_t> added;
  for (int idx = 0; idx < 5000; ++idx) {
    added.push_back(index_->Add(Row("n", "Xóchitl", "Güereca", "Zavala", "M", date_of(idx).c_str(), "09")));
  }
  for (int idx : {17, 4999}) {
    const auto found = index_->Query(Row("q", "XOCHITL", "GUERECA", "ZAVALA", "M", date_of(idx).c_str(), "09"));
    ASSERT_FALSE(found.empty()) << idx;
    EXPECT_EQ(found[0].record, added[static_cast<size_t>(idx)]);
  }
}

TEST_F(RecordIndexTest, NeverReturnsARemovedRecordAgain) {
  const auto query = Row("q", "José Luis", "Hernández", "García", "H", "1985-03-12", "16");
  ASSERT_EQ(index_->Query(query)[0].record, registered_);
  const size_t live = index_->live_size();
  const uint32_t twice[] = {registered_, registered_};
  index_->Remove(twice);
  index_->Remove(twice);  // again: nothing more
  EXPECT_EQ(index_->live_size(), live - 1);
  EXPECT_TRUE(index_->removed(registered_));
  QueryOptions options;
  options.min_probability = 0;
  options.max_results = 100;
  for (const Candidate& candidate : index_->Query(query, options)) EXPECT_NE(candidate.record, registered_);
  // A record added later is found as usual, with the next index.
  const uint32_t again = index_->Add(query);
  EXPECT_EQ(again, index_->size() - 1);
  EXPECT_EQ(index_->Query(query)[0].record, again);
}

}  // namespace
}  // namespace acogida::linkage
