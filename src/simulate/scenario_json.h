// The scenario and result files (docs/simulation.md) as JSON text. No I/O: the command line
// and the HTTP service read and write the text. nlohmann-json stays inside the .cc files.
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "simulate/simulate.h"
#include "simulate/types.h"

namespace acogida::simulate {

// Parses and validates a scenario. Errors are InvalidArgument naming the field by its JSON
// path ("ports[3].batch.max"), also for unknown keys (a misspelt key would otherwise be
// silently ignored), or "line L, column C" for text that is not JSON.
StatusOr<Scenario> ParseScenario(std::string_view json_text);

// The scenario as JSON text that ParseScenario reads back to an equal scenario.
std::string ScenarioToJson(const Scenario& scenario);

// The result as JSON text (two-space indentation): totals with confidence intervals, per stage,
// section and city, daily series, surge periods and bottlenecks (docs/simulation.md).
std::string ResultToJson(const SimulationResult& result);

}  // namespace acogida::simulate
