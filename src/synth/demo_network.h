// Demo data for `acogida demo-data`: a reception network along the northern border (one
// government "México te abraza" centre per repatriation point plus 1–4 civil-society
// shelters, each with sections whose beds add up to its capacity) and a week of arrivals
// by bus, at the port, or by flight, in batches of 15–100 persons.
// Shelter names are illustrative: some echo well-known shelters, others are invented, and
// every capacity and section split is drawn at random. Nothing here describes a real
// organisation's real capacity; all sites are marked demo. Deterministic in the seed;
// no clock is read. Pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/arrival.h"
#include "core/person.h"
#include "core/site.h"

namespace acogida::synth {

// A land repatriation point (PRODUCT.md lists eleven).
struct DemoCity {
  std::string_view name;      // "Tijuana"
  std::string_view state;     // INEGI state code, "02"
  std::string_view timezone;  // IANA zone, "America/Tijuana"
  double latitude;
  double longitude;
  int centre_places;   // places of the government centre; 0 = drawn in 1,500–2,000
  double port_share;   // percent of all repatriations received here (2025; air ≈ 20 % is elsewhere)
  bool receives_flights;  // demo flights may land here
};
// Tijuana, Mexicali, San Luis Río Colorado, Nogales, Ciudad Juárez, Ojinaga, Ciudad Acuña,
// Piedras Negras, Nuevo Laredo, Reynosa, Matamoros, west to east.
std::span<const DemoCity> DemoCities();

struct DemoSite {
  Site site;
  std::vector<Section> sections;

  // The sum of the sections' beds: the site's capacity.
  int Beds() const;
};

// Per city of DemoCities(), in that order: the reception centre (kind reception_centre,
// operator "Gobierno de México"; Tijuana 2,600 places, Ciudad Juárez 2,500, others
// 1,500–2,000) followed by 1–4 shelters (kind shelter, 80–500 beds). Sections: men,
// women, families, and depending on the site unaccompanied minors, LGBTQ+ and medical,
// men-heavy. Ids are 0 (the store assigns them); `demo` is true.
std::vector<DemoSite> DemoNetwork(uint64_t seed);

struct DemoArrivalBatch {
  size_t site_index = 0;   // into the `network` given to DemoArrivals; a reception centre
  std::string arrived_at;  // ISO 8601 UTC, "2025-07-01T14:05:00Z"
  ArrivalMode mode = ArrivalMode::kBus;  // bus, land_port or flight
  std::string batch_id;    // "Autobús 14", "Lista 7", "Vuelo AM-2231"
  std::vector<Household> households;  // created_at = arrived_at; ids 0

  size_t Persons() const;
};

// About `persons` arrivals in batches of 15 to 100 persons (households are never split),
// at the reception centres of `network`, chosen by each city's port share (Matamoros
// 20.6 %, Ciudad Juárez 13.4 %, Nogales 12.9 %, ...; a centre in a city not in
// DemoCities() weighs 1 %). The total is at least `persons` and at most `persons` + 19.
// Times fall in the 7 calendar days ending with `today_iso`: "YYYY-MM-DD" (the window
// ends at 23:59:59Z that day) or "YYYY-MM-DDTHH:MM:SSZ" (the window ends at that
// instant, so that no arrival is in the future). Batches are sorted by time.
// Returns no batches when `persons` <= 0, `today_iso` is not a valid date or time, or
// `network` has no reception centre.
std::vector<DemoArrivalBatch> DemoArrivals(const std::vector<DemoSite>& network, int persons, uint64_t seed,
                                           std::string_view today_iso);

}  // namespace acogida::synth
