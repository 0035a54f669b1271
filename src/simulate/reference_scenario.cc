// ReferenceScenario: ten border cities with real coordinates and sizing rules (see the header).
#include "simulate/reference_scenario.h"

#include <algorithm>
#include <cmath>

namespace acogida::simulate {
namespace {

struct BorderCity {
  const char* id;
  double lat, lon;
  double share;  // of land arrivals, 2025; 0: an even part of the rest
};

constexpr BorderCity kCities[] = {
    {"Matamoros", 25.8797, -97.5042, 0.206},       {"Ciudad Juárez", 31.6904, -106.4245, 0.134},
    {"Nogales", 31.3086, -110.9422, 0.129},        {"Tijuana", 32.5149, -117.0382, 0},
    {"Reynosa", 26.0922, -98.2778, 0},             {"Nuevo Laredo", 27.4779, -99.5157, 0},
    {"Mexicali", 32.6245, -115.4523, 0},           {"Piedras Negras", 28.7000, -100.5231, 0},
    {"Ciudad Acuña", 29.3232, -100.9522, 0},       {"San Luis Río Colorado", 32.4561, -114.7719, 0},
};

// Expected nightly occupancy per arrival and day: entry share × mean nights per entrant.
double NightsPerArrival(const Scenario& scenario) {
  const Stay& stay = scenario.stays.default_stay;
  return scenario.people.enters_centre * (1 - stay.zero_night_share) * stay.mean_nights_if_staying;
}

}  // namespace

Scenario ReferenceScenario(const ReferenceOptions& options) {
  Scenario scenario;
  scenario.name = "Reference model: " + std::to_string(options.ports) + " ports × 3 stages";
  scenario.days = options.days;
  scenario.stages = {
      Stage{"registration", AppliesTo::kAll, Distribution{DistributionKind::kExponential, 3}, 1},
      Stage{"services", AppliesTo::kEntrants, Distribution{DistributionKind::kLognormal, 12, 6}, 1},
      Stage{"medical", AppliesTo::kMedical, Distribution{DistributionKind::kExponential, 15}, 1},
  };
  const int ports = std::clamp(options.ports, 1, 10);
  double named = 0;
  int unnamed = 0;
  for (int index = 0; index < ports; ++index) {
    named += kCities[index].share;
    unnamed += kCities[index].share == 0;
  }
  const double rest = unnamed ? std::max(0.0, 1 - named) / unnamed : 0;
  const double total_share = named + rest * unnamed;
  const double per_day = options.arrivals / options.days;
  const double nights = NightsPerArrival(scenario);
  for (int index = 0; index < ports; ++index) {
    const BorderCity& border = kCities[index];
    const double rate = per_day * (border.share > 0 ? border.share : rest) / total_share;
    City city{border.id, border.lat, border.lon, Buses{{7, 13, 19}, 45}};
    scenario.cities.push_back(city);
    Port port;
    port.id = border.id;
    port.city = border.id;
    port.daily_rate = rate;
    port.hours = {HourWindow{6, 22, 1}};
    // Staff for a load of about 0.75 at the base rate while buses arrive (06:00–22:00).
    const double per_minute = rate / (16 * 60);
    const double entrants = scenario.people.enters_centre;
    port.staff = {
        StaffOverride{"registration", std::max(1, static_cast<int>(std::ceil(per_minute * 3 / 0.75)))},
        StaffOverride{"services", std::max(1, static_cast<int>(std::ceil(per_minute * entrants * 12 / 0.75)))},
        StaffOverride{"medical", std::max(1, static_cast<int>(std::ceil(per_minute * entrants * 0.17 * 15 / 0.75)))},
    };
    scenario.ports.push_back(port);
    // Beds: half in the government centre, the rest over civil-society shelters.
    const int beds = static_cast<int>(std::ceil(rate * nights * options.bed_margin));
    const int civil = std::max(0, options.shelters_per_city - 1);
    const int centre_beds = civil ? beds / 2 : beds;
    scenario.shelters.push_back(Shelter{std::string(border.id) + " / centro",
                                        border.id,
                                        {Section{"hombres", SectionKind::kMen, centre_beds * 70 / 100},
                                         Section{"mujeres", SectionKind::kWomen, centre_beds * 12 / 100},
                                         Section{"familias", SectionKind::kFamilies, centre_beds * 5 / 100},
                                         Section{"menores", SectionKind::kMinors, centre_beds * 7 / 100},
                                         Section{"medica", SectionKind::kMedical, centre_beds * 6 / 100}}});
    for (int shelter = 0; shelter < civil; ++shelter) {
      const int share = (beds - centre_beds) / civil;
      scenario.shelters.push_back(Shelter{std::string(border.id) + " / casa " + std::to_string(shelter + 1),
                                          border.id,
                                          {Section{"hombres", SectionKind::kMen, share * 80 / 100},
                                           Section{"mujeres", SectionKind::kWomen, share * 20 / 100}}});
    }
  }
  if (options.surge_factor != 1) {
    const int from = std::min(options.surge_from_day, options.days - 1);
    const int to = std::min(options.days - 1, from + options.surge_days - 1);
    scenario.multipliers.push_back(Multiplier{MultiplierKind::kSurge, from, to, options.surge_factor, {}, "surge"});
  }
  return scenario;
}

}  // namespace acogida::simulate
