// Internal to the engine: the problem laid out for solving. Sections are flattened (shelter
// by shelter); groups that the rules and the cost cannot tell apart (same arrival point,
// home point, rule key and language) share a class, with one row of per-person costs per
// class (dense, -1 where the section does not accept the class) and its suitable sections
// sorted by cost. The relaxation has one node per class, so household size does not
// multiply the graph (in the relaxation people of one class are interchangeable whatever
// their household's size; sizes come back in the rounding).
#pragma once

#include <cstdint>
#include <vector>

#include "allocate/allocate.h"

namespace acogida::allocate {

struct SectionRef {
  int shelter = 0;
  int section = 0;
};

struct Candidate {
  int32_t section = 0;  // flattened index
  int32_t cost = 0;     // per person
};

struct GroupClass {
  int representative = 0;             // a group of the class
  std::vector<int> groups;            // in input order
  int64_t people = 0;
  std::vector<Candidate> candidates;  // suitable sections, cheapest first (ties: lower index)
};

struct Prepared {
  std::vector<SectionRef> sections;
  std::vector<int> section_offset;  // per shelter: flattened index of its first section
  std::vector<int> free_beds;       // per flattened section
  std::vector<GroupClass> classes;
  std::vector<int> class_of;        // per group
  std::vector<int> size;            // per group
  std::vector<int32_t> cost;        // classes × sections, row-major; -1: not suitable
  int64_t overflow_cost = 0;        // per person

  int32_t Cost(int group, int section) const {
    return cost[static_cast<size_t>(class_of[group]) * sections.size() + section];
  }
};

Prepared Prepare(const Problem& problem, const AllocationOptions& options);

// A placement being built: section per group (-1: without a bed) and free beds left.
struct Assignment {
  std::vector<int> section_of;
  std::vector<int> free_beds;
};

// The transport relaxation solved as a min-cost flow: people per class and section, the
// optimum (lower bound), people sent to overflow, and bed prices per section.
struct Relaxation {
  std::vector<std::vector<std::pair<int, int64_t>>> flow;  // per class: (section, people)
  int64_t optimum = 0;
  int64_t overflow_people = 0;
  std::vector<int64_t> bed_price;
  size_t arcs = 0;
};
StatusOr<Relaxation> SolveRelaxation(const Prepared& prepared);

// Rounds the relaxation keeping households whole: each class's households, largest first,
// go to the cheapest section of the class's flow with enough flow and beds left; the rest
// to the cheapest suitable section with room, or without a bed.
Assignment RoundRelaxation(const Prepared& prepared, const Relaxation& relaxation, AllocationStats* stats);

// Improves `assignment` (never worsens it) by moves, swaps and ejection chains; ends with
// every group without a bed having no suitable section with room for it.
void LocalSearch(const Prepared& prepared, const AllocationOptions& options, Assignment* assignment,
                 AllocationStats* stats);

// Fills in groups, people without a bed, totals and reasons from an assignment.
Placement Describe(const Problem& problem, const Prepared& prepared, const Assignment& assignment);

}  // namespace acogida::allocate
