// RankBottlenecks: what limits a simulated system, highest pressure (demand over capacity)
// first, for the coordinator's summary. Pure; thread-safe.
#pragma once

#include <vector>

#include "simulate/simulate.h"

namespace acogida::simulate {

// Stages by offered load in their busiest week, cities' shelters by unmet bed requests or
// peak occupancy, and buses home by people wanting a seat over seats offered (Bottleneck in
// simulate.h); only those with pressure >= 0.7, at most 20, highest first (ties: in the order
// listed above).
std::vector<Bottleneck> RankBottlenecks(const Scenario& scenario, const SimulationResult& result);

}  // namespace acogida::simulate
