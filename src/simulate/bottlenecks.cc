// Bottleneck ranking: one candidate per stage instance, per city with shelters and per city
// with buses home; each gets a pressure and a sentence.
#include "simulate/bottlenecks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace acogida::simulate {
namespace {

constexpr double kThreshold = 0.7;
constexpr size_t kMaxBottlenecks = 20;

std::string Format(const char* format, double a, double b = 0, double c = 0) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, format, a, b, c);
  return buffer;
}

}  // namespace

std::vector<Bottleneck> RankBottlenecks(const Scenario& scenario, const SimulationResult& result) {
  std::vector<Bottleneck> candidates;
  for (const StageSummary& stage : result.stages) {
    Bottleneck bottleneck{"stage", stage.port + " / " + stage.stage, stage.peak_week_load, ""};
    bottleneck.reason = Format("%.0f staff, %.0f %% of their time needed in the busiest week, busy %.0f %% overall",
                               stage.staff, 100 * stage.peak_week_load, 100 * stage.utilisation.mean) +
                        Format("; mean wait %.0f min", stage.mean_wait.mean) +
                        Format(", p95 %.0f min; %.0f still waiting at the end", stage.p95_wait.mean,
                               stage.waiting_at_end.mean);
    candidates.push_back(std::move(bottleneck));
  }
  for (const CitySummary& city : result.cities) {
    if (city.beds == 0 && city.needed_bed.mean == 0) continue;
    const double unmet = city.placed_elsewhere.mean + city.without_bed.mean;
    double peak = 0;
    for (double night : city.daily_occupancy) peak = std::max(peak, night);
    Bottleneck bottleneck{"beds", city.city, 0, ""};
    if (unmet > 0 && city.needed_bed.mean > 0) {
      bottleneck.pressure = 1 + unmet / city.needed_bed.mean;
      bottleneck.reason = Format("%.0f of %.0f bed requests not met in the city", unmet, city.needed_bed.mean) +
                          Format(" (%.0f sent to other cities, %.0f without a bed)", city.placed_elsewhere.mean,
                                 city.without_bed.mean);
    } else {
      bottleneck.pressure = city.beds > 0 ? peak / city.beds : 0;
      bottleneck.reason = Format("peak %.0f of %.0f beds taken at midnight", peak, city.beds);
    }
    candidates.push_back(std::move(bottleneck));
  }
  for (size_t index = 0; index < result.cities.size(); ++index) {
    const Buses& buses = scenario.cities[index].buses;
    if (buses.departure_hours.empty()) continue;
    const CitySummary& city = result.cities[index];
    const double seats = static_cast<double>(buses.seats) * buses.departure_hours.size() * result.days;
    const double wanting = city.bus_riders.mean + city.bus_waiting_at_end.mean;
    Bottleneck bottleneck{"buses", city.city, seats > 0 ? wanting / seats : (wanting > 0 ? 2.0 : 0.0), ""};
    bottleneck.reason = Format("%.0f people for %.0f seats; mean wait %.1f h", wanting, seats,
                               city.bus_mean_wait_hours.mean) +
                        Format(", p95 %.1f h", city.bus_p95_wait_hours.mean);
    candidates.push_back(std::move(bottleneck));
  }
  std::vector<Bottleneck> ranked;
  for (Bottleneck& candidate : candidates) {
    if (candidate.pressure >= kThreshold) ranked.push_back(std::move(candidate));
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Bottleneck& a, const Bottleneck& b) { return a.pressure > b.pressure; });
  if (ranked.size() > kMaxBottlenecks) ranked.resize(kMaxBottlenecks);
  return ranked;
}

}  // namespace acogida::simulate
