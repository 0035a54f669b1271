// DemoArrivals() (declared in demo_network.h): a week of arrival batches at the
// reception centres of a demo network.
#include <algorithm>
#include <chrono>
#include <optional>
#include <utility>

#include "core/utc_time.h"
#include "synth/demo_network.h"
#include "synth/person_generator.h"
#include "synth/rng.h"

namespace acogida::synth {
namespace {

constexpr int kMinBatch = 15;
constexpr int kMaxBatch = 100;
// NextHousehold makes at most a head, a spouse and four children.
constexpr int kMaxHouseholdSize = 6;
// Port share given to a centre whose city is not in DemoCities().
constexpr double kUnknownCityShare = 1.0;

// The end of the window: the given instant, or the last second of the given day.
std::optional<UtcTime> WindowEnd(std::string_view today_iso) {
  if (today_iso.size() == 10) {
    StatusOr<std::chrono::sys_days> day = ParseDate(today_iso, "today");
    if (!day.ok()) return std::nullopt;
    return UtcTime(*day) + std::chrono::seconds(86399);
  }
  StatusOr<UtcTime> instant = ParseUtc(today_iso, "today");
  if (!instant.ok()) return std::nullopt;
  return *instant;
}

double PortShare(const Site& site) {
  for (const DemoCity& city : DemoCities()) {
    if (city.name == site.city) return city.port_share;
  }
  return kUnknownCityShare;
}

bool ReceivesFlights(const Site& site) {
  for (const DemoCity& city : DemoCities()) {
    if (city.name == site.city) return city.receives_flights;
  }
  return false;
}

}  // namespace

size_t DemoArrivalBatch::Persons() const {
  size_t persons = 0;
  for (const Household& household : households) persons += household.members.size();
  return persons;
}

std::vector<DemoArrivalBatch> DemoArrivals(const std::vector<DemoSite>& network, int persons, uint64_t seed,
                                           std::string_view today_iso) {
  std::vector<DemoArrivalBatch> batches;
  const std::optional<UtcTime> end = WindowEnd(today_iso);
  if (persons <= 0 || !end) return batches;
  const UtcTime start = std::chrono::floor<std::chrono::days>(*end) - std::chrono::days(6);

  std::vector<size_t> centres;
  std::vector<double> weights;
  for (size_t site_idx = 0; site_idx < network.size(); ++site_idx) {
    if (network[site_idx].site.kind != SiteKind::kReceptionCentre) continue;
    centres.push_back(site_idx);
    weights.push_back(PortShare(network[site_idx].site));
  }
  if (centres.empty()) return batches;

  GeneratorOptions options;
  options.today = FormatUtcDate(*end);
  PersonGenerator generator(DeriveSeed(seed, 1), options);
  Rng rng(DeriveSeed(seed, 2));

  std::optional<Household> carried;  // drawn for a batch it did not fit; opens the next one
  int total = 0;
  while (total < persons) {
    DemoArrivalBatch batch;
    batch.site_index = centres[rng.PickWeightedIndex(weights)];
    const Site& site = network[batch.site_index].site;
    if (ReceivesFlights(site) && rng.Chance(0.1)) {
      batch.mode = ArrivalMode::kFlight;
      batch.batch_id = "Vuelo AM-" + std::to_string(rng.Uniform(1000, 2999));
    } else if (rng.Chance(0.6)) {
      batch.mode = ArrivalMode::kBus;
      batch.batch_id = "Autobús " + std::to_string(rng.Uniform(1, 60));
    } else {
      batch.mode = ArrivalMode::kLandPort;
      batch.batch_id = "Lista " + std::to_string(rng.Uniform(1, 40));
    }
    const int64_t window_seconds = (*end - start).count();
    batch.arrived_at = FormatUtc(start + std::chrono::seconds(rng.Uniform<int64_t>(0, window_seconds)));

    // The last batch takes whatever is left (at least kMinBatch); others stop before the
    // household that would overflow their drawn size, so every batch has 15–100 persons.
    const int remaining = persons - total;
    const bool last = remaining <= kMaxBatch - kMaxHouseholdSize + 1;
    const int target = last ? std::max(remaining, kMinBatch) : rng.Uniform(kMinBatch + kMaxHouseholdSize, kMaxBatch);
    int size = 0;
    while (size < target) {
      Household household = carried ? std::move(*carried) : generator.NextHousehold();
      carried.reset();
      const int household_size = static_cast<int>(household.members.size());
      if (!last && size + household_size > target) {
        carried = std::move(household);
        break;
      }
      household.created_at = batch.arrived_at;
      for (Person& member : household.members) member.created_at = batch.arrived_at;
      batch.households.push_back(std::move(household));
      size += household_size;
    }
    total += size;
    batches.push_back(std::move(batch));
  }
  std::stable_sort(batches.begin(), batches.end(),
                   [](const DemoArrivalBatch& a, const DemoArrivalBatch& b) { return a.arrived_at < b.arrived_at; });
  return batches;
}

}  // namespace acogida::synth
