// Placement of arriving groups in shelter beds (issue #5). Pure: a Problem in, a Placement
// out, no I/O, no clock except the timings reported in AllocationStats.
//
// The objective, in one integer unit (tenths of a kilometre per person), summed over
// people: travel from the arrival point to the shelter, plus home_weight × the distance from
// the shelter to the home region, plus a penalty when no staff speak the group's language;
// a person left without a bed costs overflow_km, more than any travel, so overflow is the
// last resort. Households are never split: a group is placed whole in one section or not
// at all.
//
// AllocateBeds: the transport relaxation (people as flow, households splittable) solved
// exactly as a min-cost flow with LEMON's NetworkSimplex over classes of interchangeable
// groups, which gives the lower bound and the bed prices; then rounding that keeps every
// household whole; then a local search (moves, swaps, ejections) that only improves.
// AllocateGreedy: the coordinators' way, first fit by proximity in arrival order.
// Both are deterministic: the same problem gives the same placement.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "allocate/types.h"
#include "core/status.h"

namespace acogida::allocate {

struct AllocationOptions {
  // Weight of the shelter's distance to the home region against the distance travelled
  // from the arrival point (which weighs 1).
  double home_weight = 0.25;
  // Added to a person's cost (km) at a shelter where no staff speak the group's language.
  double language_penalty_km = 150;
  // Cost (km) of a person left without a bed. Above any travel, so a bed is always better.
  double overflow_km = 5000;
  // Rounds of the local search (each tries every move, swap and ejection once); it stops
  // earlier when a round improves nothing.
  int local_search_rounds = 20;
  // Sections scanned per placed group for swaps and ejections, cheapest first (all of
  // them for a group without a bed).
  int neighbourhood = 48;
};

enum class Outcome {
  kPlaced,
  kNoSuitableSection,  // no section anywhere accepts this household: left without a bed
  kNoRoom,             // every suitable section is full (for the whole household)
};

struct GroupPlacement {
  int shelter = -1;  // index in problem.shelters; -1 when left without a bed
  int section = -1;  // index in that shelter's sections
  Outcome outcome = Outcome::kNoRoom;
  int64_t cost = 0;     // this group's share of the objective (people × per-person cost)
  double travel_km = 0;  // arrival point → shelter
  std::string reason;   // one sentence for staff
};

struct PersonWithoutBed {
  std::string group_id;
  std::string member_id;  // empty when the group did not list its members
};

struct AllocationStats {
  size_t classes = 0;         // groups aggregated into classes of interchangeable groups
  size_t arcs = 0;            // arcs of the flow network
  double prepare_seconds = 0, flow_seconds = 0, rounding_seconds = 0, search_seconds = 0;
  int rounded_whole = 0;      // groups placed where the relaxation put them
  int repaired = 0;           // groups the rounding had to place elsewhere
  int search_rounds = 0;
  int moves = 0, swaps = 0, ejections = 0;
};

struct Placement {
  std::vector<GroupPlacement> groups;  // parallel to problem.groups
  std::vector<PersonWithoutBed> people_without_bed;
  int placed_people = 0;
  int unplaced_people = 0;
  int64_t cost = 0;         // the objective, in tenths of a km per person
  int64_t lower_bound = 0;  // the relaxation's optimum (AllocateBeds); 0 from AllocateGreedy
  double relaxation_unplaced_people = 0;  // people the relaxation leaves without a bed
  // Per section in flattened order (shelter by shelter, section by section): the dual
  // price of one bed in the relaxation, in the objective's unit; 0 where beds are to spare.
  std::vector<int64_t> bed_price;
  AllocationStats stats;
};

// Places `problem.groups` in the shelters' free beds. InvalidArgument (naming the field)
// for input that ValidateProblem rejects; Internal if the flow solver fails (not expected).
StatusOr<Placement> AllocateBeds(const Problem& problem, const AllocationOptions& options = {});

// The coordinators' greedy baseline: groups in arrival (input) order, each to the
// nearest shelter (from its arrival point) with a suitable section that has room, the
// shelter's first such section. Same objective and reasons; lower_bound is 0.
StatusOr<Placement> AllocateGreedy(const Problem& problem, const AllocationOptions& options = {});

// The objective unit: per-person cost at `shelter` for `group` (tenths of a km).
int64_t PersonCost(const Group& group, const Shelter& shelter, const AllocationOptions& options);

// Overflow cost per person in the objective unit.
int64_t OverflowCost(const AllocationOptions& options);

}  // namespace acogida::allocate
