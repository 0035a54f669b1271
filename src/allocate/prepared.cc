// Flattening, classes of interchangeable groups, and the cost table (see prepared.h).
#include "allocate/prepared.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "allocate/rules.h"

namespace acogida::allocate {
namespace {

bool Speaks(const Shelter& shelter, const std::string& language) {
  if (language.empty() || language == "es") return true;
  return std::find(shelter.languages.begin(), shelter.languages.end(), language) != shelter.languages.end();
}

}  // namespace

int64_t PersonCost(const Group& group, const Shelter& shelter, const AllocationOptions& options) {
  double km = DistanceKm(group.arrival, shelter.location) + options.home_weight * DistanceKm(shelter.location, group.home);
  if (!Speaks(shelter, group.needs.language)) km += options.language_penalty_km;
  return std::llround(km * 10);
}

int64_t OverflowCost(const AllocationOptions& options) { return std::llround(options.overflow_km * 10); }

Prepared Prepare(const Problem& problem, const AllocationOptions& options) {
  Prepared prepared;
  for (size_t shelter_idx = 0; shelter_idx < problem.shelters.size(); ++shelter_idx) {
    prepared.section_offset.push_back(static_cast<int>(prepared.sections.size()));
    const Shelter& shelter = problem.shelters[shelter_idx];
    for (size_t section_idx = 0; section_idx < shelter.sections.size(); ++section_idx) {
      prepared.sections.push_back({static_cast<int>(shelter_idx), static_cast<int>(section_idx)});
      prepared.free_beds.push_back(shelter.sections[section_idx].free_beds);
    }
  }
  prepared.overflow_cost = OverflowCost(options);

  using Key = std::tuple<double, double, double, double, int, std::string>;
  std::map<Key, int> class_index;
  prepared.class_of.resize(problem.groups.size());
  prepared.size.resize(problem.groups.size());
  for (size_t group_idx = 0; group_idx < problem.groups.size(); ++group_idx) {
    const Group& group = problem.groups[group_idx];
    const std::string& language = group.needs.language == "es" ? std::string() : group.needs.language;
    Key key{group.arrival.lat, group.arrival.lon, group.home.lat, group.home.lon, RuleKey(group), language};
    auto [it, added] = class_index.emplace(key, static_cast<int>(prepared.classes.size()));
    if (added) prepared.classes.push_back(GroupClass{static_cast<int>(group_idx)});
    GroupClass& group_class = prepared.classes[it->second];
    group_class.groups.push_back(static_cast<int>(group_idx));
    group_class.people += group.composition.size();
    prepared.class_of[group_idx] = it->second;
    prepared.size[group_idx] = group.composition.size();
  }

  const size_t section_count = prepared.sections.size();
  prepared.cost.assign(prepared.classes.size() * section_count, -1);
  for (size_t class_idx = 0; class_idx < prepared.classes.size(); ++class_idx) {
    GroupClass& group_class = prepared.classes[class_idx];
    const Group& group = problem.groups[group_class.representative];
    int32_t* row = &prepared.cost[class_idx * section_count];
    for (size_t shelter_idx = 0; shelter_idx < problem.shelters.size(); ++shelter_idx) {
      const Shelter& shelter = problem.shelters[shelter_idx];
      int32_t shelter_cost = -1;
      for (size_t section_idx = 0; section_idx < shelter.sections.size(); ++section_idx) {
        if (!Eligible(group, shelter.sections[section_idx])) continue;
        if (shelter_cost < 0) shelter_cost = static_cast<int32_t>(PersonCost(group, shelter, options));
        const int flat = prepared.section_offset[shelter_idx] + static_cast<int>(section_idx);
        row[flat] = shelter_cost;
        group_class.candidates.push_back({flat, shelter_cost});
      }
    }
    std::stable_sort(group_class.candidates.begin(), group_class.candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.cost < b.cost; });
  }
  return prepared;
}

}  // namespace acogida::allocate
