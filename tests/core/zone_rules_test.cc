// Time-zone rules from TZif data: real Mexican zones from the system's tzdata (read here by the
// test; core itself does no I/O), fixed offsets, and malformed data.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/zone_rules.h"
#include "testing/status_matchers.h"

namespace acogida {
namespace {

using namespace std::chrono;
using testing::StatusIs;

ZoneRules Load(const std::string& name) {
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto rules = ZoneRules::Parse(bytes.str());
  EXPECT_OK(rules);
  return rules.ok() ? *rules : ZoneRules::Fixed(seconds(0));
}

UtcTime At(int y, int m, int d, int h = 0) { return sys_days(year(y) / m / d) + hours(h); }

TEST(ZoneRules, TijuanaWinterDayIsEightHoursBehindUtc) {
  auto [start, end] = Load("America/Tijuana").DayBounds(sys_days(year(2026) / 11 / 29));
  EXPECT_EQ(FormatUtc(start), "2026-11-29T08:00:00Z");
  EXPECT_EQ(FormatUtc(end), "2026-11-30T08:00:00Z");
}

TEST(ZoneRules, TijuanaFollowsUsDaylightSavingButMexicoCityNoLonger) {
  EXPECT_EQ(Load("America/Tijuana").OffsetAt(At(2026, 7, 1, 12)), hours(-7));
  EXPECT_EQ(Load("America/Mexico_City").OffsetAt(At(2026, 7, 1, 12)), hours(-6));  // no DST since 2022
  EXPECT_EQ(Load("America/Mexico_City").OffsetAt(At(2021, 7, 1, 12)), hours(-5));  // it had DST before
}

TEST(ZoneRules, CiudadJuarezKeepsMountainTimeWithUsDaylightSaving) {
  ZoneRules juarez = Load("America/Ciudad_Juarez");
  EXPECT_EQ(juarez.OffsetAt(At(2026, 1, 15, 12)), hours(-7));
  EXPECT_EQ(juarez.OffsetAt(At(2026, 7, 15, 12)), hours(-6));
}

TEST(ZoneRules, DaylightSavingStartDayHasTwentyThreeHours) {
  auto [start, end] = Load("America/Matamoros").DayBounds(sys_days(year(2026) / 3 / 8));
  EXPECT_EQ(end - start, hours(23));
  auto [fall_start, fall_end] = Load("America/Matamoros").DayBounds(sys_days(year(2026) / 11 / 1));
  EXPECT_EQ(fall_end - fall_start, hours(25));
}

TEST(ZoneRules, LocalDateIsTheCalendarDayAtTheSite) {
  EXPECT_EQ(Load("America/Tijuana").LocalDate(At(2026, 11, 29, 7)), sys_days(year(2026) / 11 / 28));
  EXPECT_EQ(Load("America/Tijuana").LocalDate(At(2026, 11, 29, 9)), sys_days(year(2026) / 11 / 29));
}

TEST(ZoneRules, FixedOffsetAppliesAtAllTimes) {
  ZoneRules minus_six = ZoneRules::Fixed(hours(-6));
  EXPECT_EQ(minus_six.OffsetAt(At(1970, 1, 1)), hours(-6));
  EXPECT_EQ(minus_six.OffsetAt(At(2099, 1, 1)), hours(-6));
  EXPECT_EQ(FormatUtc(minus_six.DayBounds(sys_days(year(2026) / 1 / 1)).first), "2026-01-01T06:00:00Z");
}

TEST(ZoneRules, MalformedDataIsInvalid) {
  EXPECT_THAT(ZoneRules::Parse(""), StatusIs(StatusCode::kInvalidArgument, "timezone"));
  EXPECT_THAT(ZoneRules::Parse("TZif2 but far too short"), StatusIs(StatusCode::kInvalidArgument, "timezone"));
  std::ifstream in("/usr/share/zoneinfo/America/Tijuana", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string truncated = bytes.str().substr(0, bytes.str().size() / 2);
  EXPECT_THAT(ZoneRules::Parse(truncated), StatusIs(StatusCode::kInvalidArgument, "timezone"));
}

}  // namespace
}  // namespace acogida
