// JSON codec of the surge simulator's API: a run (status, progress, error and, when asked, its
// scenario and result as JSON objects), the list of runs, and the submission body
// {"scenario": {...}, "replications": 20, "seed": 1}.
#pragma once

#include <vector>

#include "http/json_fields.h"
#include "service/simulation_service.h"

namespace acogida::http {

enum class RunDetail { kSummary, kFull };

Json SimulationRunToJson(const SimulationRun& run, RunDetail detail);
Json SimulationRunsToJson(const std::vector<SimulationRun>& runs);
// The scenario as the scenario file (docs/simulation.md) writes it.
Json ScenarioToJsonObject(const simulate::Scenario& scenario);

// InvalidArgument naming "scenario" (missing, not an object), "replications" or "seed".
StatusOr<SimulationRequest> SimulationRequestFromJson(const Json& body);

}  // namespace acogida::http
