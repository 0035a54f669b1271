// Blocking keys, their transforms, and candidate pairs: a union without repeats, large
// blocks left out or split by the refinement, linking only across sources.
#include "linkage/blocking.h"

#include <gtest/gtest.h>

#include <set>

#include "linkage/settings.h"
#include "testing/status_matchers.h"

namespace acogida::linkage {
namespace {

const std::vector<std::string> kColumns = {"id", "given", "paternal", "maternal", "birth_date", "curp"};

Blocker MakeBlocker(std::vector<BlockingKey> keys) {
  auto blocker = Blocker::Make(keys, kColumns, false);
  EXPECT_TRUE(blocker.ok()) << blocker.status().ToString();
  return std::move(blocker).value();
}

TEST(Blocker, TransformsSurviveAccentsCaseAndPhoneticSpellings) {
  const Blocker blocker = MakeBlocker({{"k", {"paternal:first_token_phonetic", "birth_date:year"}}});
  const std::vector<std::string> a = {"1", "José", "Hernández", "López", "1985-03-12", ""};
  const std::vector<std::string> b = {"2", "Pepe", "ERNANDES", "", "1985", ""};
  EXPECT_EQ(blocker.KeyText(0, a), blocker.KeyText(0, b));
}

TEST(Blocker, UnorderedPartsAgreeWhenSurnamesAreSwapped) {
  const Blocker blocker = MakeBlocker({{"k", {"paternal+maternal:first_token_phonetic"}}});
  const std::vector<std::string> a = {"1", "Ana", "García", "López", "", ""};
  const std::vector<std::string> b = {"2", "Ana", "López", "Garcia", "", ""};
  const std::vector<std::string> c = {"3", "Ana", "López", "", "", ""};
  EXPECT_EQ(blocker.KeyText(0, a), blocker.KeyText(0, b));
  EXPECT_EQ(blocker.KeyText(0, c), "");  // a missing part means no key
}

TEST(Blocker, GivenNameKeysWriteOutNicknames) {
  const Blocker blocker = MakeBlocker({{"k", {"given:given_name"}}, {"i", {"given:given_initial"}}});
  const std::vector<std::string> a = {"1", "María Guadalupe", "", "", "", ""};
  const std::vector<std::string> b = {"2", "Lupe", "", "", "", ""};
  EXPECT_EQ(blocker.KeyText(0, a), blocker.KeyText(0, b));
  EXPECT_EQ(blocker.KeyText(1, a), blocker.KeyText(1, b));
}

TEST(Blocker, CharsAndDateTransforms) {
  const Blocker blocker = MakeBlocker({{"c", {"curp:chars0-9"}}, {"d", {"birth_date:date_unordered"}}});
  const std::vector<std::string> a = {"1", "", "", "", "1985-03-12", "hegl850312hmnrrs09"};
  const std::vector<std::string> b = {"2", "", "", "", "1985-12-03", "HEGL85031 2HMNRRS09"};
  EXPECT_EQ(blocker.KeyText(0, a), blocker.KeyText(0, b));
  EXPECT_EQ(blocker.KeyText(1, a), blocker.KeyText(1, b));
  const std::vector<std::string> short_curp = {"3", "", "", "", "1985", "HEGL8"};
  EXPECT_EQ(blocker.KeyText(0, short_curp), "");
  EXPECT_EQ(blocker.KeyText(1, short_curp), "");
}

TEST(Blocker, RejectsUnknownTransformsAndColumns) {
  EXPECT_THAT(Blocker::Make({{"k", {"given:soundex"}}}, kColumns, false).status(),
              testing::StatusIs(StatusCode::kInvalidArgument, "blocking.k"));
  EXPECT_THAT(Blocker::Make({{"k", {"nickname:fold"}}}, kColumns, false).status(),
              testing::StatusIs(StatusCode::kInvalidArgument, "blocking.k"));
  EXPECT_TRUE(Blocker::Make({{"k", {"nickname:fold"}}}, kColumns, true).ok());
}

// Hashes for records given as the values of two keys (0: no key).
std::vector<uint64_t> Hashes(const std::vector<std::pair<uint64_t, uint64_t>>& records) {
  std::vector<uint64_t> hashes;
  for (const auto& [first, second] : records) {
    hashes.push_back(first);
    hashes.push_back(second);
  }
  return hashes;
}

std::set<std::pair<uint32_t, uint32_t>> Collect(const CandidatePairs& candidates, int threads) {
  std::set<std::pair<uint32_t, uint32_t>> pairs;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> per_worker(static_cast<size_t>(threads));
  candidates.ForEach(threads, 1, [&](int worker, uint32_t a, uint32_t b) {
    per_worker[static_cast<size_t>(worker)].emplace_back(a, b);
  });
  size_t total = 0;
  for (const auto& found : per_worker) {
    total += found.size();
    pairs.insert(found.begin(), found.end());
  }
  EXPECT_EQ(total, pairs.size()) << "a pair was proposed twice";
  return pairs;
}

TEST(CandidatePairs, UnionOfKeysProposesEachPairOnce) {
  // Records 0,1,2 share key 0; 1,2,3 share key 1; 4 has no keys.
  const std::vector<uint64_t> hashes = Hashes({{7, 0}, {7, 9}, {7, 9}, {8, 9}, {0, 0}});
  CandidatePairs candidates(hashes, 2, 100);
  const auto pairs = Collect(candidates, 2);
  const std::set<std::pair<uint32_t, uint32_t>> expected = {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}};
  EXPECT_EQ(pairs, expected);
  EXPECT_EQ(candidates.AllPairs(), 10u);
}

TEST(CandidatePairs, LeavesOutBlocksAboveTheLimit) {
  std::vector<std::pair<uint64_t, uint64_t>> records(50, {5, 0});
  records.push_back({6, 0});
  records.push_back({6, 0});
  const std::vector<uint64_t> hashes = Hashes(records);
  CandidatePairs candidates(hashes, 2, 10);
  const auto pairs = Collect(candidates, 1);
  EXPECT_EQ(pairs.size(), 1u);
  const auto stats = candidates.ForEach(1, 1, [](int, uint32_t, uint32_t) {});
  EXPECT_EQ(stats[0].skipped_blocks, 1u);
  EXPECT_EQ(stats[0].largest_block, 50u);
}

TEST(CandidatePairs, LinksOnlyAcrossSources) {
  const std::vector<uint64_t> hashes = Hashes({{7, 0}, {7, 0}, {7, 0}, {7, 0}});
  CandidatePairs candidates(hashes, 2, 100, {0, 0, 1, 1});
  const std::set<std::pair<uint32_t, uint32_t>> expected = {{0, 2}, {0, 3}, {1, 2}, {1, 3}};
  EXPECT_EQ(Collect(candidates, 2), expected);
  EXPECT_EQ(candidates.AllPairs(), 4u);
}

TEST(CandidatePairs, SplitsBlocksAboveTheRefinementAndLetsLaterKeysProposeWhatItDropped) {
  // Slots: key 0, key 1, refinement. Key 0's block of five is split by the refinement (4 has
  // none and leaves it); key 1's block of two is below the refinement and kept whole.
  const std::vector<uint64_t> hashes = {7, 0, 1,  7, 0, 1,  7, 0, 2,  7, 9, 2,  7, 9, 0};
  CandidatePairs candidates(hashes, 3, 100, {}, BlockRefinement{2, 3});
  const std::set<std::pair<uint32_t, uint32_t>> expected = {{0, 1}, {2, 3}, {3, 4}};
  EXPECT_EQ(Collect(candidates, 2), expected);
  // Above the block size, nothing is split; the refinement's slot is still not a key.
  CandidatePairs whole(hashes, 3, 100, {}, BlockRefinement{2, SIZE_MAX});
  EXPECT_EQ(Collect(whole, 1).size(), 10u);
  EXPECT_EQ(whole.ForEach(1, 1, [](int, uint32_t, uint32_t) {}).size(), 2u);
}

TEST(DefaultPersonSettings, BlockingNeverMakesAllPairsCandidates) {
  const Settings settings = DefaultPersonSettings();
  EXPECT_GE(settings.blocking.size(), 4u);
  for (const BlockingKey& key : settings.blocking) EXPECT_FALSE(key.parts.empty()) << key.name;
  EXPECT_LT(settings.max_block_size, 100000u);
}

}  // namespace
}  // namespace acogida::linkage
