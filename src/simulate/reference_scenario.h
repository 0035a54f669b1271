// The reference model of the benchmark and of tests (issue #7): `ports` border crossings
// with the 2025 shares of PRODUCT.md (Matamoros 20.6 %, Ciudad Juárez 13.4 %, Nogales 12.9 %,
// the rest spread evenly), three stages (registration for all, services for entrants, medical
// care), per city one government centre and civil-society shelters, buses home three times a
// day. Staff and beds are sized for the base rate (staff for a load of about 0.75 while buses arrive, beds for
// `bed_margin` × the expected nightly occupancy), so a surge shows where the system breaks.
// Deterministic: no randomness.
#pragma once

#include "simulate/types.h"

namespace acogida::simulate {

struct ReferenceOptions {
  int ports = 10;                  // 1 to 10 border cities, by share
  int shelters_per_city = 10;      // the government centre and civil-society shelters
  double arrivals = 1e6;           // expected arrivals over `days` at factor 1
  int days = 365;
  double surge_factor = 1;         // multiplies arrivals everywhere from surge_from_day on
  int surge_from_day = 120;
  int surge_days = 60;
  double bed_margin = 2.0;         // beds over expected nightly occupancy at factor 1
};

Scenario ReferenceScenario(const ReferenceOptions& options = {});

}  // namespace acogida::simulate
