// AllocateBeds and AllocateGreedy (see allocate.h), and the reasons shown to staff.
#include "allocate/allocate.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

#include "allocate/prepared.h"
#include "allocate/rules.h"

namespace acogida::allocate {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string Km(double km) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f km", km);
  return text;
}

std::string Requirements(const Group& group) {
  std::string needs = NeedsText(group);
  std::string text = std::string("a ") + GroupKindName(KindOf(group.composition)) + " section";
  if (!needs.empty()) text += " with " + needs;
  return text;
}

std::string Reason(const Problem& problem, const Prepared& prepared, int group_idx, int section) {
  const Group& group = problem.groups[group_idx];
  const GroupClass& group_class = prepared.classes[prepared.class_of[group_idx]];
  const int size = prepared.size[group_idx];
  const std::string people = std::to_string(size) + (size == 1 ? " bed" : " beds together");
  if (section < 0) {
    if (group_class.candidates.empty()) return "no shelter has " + Requirements(group);
    return "every section that fits (" + Requirements(group) + ") is full; needs " + people;
  }
  const Shelter& shelter = problem.shelters[prepared.sections[section].shelter];
  const Candidate& nearest = group_class.candidates.front();
  if (prepared.Cost(group_idx, section) == nearest.cost) {
    return "closest suitable shelter (" + Requirements(group) + ") with " + people + " in " + shelter.city;
  }
  const Shelter& best = problem.shelters[prepared.sections[nearest.section].shelter];
  const double extra_km = DistanceKm(group.arrival, shelter.location) - DistanceKm(group.arrival, best.location);
  std::string text = "closer suitable sections (" + best.city + ") were full or needed by larger households; ";
  text += extra_km > 0 ? Km(extra_km) + " farther" : "nearer home";
  return text + ", " + people + " in " + shelter.city;
}

}  // namespace

Placement Describe(const Problem& problem, const Prepared& prepared, const Assignment& assignment) {
  Placement placement;
  placement.groups.resize(problem.groups.size());
  for (size_t group_idx = 0; group_idx < problem.groups.size(); ++group_idx) {
    const Group& group = problem.groups[group_idx];
    GroupPlacement& out = placement.groups[group_idx];
    const int section = assignment.section_of[group_idx];
    const int size = prepared.size[group_idx];
    const int group_int = static_cast<int>(group_idx);
    out.reason = Reason(problem, prepared, group_int, section);
    if (section < 0) {
      out.outcome = prepared.classes[prepared.class_of[group_idx]].candidates.empty() ? Outcome::kNoSuitableSection
                                                                                     : Outcome::kNoRoom;
      out.cost = size * prepared.overflow_cost;
      placement.unplaced_people += size;
      for (int member = 0; member < size; ++member) {
        placement.people_without_bed.push_back(
            {group.id, group.member_ids.empty() ? std::string() : group.member_ids[member]});
      }
    } else {
      out.outcome = Outcome::kPlaced;
      out.shelter = prepared.sections[section].shelter;
      out.section = prepared.sections[section].section;
      out.cost = size * static_cast<int64_t>(prepared.Cost(group_int, section));
      out.travel_km = DistanceKm(group.arrival, problem.shelters[out.shelter].location);
      placement.placed_people += size;
    }
    placement.cost += out.cost;
  }
  return placement;
}

StatusOr<Placement> AllocateBeds(const Problem& problem, const AllocationOptions& options) {
  RETURN_IF_ERROR(ValidateProblem(problem));
  AllocationStats stats;
  auto start = std::chrono::steady_clock::now();
  const Prepared prepared = Prepare(problem, options);
  stats.classes = prepared.classes.size();
  stats.prepare_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(Relaxation relaxation, SolveRelaxation(prepared));
  stats.arcs = relaxation.arcs;
  stats.flow_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  Assignment assignment = RoundRelaxation(prepared, relaxation, &stats);
  stats.rounding_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  LocalSearch(prepared, options, &assignment, &stats);
  stats.search_seconds = SecondsSince(start);

  Placement placement = Describe(problem, prepared, assignment);
  placement.lower_bound = relaxation.optimum;
  placement.relaxation_unplaced_people = static_cast<double>(relaxation.overflow_people);
  placement.bed_price = std::move(relaxation.bed_price);
  placement.stats = stats;
  return placement;
}

StatusOr<Placement> AllocateGreedy(const Problem& problem, const AllocationOptions& options) {
  RETURN_IF_ERROR(ValidateProblem(problem));
  const Prepared prepared = Prepare(problem, options);
  Assignment assignment;
  assignment.section_of.assign(problem.groups.size(), -1);
  assignment.free_beds = prepared.free_beds;
  // Shelters by distance from each arrival point, computed once per point.
  std::map<std::pair<double, double>, std::vector<int>> by_distance;
  for (size_t group_idx = 0; group_idx < problem.groups.size(); ++group_idx) {
    const Group& group = problem.groups[group_idx];
    std::vector<int>& order = by_distance[{group.arrival.lat, group.arrival.lon}];
    if (order.empty()) {
      std::vector<std::pair<double, int>> distances;
      for (size_t shelter_idx = 0; shelter_idx < problem.shelters.size(); ++shelter_idx) {
        distances.push_back({DistanceKm(group.arrival, problem.shelters[shelter_idx].location), static_cast<int>(shelter_idx)});
      }
      std::sort(distances.begin(), distances.end());
      for (const auto& [km, shelter_idx] : distances) order.push_back(shelter_idx);
    }
    const int size = prepared.size[group_idx];
    const int group_int = static_cast<int>(group_idx);
    for (int shelter_idx : order) {
      const int first = prepared.section_offset[shelter_idx];
      const int end = first + static_cast<int>(problem.shelters[shelter_idx].sections.size());
      int chosen = -1;
      for (int section = first; section < end && chosen < 0; ++section) {
        if (prepared.Cost(group_int, section) >= 0 && assignment.free_beds[section] >= size) chosen = section;
      }
      if (chosen >= 0) {
        assignment.section_of[group_idx] = chosen;
        assignment.free_beds[chosen] -= size;
        break;
      }
    }
  }
  Placement placement = Describe(problem, prepared, assignment);
  placement.stats.classes = prepared.classes.size();
  return placement;
}

}  // namespace acogida::allocate
