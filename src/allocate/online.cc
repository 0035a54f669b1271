// OnlinePlacer (see online.h).
#include "allocate/online.h"

#include <limits>

#include "allocate/rules.h"

namespace acogida::allocate {

StatusOr<OnlinePlacer> OnlinePlacer::Make(std::vector<Shelter> shelters, std::vector<int64_t> bed_price,
                                          const AllocationOptions& options) {
  Problem problem;
  problem.shelters = std::move(shelters);
  RETURN_IF_ERROR(ValidateProblem(problem));
  size_t sections = 0;
  for (const Shelter& shelter : problem.shelters) sections += shelter.sections.size();
  if (!bed_price.empty() && bed_price.size() != sections) {
    return InvalidArgument("bed_price", "has " + std::to_string(bed_price.size()) + " prices for " +
                                            std::to_string(sections) + " sections");
  }
  if (bed_price.empty()) bed_price.assign(sections, 0);
  return OnlinePlacer(std::move(problem.shelters), std::move(bed_price), options);
}

StatusOr<GroupPlacement> OnlinePlacer::Place(const Group& group) {
  Problem one;
  one.groups.push_back(group);
  if (Status valid = ValidateProblem(one); !valid.ok()) {
    std::string field = valid.field();
    if (field.rfind("groups[0]", 0) == 0) field = "group" + field.substr(9);  // "groups[0].x" → "group.x"
    return InvalidArgument(field, valid.message());
  }
  const int size = group.composition.size();
  GroupPlacement best;
  best.outcome = Outcome::kNoSuitableSection;
  int64_t best_score = std::numeric_limits<int64_t>::max();
  int best_flat = -1;
  int flat = 0;
  for (size_t shelter_idx = 0; shelter_idx < shelters_.size(); ++shelter_idx) {
    const Shelter& shelter = shelters_[shelter_idx];
    int64_t cost = -1;
    for (size_t section_idx = 0; section_idx < shelter.sections.size(); ++section_idx, ++flat) {
      const Section& section = shelter.sections[section_idx];
      if (!Eligible(group, section)) continue;
      if (best.outcome == Outcome::kNoSuitableSection) best.outcome = Outcome::kNoRoom;
      if (section.free_beds < size) continue;
      if (cost < 0) cost = PersonCost(group, shelter, options_);
      const int64_t score = size * (cost + bed_price_[flat]);
      if (score < best_score) {
        best_score = score;
        best_flat = flat;
        best.shelter = static_cast<int>(shelter_idx);
        best.section = static_cast<int>(section_idx);
        best.cost = size * cost;
      }
    }
  }
  const std::string needs = NeedsText(group);
  const std::string kind = std::string("a ") + GroupKindName(KindOf(group.composition)) + " section" +
                           (needs.empty() ? "" : " with " + needs);
  if (best_flat < 0) {
    best.cost = size * OverflowCost(options_);
    best.reason = best.outcome == Outcome::kNoSuitableSection
                      ? "no shelter has " + kind
                      : "every section that fits (" + kind + ") is full; needs " + std::to_string(size) + " beds together";
    return best;
  }
  Shelter& shelter = shelters_[best.shelter];
  shelter.sections[best.section].free_beds -= size;
  best.outcome = Outcome::kPlaced;
  best.travel_km = DistanceKm(group.arrival, shelter.location);
  best.reason = "least travel plus expected demand for its beds (" + kind + ") in " + shelter.city;
  return best;
}

}  // namespace acogida::allocate
