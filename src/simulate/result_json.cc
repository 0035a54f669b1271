// Scenario and SimulationResult → JSON text (the other half of scenario_json.h). Figures
// are rounded to what a coordinator reads (0.01) to keep files small.
#include <cmath>
#include <nlohmann/json.hpp>

#include "simulate/scenario_json.h"

namespace acogida::simulate {
namespace {

using Json = nlohmann::ordered_json;

double Round(double value) { return std::round(value * 100) / 100; }

Json EstimateJson(const Estimate& estimate) {
  return Json{{"mean", Round(estimate.mean)},
              {"ci95", Round(estimate.half_width)},
              {"min", Round(estimate.min)},
              {"max", Round(estimate.max)}};
}

Json Series(const std::vector<double>& values) {
  Json out = Json::array();
  for (double value : values) out.push_back(Round(value));
  return out;
}

Json DistributionJson(const Distribution& d) {
  Json out{{"distribution", DistributionKindName(d.kind)}};
  if (d.kind == DistributionKind::kUniform) {
    out["min"] = d.min;
    out["max"] = d.max;
  } else {
    out["mean"] = d.mean;
  }
  if (d.kind == DistributionKind::kLognormal) out["sd"] = d.sd;
  return out;
}

Json StayJson(const Stay& stay) {
  return Json{{"zero_night_share", stay.zero_night_share}, {"mean_nights_if_staying", stay.mean_nights_if_staying}};
}

Json MultiplierJson(const Multiplier& multiplier) {
  Json out{{"kind", MultiplierKindName(multiplier.kind)},
           {"from_day", multiplier.from_day},
           {"to_day", multiplier.to_day},
           {"factor", multiplier.factor}};
  if (!multiplier.ports.empty()) out["ports"] = multiplier.ports;
  if (!multiplier.label.empty()) out["label"] = multiplier.label;
  return out;
}

}  // namespace

std::string ScenarioToJson(const Scenario& scenario) {
  const People& p = scenario.people;
  Json out{{"name", scenario.name}, {"days", scenario.days}, {"checkout_hour", scenario.checkout_hour}};
  out["people"] = Json{{"men", p.men},
                       {"women", p.women},
                       {"minors", p.minors},
                       {"lgbtq", p.lgbtq},
                       {"enters_centre", p.enters_centre},
                       {"documents", p.documents},
                       {"imss", p.imss},
                       {"medical", p.medical},
                       {"psychological", p.psychological},
                       {"transport_home", p.transport_home},
                       {"legal_aid", p.legal_aid}};
  Json stays{{"default", StayJson(scenario.stays.default_stay)}};
  for (int kind = 0; kind < kSectionKinds; ++kind) {
    if (scenario.stays.has_kind[kind]) {
      stays[SectionKindName(static_cast<SectionKind>(kind))] = StayJson(scenario.stays.by_kind[kind]);
    }
  }
  out["stays"] = stays;
  out["stages"] = Json::array();
  for (const Stage& stage : scenario.stages) {
    out["stages"].push_back(Json{{"id", stage.id},
                                 {"applies_to", AppliesToName(stage.applies_to)},
                                 {"staff", stage.staff},
                                 {"service_minutes", DistributionJson(stage.service_minutes)}});
  }
  out["cities"] = Json::array();
  for (const City& city : scenario.cities) {
    Json row{{"id", city.id}, {"lat", city.lat}, {"lon", city.lon}};
    if (!city.buses.departure_hours.empty()) {
      row["buses"] = Json{{"departure_hours", city.buses.departure_hours}, {"seats", city.buses.seats}};
    }
    out["cities"].push_back(std::move(row));
  }
  out["ports"] = Json::array();
  for (const Port& port : scenario.ports) {
    Json row{{"id", port.id},
             {"kind", port.kind == PortKind::kAir ? "air" : "land"},
             {"city", port.city},
             {"daily_rate", port.daily_rate},
             {"batch", Json{{"min", port.batch.min}, {"max", port.batch.max}}}};
    if (!port.hours.empty()) {
      row["hours"] = Json::array();
      for (const HourWindow& window : port.hours) {
        row["hours"].push_back(Json{{"from", window.from_hour}, {"to", window.to_hour}, {"weight", window.weight}});
      }
    }
    if (!port.staff.empty()) {
      row["staff"] = Json::object();
      for (const StaffOverride& staff : port.staff) row["staff"][staff.stage] = staff.staff;
    }
    out["ports"].push_back(std::move(row));
  }
  out["shelters"] = Json::array();
  for (const Shelter& shelter : scenario.shelters) {
    Json sections = Json::array();
    for (const Section& section : shelter.sections) {
      sections.push_back(Json{{"id", section.id}, {"kind", SectionKindName(section.kind)}, {"beds", section.beds}});
    }
    out["shelters"].push_back(Json{{"id", shelter.id}, {"city", shelter.city}, {"sections", std::move(sections)}});
  }
  out["multipliers"] = Json::array();
  for (const Multiplier& multiplier : scenario.multipliers) out["multipliers"].push_back(MultiplierJson(multiplier));
  out["overflow"] = Json{{"other_cities", scenario.overflow.other_cities}, {"max_km", scenario.overflow.max_km}};
  return out.dump(2) + "\n";
}

std::string ResultToJson(const SimulationResult& result) {
  Json out{{"scenario", result.scenario_name},
           {"seed", result.seed},
           {"replications", result.replications},
           {"days", result.days},
           {"events", result.events}};
  out["totals"] = Json{{"arrivals", EstimateJson(result.arrivals)},
                       {"entrants", EstimateJson(result.entrants)},
                       {"needed_bed", EstimateJson(result.needed_bed)},
                       {"without_bed", EstimateJson(result.without_bed)},
                       {"departed", EstimateJson(result.departed)},
                       {"in_system_at_end", EstimateJson(result.in_system_at_end)}};
  out["daily"] = Json{{"arrivals", Series(result.daily_arrivals)}, {"without_bed", Series(result.daily_without_bed)}};
  out["stages"] = Json::array();
  for (const StageSummary& stage : result.stages) {
    out["stages"].push_back(Json{{"port", stage.port},
                                 {"stage", stage.stage},
                                 {"staff", stage.staff},
                                 {"offered_load", Round(stage.offered_load)},
                                 {"peak_week_load", Round(stage.peak_week_load)},
                                 {"arrivals", EstimateJson(stage.arrivals)},
                                 {"mean_wait_minutes", EstimateJson(stage.mean_wait)},
                                 {"p95_wait_minutes", EstimateJson(stage.p95_wait)},
                                 {"mean_queue", EstimateJson(stage.mean_queue)},
                                 {"max_queue", EstimateJson(stage.max_queue)},
                                 {"utilisation", EstimateJson(stage.utilisation)},
                                 {"mean_in_system", EstimateJson(stage.mean_in_system)},
                                 {"mean_time_in_stage_minutes", EstimateJson(stage.mean_sojourn)},
                                 {"waiting_at_end", EstimateJson(stage.waiting_at_end)},
                                 {"daily_mean_wait_minutes", Series(stage.daily_mean_wait)}});
  }
  out["cities"] = Json::array();
  for (const CitySummary& city : result.cities) {
    out["cities"].push_back(Json{{"city", city.city},
                                 {"beds", city.beds},
                                 {"needed_bed", EstimateJson(city.needed_bed)},
                                 {"placed_in_city", EstimateJson(city.placed_in_city)},
                                 {"placed_elsewhere", EstimateJson(city.placed_elsewhere)},
                                 {"without_bed", EstimateJson(city.without_bed)},
                                 {"bus_riders", EstimateJson(city.bus_riders)},
                                 {"bus_mean_wait_hours", EstimateJson(city.bus_mean_wait_hours)},
                                 {"bus_p95_wait_hours", EstimateJson(city.bus_p95_wait_hours)},
                                 {"bus_waiting_at_end", EstimateJson(city.bus_waiting_at_end)},
                                 {"daily_occupancy", Series(city.daily_occupancy)}});
  }
  out["sections"] = Json::array();
  for (const SectionSummary& section : result.sections) {
    out["sections"].push_back(Json{{"shelter", section.shelter},
                                   {"section", section.section},
                                   {"city", section.city},
                                   {"kind", SectionKindName(section.kind)},
                                   {"beds", section.beds},
                                   {"peak", EstimateJson(section.peak)},
                                   {"mean_nightly", EstimateJson(section.mean_nightly)},
                                   {"nights_full", EstimateJson(section.nights_full)},
                                   {"daily_occupancy", Series(section.daily_occupancy)}});
  }
  out["multipliers"] = Json::array();
  for (const Multiplier& multiplier : result.multipliers) out["multipliers"].push_back(MultiplierJson(multiplier));
  out["bottlenecks"] = Json::array();
  for (const Bottleneck& bottleneck : result.bottlenecks) {
    out["bottlenecks"].push_back(Json{{"kind", bottleneck.kind},
                                      {"where", bottleneck.where},
                                      {"pressure", Round(bottleneck.pressure)},
                                      {"reason", bottleneck.reason}});
  }
  return out.dump(2) + "\n";
}

}  // namespace acogida::simulate
