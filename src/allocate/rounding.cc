// Rounding the relaxation to whole households (see RoundRelaxation in prepared.h).
#include <algorithm>

#include "allocate/prepared.h"

namespace acogida::allocate {

Assignment RoundRelaxation(const Prepared& prepared, const Relaxation& relaxation, AllocationStats* stats) {
  Assignment assignment;
  assignment.section_of.assign(prepared.size.size(), -1);
  assignment.free_beds = prepared.free_beds;
  std::vector<int> pending;
  for (size_t class_idx = 0; class_idx < prepared.classes.size(); ++class_idx) {
    const GroupClass& group_class = prepared.classes[class_idx];
    // The class's share of each section, cheapest section first.
    std::vector<std::pair<int, int64_t>> allotment = relaxation.flow[class_idx];
    const int32_t* row = &prepared.cost[class_idx * prepared.sections.size()];
    std::sort(allotment.begin(), allotment.end(), [row](const auto& a, const auto& b) {
      return row[a.first] != row[b.first] ? row[a.first] < row[b.first] : a.first < b.first;
    });
    std::vector<int> households = group_class.groups;
    std::stable_sort(households.begin(), households.end(),
                     [&](int a, int b) { return prepared.size[a] > prepared.size[b]; });
    for (int group : households) {
      const int size = prepared.size[group];
      bool placed = false;
      for (auto& [section, people] : allotment) {
        if (people >= size && assignment.free_beds[section] >= size) {
          people -= size;
          assignment.free_beds[section] -= size;
          assignment.section_of[group] = section;
          placed = true;
          break;
        }
      }
      if (placed) {
        ++stats->rounded_whole;
      } else {
        pending.push_back(group);
      }
    }
  }
  // What the relaxation split: largest households first, cheapest suitable section with room.
  std::stable_sort(pending.begin(), pending.end(), [&](int a, int b) { return prepared.size[a] > prepared.size[b]; });
  for (int group : pending) {
    const int size = prepared.size[group];
    for (const Candidate& candidate : prepared.classes[prepared.class_of[group]].candidates) {
      if (assignment.free_beds[candidate.section] >= size) {
        assignment.free_beds[candidate.section] -= size;
        assignment.section_of[group] = candidate.section;
        ++stats->repaired;
        break;
      }
    }
  }
  return assignment;
}

}  // namespace acogida::allocate
