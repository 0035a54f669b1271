// Tests of partial birth dates: parsing at each precision, impossible and future dates.
#include "core/birth_date.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace acogida {
namespace {

using ::acogida::testing::StatusIs;

TEST(ParseBirthDate, ReadsAFullDate) {
  StatusOr<BirthDate> date = ParseBirthDate("1985-03-12");
  ASSERT_OK(date);
  EXPECT_EQ(*date, (BirthDate{1985, 3, 12}));
  EXPECT_EQ(date->precision(), DatePrecision::kDay);
  EXPECT_EQ(date->ToString(), "1985-03-12");
}

TEST(ParseBirthDate, ReadsYearAndMonth) {
  StatusOr<BirthDate> date = ParseBirthDate("1985-03");
  ASSERT_OK(date);
  EXPECT_EQ(*date, (BirthDate{1985, 3, 0}));
  EXPECT_EQ(date->precision(), DatePrecision::kMonth);
  EXPECT_EQ(date->ToString(), "1985-03");
}

TEST(ParseBirthDate, ReadsYearOnly) {
  StatusOr<BirthDate> date = ParseBirthDate("1985");
  ASSERT_OK(date);
  EXPECT_EQ(date->precision(), DatePrecision::kYear);
  EXPECT_EQ(date->ToString(), "1985");
}

TEST(ParseBirthDate, EmptyMeansUnknown) {
  StatusOr<BirthDate> date = ParseBirthDate("");
  ASSERT_OK(date);
  EXPECT_FALSE(date->known());
  EXPECT_EQ(date->precision(), DatePrecision::kUnknown);
  EXPECT_EQ(date->ToString(), "");
}

TEST(ParseBirthDate, RejectsOtherShapes) {
  for (const char* text : {"85", "1985-3-12", "12/03/1985", "1985-03-12T00:00", "198a", "1985/03"}) {
    EXPECT_THAT(ParseBirthDate(text), StatusIs(StatusCode::kInvalidArgument, "birth_date")) << text;
  }
}

TEST(ParseBirthDate, RejectsFebruaryThirtieth) {
  EXPECT_THAT(ParseBirthDate("1985-02-30"), StatusIs(StatusCode::kInvalidArgument, "birth_date"));
}

TEST(ParseBirthDate, AcceptsLeapDayOnlyInLeapYears) {
  EXPECT_OK(ParseBirthDate("2000-02-29"));
  EXPECT_OK(ParseBirthDate("1988-02-29"));
  EXPECT_THAT(ParseBirthDate("1900-02-29"), StatusIs(StatusCode::kInvalidArgument, "birth_date"));
  EXPECT_THAT(ParseBirthDate("1987-02-29"), StatusIs(StatusCode::kInvalidArgument, "birth_date"));
}

TEST(ParseBirthDate, RejectsMonthThirteen) {
  EXPECT_THAT(ParseBirthDate("1985-13"), StatusIs(StatusCode::kInvalidArgument, "birth_date"));
  EXPECT_THAT(ParseBirthDate("1985-00-10"), StatusIs(StatusCode::kInvalidArgument, "birth_date"));
}

TEST(ParseBirthDate, RejectsYearsBefore1900) {
  EXPECT_THAT(ParseBirthDate("1899-12-31"), StatusIs(StatusCode::kInvalidArgument, "birth_date"));
}

TEST(ParseBirthDate, NamesTheGivenField) {
  EXPECT_THAT(ParseBirthDate("1985-02-30", "members[2].birth_date"),
              StatusIs(StatusCode::kInvalidArgument, "members[2].birth_date"));
}

TEST(ParseBirthDate, RejectsDatesAfterToday) {
  EXPECT_OK(ParseBirthDate("2026-05-01", "birth_date", "2026-05-01"));
  EXPECT_THAT(ParseBirthDate("2026-05-02", "birth_date", "2026-05-01"),
              StatusIs(StatusCode::kInvalidArgument, "birth_date"));
  EXPECT_THAT(ParseBirthDate("2027", "birth_date", "2026-05-01"), StatusIs(StatusCode::kInvalidArgument, "birth_date"));
}

TEST(ParseBirthDate, AcceptsThisYearAndMonthWhenOnlyThoseAreKnown) {
  EXPECT_OK(ParseBirthDate("2026", "birth_date", "2026-05-01"));
  EXPECT_OK(ParseBirthDate("2026-05", "birth_date", "2026-05-01"));
  EXPECT_THAT(ParseBirthDate("2026-06", "birth_date", "2026-05-01"),
              StatusIs(StatusCode::kInvalidArgument, "birth_date"));
}

TEST(DaysInMonth, KnowsLeapYears) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
  EXPECT_EQ(DaysInMonth(2023, 13), 0);
}

}  // namespace
}  // namespace acogida
