// Online placement of one group as it arrives, between batch solves. Plain "nearest with
// room" spends the beds that later arrivals need most; instead each section's bed carries
// the dual price of the last batch relaxation (Placement::bed_price), as dynamic
// refugee-resettlement placement does, and a group goes where its travel cost plus the
// price of the beds it takes is least. Not thread-safe; one placer per desk or request.
#pragma once

#include <cstdint>
#include <vector>

#include "allocate/allocate.h"
#include "allocate/types.h"
#include "core/status.h"

namespace acogida::allocate {

class OnlinePlacer {
 public:
  // `shelters` with their free beds now; `bed_price` in flattened section order (shelter
  // by shelter), from the last AllocateBeds on these shelters, or empty for no prices
  // (then it is nearest-with-room by the same cost). InvalidArgument if the shelters are
  // invalid or the prices do not match their sections.
  static StatusOr<OnlinePlacer> Make(std::vector<Shelter> shelters, std::vector<int64_t> bed_price,
                                     const AllocationOptions& options = {});

  // Places `group` whole in the suitable section with room that minimises people ×
  // (per-person cost + bed price), and takes those beds. When no section fits, returns a
  // GroupPlacement with shelter -1 and outcome kNoRoom or kNoSuitableSection (nothing
  // taken). InvalidArgument for a group ValidateProblem would reject.
  StatusOr<GroupPlacement> Place(const Group& group);

  // The shelters with the beds placed so far taken.
  const std::vector<Shelter>& shelters() const { return shelters_; }

 private:
  OnlinePlacer(std::vector<Shelter> shelters, std::vector<int64_t> bed_price, const AllocationOptions& options)
      : shelters_(std::move(shelters)), bed_price_(std::move(bed_price)), options_(options) {}

  std::vector<Shelter> shelters_;
  std::vector<int64_t> bed_price_;
  AllocationOptions options_;
};

}  // namespace acogida::allocate
