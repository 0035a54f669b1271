// Lenient dates and their comparison levels, including symmetry.
#include "linkage/date_compare.h"

#include <gtest/gtest.h>

namespace acogida::linkage {
namespace {

TEST(ParseLooseDate, ReadsEveryPrecisionAndFebrlDates) {
  EXPECT_EQ(ParseLooseDate("1985-03-12"), (LooseDate{1985, 3, 12}));
  EXPECT_EQ(ParseLooseDate("1985-03"), (LooseDate{1985, 3, 0}));
  EXPECT_EQ(ParseLooseDate(" 1985 "), (LooseDate{1985, 0, 0}));
  EXPECT_EQ(ParseLooseDate("19850312"), (LooseDate{1985, 3, 12}));
  EXPECT_EQ(ParseLooseDate("1985-13-40"), (LooseDate{1985, 13, 40}));  // a slipped digit is still compared
  EXPECT_FALSE(ParseLooseDate("").known());
  EXPECT_FALSE(ParseLooseDate("12/03/1985").known());
  EXPECT_FALSE(ParseLooseDate("abcd").known());
}

TEST(CompareDates, GivesEachLevel) {
  const LooseDate date{1985, 3, 12};
  EXPECT_EQ(CompareDates(date, date), DateLevel::kExact);
  EXPECT_EQ(CompareDates(date, {1985, 0, 0}), DateLevel::kSamePartial);
  EXPECT_EQ(CompareDates(date, {1985, 3, 0}), DateLevel::kSamePartial);
  EXPECT_EQ(CompareDates(date, {1985, 12, 3}), DateLevel::kSwappedDayMonth);
  EXPECT_EQ(CompareDates(date, {1985, 3, 13}), DateLevel::kOneOff);
  EXPECT_EQ(CompareDates(date, {1986, 3, 12}), DateLevel::kOneOff);
  EXPECT_EQ(CompareDates(date, {1995, 3, 12}), DateLevel::kOneOff);  // one digit
  EXPECT_EQ(CompareDates(date, {1985, 8, 12}), DateLevel::kOneOff);
  EXPECT_EQ(CompareDates(date, {1985, 9, 30}), DateLevel::kWithinAYear);
  EXPECT_EQ(CompareDates(date, {1972, 7, 1}), DateLevel::kDifferent);
  EXPECT_EQ(CompareDates(date, {1984, 0, 0}), DateLevel::kOneOff);
  EXPECT_EQ(CompareDates(date, {1979, 0, 0}), DateLevel::kDifferent);
  EXPECT_EQ(CompareDates(date, {}), DateLevel::kUnknown);
}

TEST(CompareDates, IsSymmetric) {
  const LooseDate dates[] = {{1985, 3, 12}, {1985, 12, 3}, {1985, 0, 0}, {1985, 3, 0}, {1986, 3, 12},
                             {1985, 3, 13}, {}, {2001, 1, 1}, {1984, 12, 31}};
  for (const LooseDate& a : dates) {
    for (const LooseDate& b : dates) EXPECT_EQ(CompareDates(a, b), CompareDates(b, a));
  }
}

TEST(OneDigitApart, CountsDigits) {
  EXPECT_TRUE(OneDigitApart(1985, 1986));
  EXPECT_TRUE(OneDigitApart(1985, 1995));
  EXPECT_FALSE(OneDigitApart(1985, 1958));
  EXPECT_FALSE(OneDigitApart(12, 12));
}

}  // namespace
}  // namespace acogida::linkage
