// The system time-zone database: known zones load, unknown or malicious names do not.
#include <gtest/gtest.h>

#include "service/site_service.h"
#include "service/time_zones.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"

namespace acogida {
namespace {

using testing::StatusIs;

TEST(TimeZones, LoadsEveryDemoBorderZone) {
  for (const char* name : {"America/Tijuana", "America/Hermosillo", "America/Ciudad_Juarez", "America/Ojinaga",
                           "America/Matamoros", "America/Monterrey", "America/Mexico_City"}) {
    EXPECT_OK(SystemTimeZones().Find(name).status());
  }
}

TEST(TimeZones, RejectsUnknownAndPathLikeNames) {
  for (const char* name : {"Mars/Olympus_Mons", "../../etc/passwd", "/etc/passwd", "America/Tijuana\n", ""}) {
    EXPECT_THAT(SystemTimeZones().Find(name), StatusIs(StatusCode::kInvalidArgument, "timezone")) << name;
  }
}

TEST(ValidateSiteWithZone, RefusesAZoneTheSystemDoesNotKnow) {
  Site site = testing::TijuanaCentre();
  EXPECT_OK(ValidateSiteWithZone(site));
  site.timezone = "America/Atlantis";
  EXPECT_THAT(ValidateSiteWithZone(site), StatusIs(StatusCode::kInvalidArgument, "timezone"));
}

}  // namespace
}  // namespace acogida
