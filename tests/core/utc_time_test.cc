// ISO 8601 UTC timestamps and dates.
#include <gtest/gtest.h>

#include "core/utc_time.h"
#include "testing/status_matchers.h"

namespace acogida {
namespace {

using testing::StatusIs;
using namespace std::chrono;

TEST(ParseUtc, ReadsZuluAndOffsetsAndDropsFractions) {
  auto zulu = ParseUtc("2026-11-29T14:05:09Z", "t");
  ASSERT_OK(zulu);
  EXPECT_EQ(FormatUtc(*zulu), "2026-11-29T14:05:09Z");
  auto offset = ParseUtc("2026-11-29T06:05:09.123-08:00", "t");
  ASSERT_OK(offset);
  EXPECT_EQ(FormatUtc(*offset), "2026-11-29T14:05:09Z");
}

TEST(ParseUtc, RejectsOtherShapesNamingTheField) {
  for (const char* bad : {"", "2026-11-29", "2026-11-29 14:05:00Z", "2026-11-29T25:00:00Z", "2026-02-30T10:00:00Z",
                          "2026-11-29T14:05:00", "2026-11-29T14:05:00+0800"}) {
    EXPECT_THAT(ParseUtc(bad, "arrived_at"), StatusIs(StatusCode::kInvalidArgument, "arrived_at")) << bad;
  }
}

TEST(ParseDate, AcceptsRealDatesOnly) {
  EXPECT_OK(ParseDate("2024-02-29", "date"));
  EXPECT_THAT(ParseDate("2023-02-29", "date"), StatusIs(StatusCode::kInvalidArgument, "date"));
  EXPECT_THAT(ParseDate("29-02-2024", "date"), StatusIs(StatusCode::kInvalidArgument, "date"));
}

}  // namespace
}  // namespace acogida
