// Jaro–Winkler, bounded Levenshtein and one-slip detection against known values.
#include "linkage/string_similarity.h"

#include <gtest/gtest.h>

namespace acogida::linkage {
namespace {

TEST(JaroWinkler, MatchesTheTextbookValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.84, 1e-2);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.8133, 1e-4);
}

TEST(JaroWinkler, IsOneForEqualAndZeroAgainstEmpty) {
  EXPECT_EQ(JaroWinkler("hernandez", "hernandez"), 1.0);
  EXPECT_EQ(JaroWinkler("", "hernandez"), 0.0);
  EXPECT_EQ(JaroWinkler("abc", "xyz"), 0.0);
}

TEST(JaroWinkler, IsSymmetric) {
  const char* names[] = {"guadalupe", "lupe", "hernandez", "fernandez", "jose luis", "luis", "x", ""};
  for (const char* a : names) {
    for (const char* b : names) EXPECT_DOUBLE_EQ(JaroWinkler(a, b), JaroWinkler(b, a)) << a << " / " << b;
  }
}

TEST(JaroWinkler, HandlesLongStrings) {
  const std::string a(100, 'a');
  std::string b = a;
  b[50] = 'b';
  EXPECT_GT(JaroWinkler(a, b), 0.98);
}

TEST(BoundedLevenshtein, CountsEditsUpToTheLimit) {
  EXPECT_EQ(BoundedLevenshtein("2119", "2119", 2), 0);
  EXPECT_EQ(BoundedLevenshtein("2119", "2118", 2), 1);
  EXPECT_EQ(BoundedLevenshtein("2119", "219", 2), 1);
  EXPECT_EQ(BoundedLevenshtein("kitten", "sitting", 5), 3);
  EXPECT_EQ(BoundedLevenshtein("kitten", "sitting", 2), 3);  // limit + 1
  EXPECT_EQ(BoundedLevenshtein("a", "abcdef", 2), 3);
}

TEST(OneSlipApart, AcceptsOneSubstitutionOrAdjacentSwapOnly) {
  EXPECT_TRUE(OneSlipApart("HEGJ850312", "HEGJ850313"));
  EXPECT_TRUE(OneSlipApart("HEGJ850312", "HEGJ853012"));
  EXPECT_FALSE(OneSlipApart("HEGJ850312", "HEGJ850312"));
  EXPECT_FALSE(OneSlipApart("HEGJ850312", "HEGX850313"));
  EXPECT_FALSE(OneSlipApart("HEGJ850312", "HEGJ85031"));
}

}  // namespace
}  // namespace acogida::linkage
