// BuildModel: resolves the scenario's names to indices and precomputes what the event loop
// reads on every arrival (stage lists, daily rates, overflow order).
#include "simulate/model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace acogida::simulate {

uint8_t NeedMask(AppliesTo applies_to) {
  switch (applies_to) {
    case AppliesTo::kAll: return 0;
    case AppliesTo::kEntrants: return kEntrant;
    case AppliesTo::kDocuments: return kDocuments;
    case AppliesTo::kImss: return kImss;
    case AppliesTo::kMedical: return kMedical;
    case AppliesTo::kPsychological: return kPsychological;
    case AppliesTo::kLegalAid: return kLegalAid;
    case AppliesTo::kTransportHome: return kTransportHome;
  }
  return 0;
}

StatusOr<Model> BuildModel(const Scenario& scenario) {
  RETURN_IF_ERROR(ValidateScenario(scenario));
  Model model;
  model.scenario = &scenario;
  model.days = scenario.days;
  model.horizon_minutes = scenario.days * kMinutesPerDay;

  std::map<std::string, int> city_index;
  for (size_t index = 0; index < scenario.cities.size(); ++index) city_index[scenario.cities[index].id] = index;

  for (size_t port_idx = 0; port_idx < scenario.ports.size(); ++port_idx) {
    const Port& port = scenario.ports[port_idx];
    model.port_first_stage.push_back(model.stage_instances.size());
    model.port_city.push_back(city_index.at(port.city));
    for (size_t stage_idx = 0; stage_idx < scenario.stages.size(); ++stage_idx) {
      const Stage& stage = scenario.stages[stage_idx];
      int staff = stage.staff;
      for (const StaffOverride& override_staff : port.staff) {
        if (override_staff.stage == stage.id) staff = override_staff.staff;
      }
      if (staff <= 0) continue;  // not run at this port
      StageInstance instance;
      instance.port = port_idx;
      instance.stage = stage_idx;
      instance.staff = staff;
      instance.need_mask = NeedMask(stage.applies_to);
      instance.service = stage.service_minutes;
      if (stage.service_minutes.kind == DistributionKind::kLognormal) {
        const double ratio = stage.service_minutes.sd / stage.service_minutes.mean;
        const double variance = std::log1p(ratio * ratio);
        instance.log_sigma = std::sqrt(variance);
        instance.log_mean = std::log(stage.service_minutes.mean) - variance / 2;
      }
      model.stage_instances.push_back(instance);
    }
    std::vector<double> rates(scenario.days);
    for (int day = 0; day < scenario.days; ++day) rates[day] = port.daily_rate * MultiplierOn(scenario, port.id, day);
    model.port_rate.push_back(std::move(rates));
    std::vector<double> windows;
    double total = 0;
    for (const HourWindow& window : port.hours) windows.push_back(total += window.weight);
    model.port_windows.push_back(std::move(windows));
  }
  model.port_first_stage.push_back(model.stage_instances.size());

  model.city_shelters.resize(scenario.cities.size());
  for (size_t shelter_idx = 0; shelter_idx < scenario.shelters.size(); ++shelter_idx) {
    const Shelter& shelter = scenario.shelters[shelter_idx];
    const int city = city_index.at(shelter.city);
    model.city_shelters[city].push_back(ShelterRange{static_cast<int>(model.sections.size()),
                                                      static_cast<int>(shelter.sections.size())});
    for (size_t section_idx = 0; section_idx < shelter.sections.size(); ++section_idx) {
      const Section& section = shelter.sections[section_idx];
      model.sections.push_back(SectionRef{static_cast<int>(shelter_idx), static_cast<int>(section_idx), city,
                                          section.kind, section.beds});
    }
  }

  // Overflow: the city itself, then the nearest cities with shelters within max_km.
  const int cities = scenario.cities.size();
  model.bed_cities.resize(cities);
  for (int city = 0; city < cities; ++city) {
    std::vector<std::pair<double, int>> others;
    for (int other = 0; other < cities; ++other) {
      if (other == city || model.city_shelters[other].empty()) continue;
      const double km = DistanceKm(scenario.cities[city], scenario.cities[other]);
      if (km <= scenario.overflow.max_km) others.push_back({km, other});
    }
    std::sort(others.begin(), others.end());
    model.bed_cities[city].push_back(city);
    for (size_t index = 0; index < others.size() && static_cast<int>(index) < scenario.overflow.other_cities; ++index) {
      model.bed_cities[city].push_back(others[index].second);
    }
  }
  return model;
}

}  // namespace acogida::simulate
