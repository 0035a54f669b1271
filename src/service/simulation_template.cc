// The simulation template: the 2025 border defaults, embedded here so the server needs no
// file, and the registry's shelters mapped onto them.
#include "service/simulation_template.h"

#include <map>
#include <set>
#include <string>

#include "core/names.h"

namespace acogida {
namespace {

using simulate::AppliesTo;
using simulate::DistributionKind;

struct DefaultPort {
  const char* id;
  simulate::PortKind kind;
  const char* city;
  double daily_rate;
  int services_staff;  // the other stages have one person
};

struct DefaultCity {
  const char* id;
  double lat;
  double lon;
};

// Port shares of 2025 (PRODUCT.md), as in docs/examples/border-2025.json.
constexpr DefaultPort kPorts[] = {
    {"Matamoros", simulate::PortKind::kLand, "Matamoros", 90.4, 2},
    {"Ciudad Juárez", simulate::PortKind::kLand, "Ciudad Juárez", 58.8, 2},
    {"Nogales", simulate::PortKind::kLand, "Nogales", 56.6, 2},
    {"Tijuana", simulate::PortKind::kLand, "Tijuana", 35.1, 1},
    {"Reynosa", simulate::PortKind::kLand, "Reynosa", 21.9, 1},
    {"Nuevo Laredo", simulate::PortKind::kLand, "Nuevo Laredo", 21.9, 1},
    {"Mexicali", simulate::PortKind::kLand, "Mexicali", 17.6, 1},
    {"Piedras Negras", simulate::PortKind::kLand, "Piedras Negras", 17.6, 1},
    {"Ciudad Acuña", simulate::PortKind::kLand, "Ciudad Acuña", 13.2, 1},
    {"San Luis Río Colorado", simulate::PortKind::kLand, "San Luis Río Colorado", 11.4, 1},
    {"Ojinaga", simulate::PortKind::kLand, "Ojinaga", 6.6, 1},
    {"Villahermosa", simulate::PortKind::kAir, "Villahermosa", 39.5, 2},
    {"Tapachula", simulate::PortKind::kAir, "Tapachula", 26.3, 1},
    {"AIFA", simulate::PortKind::kAir, "Ciudad de México", 21.9, 1},
};

constexpr DefaultCity kCities[] = {
    {"Matamoros", 25.8797, -97.5042},       {"Ciudad Juárez", 31.6904, -106.4245},
    {"Nogales", 31.3086, -110.9422},        {"Tijuana", 32.5149, -117.0382},
    {"Reynosa", 26.0922, -98.2778},         {"Nuevo Laredo", 27.4779, -99.5157},
    {"Mexicali", 32.6245, -115.4523},       {"Piedras Negras", 28.7, -100.5231},
    {"Ciudad Acuña", 29.3232, -100.9522},   {"San Luis Río Colorado", 32.4561, -114.7719},
    {"Ojinaga", 29.5644, -104.4164},        {"Villahermosa", 17.9892, -92.9475},
    {"Tapachula", 14.9056, -92.2634},       {"Ciudad de México", 19.756, -99.015},
};

simulate::Stage MakeStage(const char* id, AppliesTo applies_to, DistributionKind kind, double mean, double sd) {
  simulate::Stage stage;
  stage.id = id;
  stage.applies_to = applies_to;
  stage.service_minutes.kind = kind;
  stage.service_minutes.mean = mean;
  stage.service_minutes.sd = sd;
  stage.staff = 1;
  return stage;
}

simulate::SectionKind EngineKind(SectionKind kind) {
  switch (kind) {
    case SectionKind::kMen: return simulate::SectionKind::kMen;
    case SectionKind::kWomen: return simulate::SectionKind::kWomen;
    case SectionKind::kFamilies: return simulate::SectionKind::kFamilies;
    case SectionKind::kUnaccompaniedMinors: return simulate::SectionKind::kMinors;
    case SectionKind::kLgbtq: return simulate::SectionKind::kLgbtq;
    case SectionKind::kMedical: return simulate::SectionKind::kMedical;
  }
  return simulate::SectionKind::kMen;
}

void SetStay(simulate::Stays& stays, simulate::SectionKind kind, double zero_night_share, double mean_nights) {
  const int index = static_cast<int>(kind);
  stays.has_kind[index] = true;
  stays.by_kind[index] = {zero_night_share, mean_nights};
}

// `name`, or `name #id` when `taken` has it already; records the result in `taken`.
std::string UniqueId(const std::string& name, int64_t id, std::set<std::string>& taken) {
  std::string unique = name.empty() ? "#" + std::to_string(id) : name;
  if (taken.count(unique)) unique += " #" + std::to_string(id);
  taken.insert(unique);
  return unique;
}

}  // namespace

simulate::Scenario BorderDefaults2025() {
  simulate::Scenario scenario;
  scenario.name = "Frontera norte y aeropuertos, 2025 (×1)";
  scenario.days = 365;
  scenario.checkout_hour = 8;
  scenario.people.lgbtq = 0.02;  // the other shares are People's 2025 defaults
  scenario.stays.default_stay = {0.6, 2.0};
  SetStay(scenario.stays, simulate::SectionKind::kFamilies, 0.4, 3.0);
  SetStay(scenario.stays, simulate::SectionKind::kMinors, 0.1, 7.0);
  SetStay(scenario.stays, simulate::SectionKind::kMedical, 0.3, 4.0);
  scenario.stages = {
      MakeStage("registro", AppliesTo::kAll, DistributionKind::kExponential, 5, 0),
      MakeStage("servicios", AppliesTo::kEntrants, DistributionKind::kLognormal, 20, 10),
      MakeStage("documentos", AppliesTo::kDocuments, DistributionKind::kLognormal, 15, 8),
      MakeStage("medico", AppliesTo::kMedical, DistributionKind::kExponential, 15, 0),
      MakeStage("psicologia", AppliesTo::kPsychological, DistributionKind::kExponential, 30, 0),
      MakeStage("legal", AppliesTo::kLegalAid, DistributionKind::kExponential, 30, 0),
  };
  for (const DefaultCity& default_city : kCities) {
    simulate::City city;
    city.id = default_city.id;
    city.lat = default_city.lat;
    city.lon = default_city.lon;
    city.buses.departure_hours = {9, 15, 21};
    city.buses.seats = 45;
    scenario.cities.push_back(std::move(city));
  }
  for (const DefaultPort& default_port : kPorts) {
    simulate::Port port;
    port.id = default_port.id;
    port.kind = default_port.kind;
    port.city = default_port.city;
    port.daily_rate = default_port.daily_rate;
    const bool air = default_port.kind == simulate::PortKind::kAir;
    port.batch = air ? simulate::BatchSize{60, 100} : simulate::BatchSize{15, 45};
    port.hours = {air ? simulate::HourWindow{8, 20, 1} : simulate::HourWindow{6, 22, 1}};
    for (const simulate::Stage& stage : scenario.stages) {
      port.staff.push_back({stage.id, stage.id == "servicios" ? default_port.services_staff : 1});
    }
    scenario.ports.push_back(std::move(port));
  }
  scenario.multipliers = {
      {simulate::MultiplierKind::kSeasonal, 0, 58, 1.1, {}, "January–February"},
      {simulate::MultiplierKind::kSeasonal, 181, 242, 0.9, {}, "July–August"},
  };
  scenario.overflow = {2, 400};
  return scenario;
}

simulate::Scenario ScenarioFromRegistry(const std::vector<RegistryShelter>& registry) {
  simulate::Scenario scenario = BorderDefaults2025();
  scenario.name = "Red actual con llegadas de 2025";
  std::map<std::string, size_t> city_by_folded;
  for (size_t city_idx = 0; city_idx < scenario.cities.size(); ++city_idx) {
    city_by_folded[FoldName(scenario.cities[city_idx].id)] = city_idx;
  }
  // Cities new to the defaults: the sum of their sites' coordinates and how many there were.
  std::map<size_t, std::pair<double, double>> new_city_sum;
  std::map<size_t, int> new_city_sites;
  std::set<std::string> shelter_ids;
  for (const RegistryShelter& entry : registry) {
    if (entry.sections.empty()) continue;
    const std::string city_name = entry.site.city.empty() ? entry.site.name : entry.site.city;
    const std::string folded = FoldName(city_name);
    auto found = city_by_folded.find(folded);
    size_t city_idx = 0;
    if (found != city_by_folded.end()) {
      city_idx = found->second;
    } else {
      simulate::City city;
      city.id = city_name;
      city.buses.departure_hours = {9, 15, 21};
      city.buses.seats = 45;
      city_idx = scenario.cities.size();
      scenario.cities.push_back(std::move(city));
      city_by_folded[folded] = city_idx;
    }
    if (city_idx >= std::size(kCities)) {
      new_city_sum[city_idx].first += entry.site.latitude;
      new_city_sum[city_idx].second += entry.site.longitude;
      new_city_sites[city_idx] += 1;
    }
    simulate::Shelter shelter;
    shelter.id = UniqueId(entry.site.name, entry.site.id, shelter_ids);
    shelter.city = scenario.cities[city_idx].id;
    std::set<std::string> section_ids;
    for (const Section& section : entry.sections) {
      shelter.sections.push_back(
          {UniqueId(section.name, section.id, section_ids), EngineKind(section.kind), std::max(0, section.beds)});
    }
    scenario.shelters.push_back(std::move(shelter));
  }
  for (const auto& [city_idx, sum] : new_city_sum) {
    scenario.cities[city_idx].lat = sum.first / new_city_sites[city_idx];
    scenario.cities[city_idx].lon = sum.second / new_city_sites[city_idx];
  }
  return scenario;
}

}  // namespace acogida
