// Seeded instances for tests and benchmarks: groups returned at the real border crossings
// (Tijuana, Mexicali, Nogales, Ciudad Juárez, Ciudad Acuña, Piedras Negras, Nuevo Laredo,
// Reynosa, Matamoros, …) with home regions across Mexico and Central America, household
// sizes and needs in plausible proportions, and shelters in border and nearby cities with
// sections whose beds add up to the demand divided by `load`. Same spec, same instance
// (own generator; no std:: distributions, whose output varies between libraries).
#pragma once

#include <cstdint>

#include "allocate/types.h"

namespace acogida::allocate {

struct InstanceSpec {
  int groups = 1000;
  int shelters = 50;
  // People arriving over free beds: 0.95 leaves 5 % of beds spare, 1.10 is a surge.
  double load = 0.95;
  uint64_t seed = 42;
};

Problem GenerateInstance(const InstanceSpec& spec);

}  // namespace acogida::allocate
