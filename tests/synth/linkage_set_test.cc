// Tests for synth/linkage_set.h: labels are consistent, copies are corrupted, hard
// negatives are separate entities, and the set is reproducible.
#include "synth/linkage_set.h"

#include <map>
#include <set>

#include <gtest/gtest.h>

namespace acogida::synth {
namespace {

TEST(MakeLinkageSet, LabelsEveryRecordWithItsEntityAndUniqueIds) {
  const LinkageSet set = MakeLinkageSet(5, 2000);
  ASSERT_GE(set.entity_count, 2000);
  std::set<int64_t> record_ids;
  std::map<int64_t, int> records_per_entity;
  for (const LinkageRecord& record : set.records) {
    record_ids.insert(record.person.id);
    ASSERT_GE(record.entity_id, 1);
    ASSERT_LE(record.entity_id, set.entity_count);
    ++records_per_entity[record.entity_id];
  }
  EXPECT_EQ(record_ids.size(), set.records.size());
  EXPECT_EQ(*record_ids.begin(), 1);
  EXPECT_EQ(*record_ids.rbegin(), static_cast<int64_t>(set.records.size()));
  EXPECT_EQ(static_cast<int64_t>(records_per_entity.size()), set.entity_count);
  // Default copy weights {45, 30, 13, 7, 3, 2} give 1.99 records per entity on average.
  EXPECT_NEAR(set.records.size() / static_cast<double>(set.entity_count), 1.99, 0.1);
  int64_t pairs = 0;
  for (const auto& [entity, count] : records_per_entity) pairs += int64_t{count} * (count - 1) / 2;
  EXPECT_EQ(set.TrueMatchPairs(), pairs);
}

TEST(MakeLinkageSet, EachEntityHasOneUncorruptedRecordAndCorruptedCopies) {
  const LinkageSet set = MakeLinkageSet(6, 1000);
  std::map<int64_t, int> originals;
  int copies = 0, corrupted = 0;
  for (const LinkageRecord& record : set.records) {
    if (record.corruptions.empty()) {
      ++originals[record.entity_id];
    } else {
      ++corrupted;
    }
    ++copies;
  }
  for (const auto& [entity, count] : originals) EXPECT_GE(count, 1) << entity;
  EXPECT_EQ(static_cast<int64_t>(originals.size()), set.entity_count);
  // With require_corruption, at most a handful of copies come out unchanged.
  EXPECT_GE(corrupted + set.entity_count + 5, copies);
}

TEST(MakeLinkageSet, SiblingsAndTwinsAreDifferentEntitiesWithTheSameSurnames) {
  LinkageSetOptions options;
  options.sibling_share = 0.2;
  options.twin_share = 0.1;
  options.shuffle = false;
  const LinkageSet set = MakeLinkageSet(7, 500, options);
  std::map<int64_t, const LinkageRecord*> first_record;
  for (const LinkageRecord& record : set.records) first_record.emplace(record.entity_id, &record);
  int hard_negatives = 0;
  for (const auto& [entity, record] : first_record) {
    if (record->hard_negative_of == 0) continue;
    ++hard_negatives;
    ASSERT_NE(record->hard_negative_of, entity);
    const Person& original = first_record.at(record->hard_negative_of)->person;
    EXPECT_EQ(record->person.paternal_surname, original.paternal_surname);
    EXPECT_EQ(record->person.maternal_surname, original.maternal_surname);
    EXPECT_NE(record->person.given_names, original.given_names);
  }
  EXPECT_NEAR(hard_negatives, 150, 40);
  EXPECT_EQ(set.entity_count, 500 + hard_negatives);
}

TEST(MakeLinkageSet, SameSeedSameSetAndDifferentSeedDifferentSet) {
  const LinkageSet a = MakeLinkageSet(8, 300);
  const LinkageSet b = MakeLinkageSet(8, 300);
  const LinkageSet c = MakeLinkageSet(9, 300);
  ASSERT_EQ(a.records.size(), b.records.size());
  for (size_t idx = 0; idx < a.records.size(); ++idx) {
    ASSERT_EQ(a.records[idx].person.FullName(), b.records[idx].person.FullName());
    ASSERT_EQ(a.records[idx].entity_id, b.records[idx].entity_id);
    ASSERT_EQ(a.records[idx].corruptions, b.records[idx].corruptions);
  }
  int different = 0;
  for (size_t idx = 0; idx < std::min(a.records.size(), c.records.size()); ++idx) {
    different += a.records[idx].person.FullName() != c.records[idx].person.FullName();
  }
  EXPECT_GT(different, 250);
}

TEST(MakeLinkageSet, ShuffleSeparatesCopiesOfOneEntity) {
  LinkageSetOptions grouped;
  grouped.shuffle = false;
  const LinkageSet in_order = MakeLinkageSet(10, 300, grouped);
  const LinkageSet shuffled = MakeLinkageSet(10, 300);
  auto adjacent_same = [](const LinkageSet& set) {
    int count = 0;
    for (size_t idx = 1; idx < set.records.size(); ++idx) count += set.records[idx].entity_id == set.records[idx - 1].entity_id;
    return count;
  };
  EXPECT_GT(adjacent_same(in_order), 150);
  EXPECT_LT(adjacent_same(shuffled), 10);
}

TEST(MakeLinkageSet, NoEntitiesGiveAnEmptySet) {
  EXPECT_TRUE(MakeLinkageSet(1, 0).records.empty());
  EXPECT_EQ(MakeLinkageSet(1, -5).entity_count, 0);
}

}  // namespace
}  // namespace acogida::synth
