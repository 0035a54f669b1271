// Checks every placement must pass, shared by the allocation tests: each household in one
// section or none, only where the rules allow, no section over its beds, and nobody left
// without a bed while a suitable section still has room for their whole household.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "allocate/allocate.h"
#include "allocate/rules.h"

namespace acogida::allocate::testing {

// Free beds left per shelter and section after `placement`.
inline std::vector<std::vector<int>> BedsLeft(const Problem& problem, const Placement& placement) {
  std::vector<std::vector<int>> left(problem.shelters.size());
  for (size_t shelter = 0; shelter < problem.shelters.size(); ++shelter) {
    for (const Section& section : problem.shelters[shelter].sections) left[shelter].push_back(section.free_beds);
  }
  for (size_t group = 0; group < problem.groups.size(); ++group) {
    const GroupPlacement& placed = placement.groups[group];
    if (placed.shelter >= 0) left[placed.shelter][placed.section] -= problem.groups[group].composition.size();
  }
  return left;
}

inline void ExpectValidPlacement(const Problem& problem, const Placement& placement, const std::string& label) {
  ASSERT_EQ(placement.groups.size(), problem.groups.size()) << label;
  int placed_people = 0, unplaced_people = 0;
  for (size_t group_idx = 0; group_idx < problem.groups.size(); ++group_idx) {
    const Group& group = problem.groups[group_idx];
    const GroupPlacement& placed = placement.groups[group_idx];
    EXPECT_FALSE(placed.reason.empty()) << label << " " << group.id;
    if (placed.shelter < 0) {
      EXPECT_NE(placed.outcome, Outcome::kPlaced) << label << " " << group.id;
      unplaced_people += group.composition.size();
      continue;
    }
    placed_people += group.composition.size();
    EXPECT_EQ(placed.outcome, Outcome::kPlaced);
    const Section& section = problem.shelters[placed.shelter].sections[placed.section];
    EXPECT_TRUE(Eligible(group, section)) << label << " " << group.id << " in " << section.id;
    if (group.composition.unaccompanied_minors > 0) {
      EXPECT_TRUE(section.minors_authorised) << label << " " << group.id;
    }
    if (group.needs.wheelchair) {
      EXPECT_TRUE(section.accessible) << label << " " << group.id;
    }
    if (group.needs.medical || group.needs.pregnancy) {
      EXPECT_TRUE(section.medical) << label << " " << group.id;
    }
    if (group.needs.lgbtq_safety) {
      EXPECT_TRUE(section.lgbtq_safe || section.kind == SectionKind::kLgbtq) << label << " " << group.id;
    }
  }
  EXPECT_EQ(placement.placed_people, placed_people) << label;
  EXPECT_EQ(placement.unplaced_people, unplaced_people) << label;
  EXPECT_EQ(static_cast<int>(placement.people_without_bed.size()), unplaced_people) << label;

  const auto left = BedsLeft(problem, placement);
  for (size_t shelter = 0; shelter < left.size(); ++shelter) {
    for (size_t section = 0; section < left[shelter].size(); ++section) {
      EXPECT_GE(left[shelter][section], 0) << label << " over capacity: " << problem.shelters[shelter].id << "/"
                                           << problem.shelters[shelter].sections[section].id;
    }
  }
  // Overflow only as the last resort.
  for (size_t group_idx = 0; group_idx < problem.groups.size(); ++group_idx) {
    if (placement.groups[group_idx].shelter >= 0) continue;
    const Group& group = problem.groups[group_idx];
    for (size_t shelter = 0; shelter < left.size(); ++shelter) {
      for (size_t section = 0; section < left[shelter].size(); ++section) {
        const bool fits = Eligible(group, problem.shelters[shelter].sections[section]) &&
                          left[shelter][section] >= group.composition.size();
        EXPECT_FALSE(fits) << label << " " << group.id << " left without a bed though "
                           << problem.shelters[shelter].id << "/" << problem.shelters[shelter].sections[section].id
                           << " has room";
      }
    }
  }
}

}  // namespace acogida::allocate::testing
