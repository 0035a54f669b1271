// The starting scenario a coordinator edits on the simulation page: the live registry's
// shelters (every site with sections, its beds per section, grouped by city) combined with
// the 2025 border defaults of docs/examples/border-2025.json (ports with their daily
// arrivals, reception stages and staff, cities with coordinates and buses home, the people's
// branches and stays, seasonal multipliers). Pure; thread-safe.
#pragma once

#include <vector>

#include "core/site.h"
#include "simulate/types.h"

namespace acogida {

// A registry site with its sections, as the template reads it.
struct RegistryShelter {
  Site site;
  std::vector<Section> sections;
};

// docs/examples/border-2025.json without its shelters: 14 ports (11 land crossings and 3
// airports), six reception stages, 14 cities, 2025 shares and stays, two seasonal multipliers.
simulate::Scenario BorderDefaults2025();

// BorderDefaults2025 with one shelter per registry site that has sections. A site's city is
// matched to a default city by its folded name ("Ciudad Juarez" is "Ciudad Juárez"); a city
// not among the defaults is added at its sites' mean coordinates, with the default buses and
// no port. Shelter and section ids are the registry's names, made unique with " #<id>".
simulate::Scenario ScenarioFromRegistry(const std::vector<RegistryShelter>& registry);

}  // namespace acogida
