// Distances, names and validation of the allocation input.
#include "allocate/types.h"

#include <cmath>
#include <set>

namespace acogida::allocate {

double DistanceKm(Point a, Point b) {
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRadians = M_PI / 180.0;
  const double dlat = (b.lat - a.lat) * kRadians;
  const double dlon = (b.lon - a.lon) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRadians) * std::cos(b.lat * kRadians) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

namespace {
constexpr const char* kKindNames[] = {"men", "women", "families", "minors", "lgbtq", "medical"};

Status CheckPoint(const Point& point, const std::string& field) {
  if (!(point.lat >= -90 && point.lat <= 90)) return InvalidArgument(field + ".lat", "must be between -90 and 90");
  if (!(point.lon >= -180 && point.lon <= 180)) return InvalidArgument(field + ".lon", "must be between -180 and 180");
  return OkStatus();
}
}  // namespace

const char* SectionKindName(SectionKind kind) { return kKindNames[static_cast<int>(kind)]; }

bool ParseSectionKind(const std::string& name, SectionKind* kind) {
  for (int index = 0; index < 6; ++index) {
    if (name == kKindNames[index]) {
      *kind = static_cast<SectionKind>(index);
      return true;
    }
  }
  return false;
}

Status ValidateProblem(const Problem& problem) {
  std::set<std::string> shelter_ids;
  for (size_t shelter_idx = 0; shelter_idx < problem.shelters.size(); ++shelter_idx) {
    const Shelter& shelter = problem.shelters[shelter_idx];
    const std::string prefix = "shelters[" + std::to_string(shelter_idx) + "]";
    if (shelter.id.empty()) return InvalidArgument(prefix + ".id", "must not be empty");
    if (!shelter_ids.insert(shelter.id).second) return InvalidArgument(prefix + ".id", "repeats " + shelter.id);
    RETURN_IF_ERROR(CheckPoint(shelter.location, prefix + ".location"));
    std::set<std::string> section_ids;
    for (size_t section_idx = 0; section_idx < shelter.sections.size(); ++section_idx) {
      const Section& section = shelter.sections[section_idx];
      const std::string field = prefix + ".sections[" + std::to_string(section_idx) + "]";
      if (section.id.empty()) return InvalidArgument(field + ".id", "must not be empty");
      if (!section_ids.insert(section.id).second) return InvalidArgument(field + ".id", "repeats " + section.id);
      if (section.free_beds < 0) return InvalidArgument(field + ".free_beds", "must not be negative");
    }
  }
  std::set<std::string> group_ids;
  for (size_t group_idx = 0; group_idx < problem.groups.size(); ++group_idx) {
    const Group& group = problem.groups[group_idx];
    const std::string prefix = "groups[" + std::to_string(group_idx) + "]";
    if (group.id.empty()) return InvalidArgument(prefix + ".id", "must not be empty");
    if (!group_ids.insert(group.id).second) return InvalidArgument(prefix + ".id", "repeats " + group.id);
    const Composition& people = group.composition;
    const std::string composition = prefix + ".composition";
    if (people.adult_men < 0) return InvalidArgument(composition + ".adult_men", "must not be negative");
    if (people.adult_women < 0) return InvalidArgument(composition + ".adult_women", "must not be negative");
    if (people.children < 0) return InvalidArgument(composition + ".children", "must not be negative");
    if (people.unaccompanied_minors < 0) {
      return InvalidArgument(composition + ".unaccompanied_minors", "must not be negative");
    }
    if (people.size() == 0) return InvalidArgument(composition, "a household has at least one person");
    if (people.size() > kMaxHouseholdSize) {
      return InvalidArgument(composition, "more than " + std::to_string(kMaxHouseholdSize) + " people");
    }
    if (people.unaccompanied_minors > 0 && (people.adult_men + people.adult_women + people.children) > 0) {
      return InvalidArgument(composition + ".unaccompanied_minors",
                             "minors with adults are children of the household, not unaccompanied");
    }
    if (people.children > 0 && people.adult_men + people.adult_women == 0) {
      return InvalidArgument(composition + ".children", "children without an adult are unaccompanied_minors");
    }
    if (!group.member_ids.empty() && static_cast<int>(group.member_ids.size()) != people.size()) {
      return InvalidArgument(prefix + ".member_ids", "must list every member or none");
    }
    RETURN_IF_ERROR(CheckPoint(group.arrival, prefix + ".arrival"));
    RETURN_IF_ERROR(CheckPoint(group.home, prefix + ".home"));
  }
  return OkStatus();
}

}  // namespace acogida::allocate
