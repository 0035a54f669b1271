// Small scenarios for the simulator's tests: a single M/M/c queue, and a two-city border with
// few beds so that overflow and people without a bed happen within days.
#pragma once

#include <cmath>

#include "simulate/types.h"

namespace acogida::simulate::testing {

// One port, one stage served by `staff` with exponential service of `mean_service` minutes,
// Poisson arrivals of single people at `per_minute` all day, nobody entering the centre.
inline Scenario MmcScenario(double per_minute, double mean_service, int staff, int days) {
  Scenario scenario;
  scenario.name = "M/M/c";
  scenario.days = days;
  scenario.people.enters_centre = 0;
  scenario.stages = {Stage{"desk", AppliesTo::kAll, Distribution{DistributionKind::kExponential, mean_service}, staff}};
  scenario.cities = {City{"Ciudad", 25.0, -100.0, {}}};
  Port port;
  port.id = "puerto";
  port.city = "Ciudad";
  port.daily_rate = per_minute * kMinutesPerDay;
  port.batch = {1, 1};
  scenario.ports = {port};
  return scenario;
}

// Erlang C: the mean wait before service in an M/M/c queue (minutes).
inline double ErlangCMeanWait(double per_minute, double mean_service, int staff) {
  const double offered = per_minute * mean_service;  // a = λ/μ
  double term = 1, sum = 1;                          // a^k / k!, summed for k < c
  for (int k = 1; k < staff; ++k) {
    term *= offered / k;
    sum += term;
  }
  const double last = term * offered / staff;  // a^c / c!
  const double rho = offered / staff;
  const double wait_probability = last / (1 - rho) / (sum + last / (1 - rho));
  return wait_probability * mean_service / (staff - offered);
}

// The p-quantile of the wait in an M/M/c queue: P(Wq > t) = C · exp(−(cμ − λ) t).
inline double ErlangCWaitQuantile(double per_minute, double mean_service, int staff, double p) {
  const double offered = per_minute * mean_service;
  const double mean_wait = ErlangCMeanWait(per_minute, mean_service, staff);
  const double decay = staff / mean_service - per_minute;
  const double wait_probability = mean_wait * decay;
  if (wait_probability <= 1 - p) return 0;
  (void)offered;
  return std::log(wait_probability / (1 - p)) / decay;
}

// Two cities 200 km apart; the first has few beds, so a surge there overflows to the second
// and then leaves people without a bed. Buses home twice a day with few seats.
inline Scenario TwoCityScenario(double factor = 1) {
  Scenario scenario;
  scenario.name = "two cities";
  scenario.days = 30;
  scenario.stages = {
      Stage{"registro", AppliesTo::kAll, Distribution{DistributionKind::kExponential, 3}, 2},
      Stage{"servicios", AppliesTo::kEntrants, Distribution{DistributionKind::kLognormal, 10, 5}, 3},
      Stage{"medico", AppliesTo::kMedical, Distribution{DistributionKind::kUniform, 0, 0, 5, 25}, 1},
  };
  scenario.cities = {City{"Matamoros", 25.8797, -97.5042, Buses{{8, 18}, 20}},
                     City{"Reynosa", 26.0922, -98.2778, Buses{{9}, 40}},
                     City{"Tijuana", 32.5149, -117.0382, {}}};
  Port port;
  port.id = "Matamoros";
  port.city = "Matamoros";
  port.daily_rate = 300;
  port.batch = {15, 60};
  port.hours = {HourWindow{6, 12, 2}, HourWindow{14, 22, 1}};
  scenario.ports = {port};
  Port air;
  air.id = "Tijuana aeropuerto";
  air.kind = PortKind::kAir;
  air.city = "Tijuana";
  air.daily_rate = 80;
  air.batch = {80, 100};
  air.staff = {StaffOverride{"medico", 0}};
  scenario.ports.push_back(air);
  scenario.shelters = {
      Shelter{"centro-matamoros", "Matamoros",
              {Section{"hombres", SectionKind::kMen, 60}, Section{"mujeres", SectionKind::kWomen, 12},
               Section{"familias", SectionKind::kFamilies, 6}, Section{"menores", SectionKind::kMinors, 4}}},
      Shelter{"casa-matamoros", "Matamoros", {Section{"hombres", SectionKind::kMen, 20}}},
      Shelter{"senda-reynosa", "Reynosa",
              {Section{"hombres", SectionKind::kMen, 30}, Section{"medica", SectionKind::kMedical, 5}}},
      Shelter{"tijuana-centro", "Tijuana", {Section{"hombres", SectionKind::kMen, 100}}},
  };
  scenario.stays.default_stay = Stay{0.5, 3};
  if (factor != 1) {
    scenario.multipliers.push_back(Multiplier{MultiplierKind::kSurge, 10, 19, factor, {"Matamoros"}, "Matamoros surge"});
  }
  return scenario;
}

}  // namespace acogida::simulate::testing
