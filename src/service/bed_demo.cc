// Demo stays and holds (see bed_demo.h).
#include "service/bed_demo.h"

#include <map>

#include "core/utc_time.h"

namespace acogida {
namespace {

struct CitySections {
  std::vector<Section> sections;  // of the city's shelters
  std::map<int64_t, int> free;    // by section id
};

// The section a household goes to: families together, a lone adult by sex; nullptr if none has room.
const Section* Pick(CitySections& city, const Household& household) {
  const bool family = household.members.size() > 1;
  const SectionKind wanted = family ? SectionKind::kFamilies
                             : household.members[0].sex == Sex::kFemale ? SectionKind::kWomen
                                                                        : SectionKind::kMen;
  for (const Section& section : city.sections) {
    if (section.kind == wanted && city.free[section.id] >= static_cast<int>(household.members.size())) return &section;
  }
  return nullptr;
}

}  // namespace

Status AddBedDemo(Tx& tx, const std::string& now) {
  ASSIGN_OR_RETURN(UtcTime now_time, ParseUtc(now, "now"));
  const UtcTime week_ago = now_time - std::chrono::days(8);
  ASSIGN_OR_RETURN(std::vector<Site> sites, tx.ListSites());
  std::map<std::string, CitySections> cities;
  for (const Site& site : sites) {
    if (site.kind != SiteKind::kShelter) continue;
    ASSIGN_OR_RETURN(std::vector<Section> sections, tx.ListSections(site.id));
    CitySections& city = cities[site.city];
    for (const Section& section : sections) {
      city.sections.push_back(section);
      city.free[section.id] = section.beds;
    }
  }
  std::map<int64_t, bool> seen;  // households
  for (const Site& site : sites) {
    if (site.kind != SiteKind::kReceptionCentre || cities.count(site.city) == 0) continue;
    CitySections& city = cities[site.city];
    ASSIGN_OR_RETURN(std::vector<ArrivalView> arrivals,
                     tx.ListArrivalsAtSite(site.id, FormatUtc(week_ago), FormatUtc(now_time)));
    for (const ArrivalView& view : arrivals) {
      const int64_t household_id = view.arrival.household_id;
      if (seen[household_id] || household_id % 5 >= 2) continue;  // about two households in five stay
      seen[household_id] = true;
      ASSIGN_OR_RETURN(Household household, tx.GetHousehold(household_id));
      const Section* section = Pick(city, household);
      if (section == nullptr) continue;
      ASSIGN_OR_RETURN(UtcTime arrived, ParseUtc(view.arrival.arrived_at, "arrived_at"));
      const auto arrival_day = std::chrono::floor<std::chrono::days>(arrived);
      const std::string expected = FormatUtcDate(UtcTime(arrival_day + std::chrono::days(4 + household_id % 5)));
      for (const Person& member : household.members) {
        Stay stay;
        stay.person_id = member.id;
        stay.site_id = section->site_id;
        stay.section_id = section->id;
        stay.checked_in_at = FormatUtc(arrived + std::chrono::hours(3));
        stay.checked_in_by = "demo-data";
        stay.expected_checkout = expected;
        RETURN_IF_ERROR(tx.InsertStay(stay));
      }
      city.free[section->id] -= static_cast<int>(household.members.size());
      RETURN_IF_ERROR(tx.LockSectionBoard(section->id, now));
    }
  }
  // A bus on its way to each city: a few beds held in its first men's section with room.
  for (auto& [name, city] : cities) {
    for (const Section& section : city.sections) {
      if (section.kind != SectionKind::kMen || city.free[section.id] < 4) continue;
      BedHold hold;
      hold.site_id = section.site_id;
      hold.section_id = section.id;
      hold.beds = 4;
      hold.label = "Autobús en camino (demo)";
      hold.created_at = now;
      hold.created_by = "demo-data";
      hold.expires_at = FormatUtc(now_time + std::chrono::hours(6));
      RETURN_IF_ERROR(tx.InsertHold(hold));
      RETURN_IF_ERROR(tx.LockSectionBoard(section.id, now));
      break;
    }
  }
  return OkStatus();
}

}  // namespace acogida
