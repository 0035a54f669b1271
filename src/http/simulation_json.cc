// The surge simulator's JSON codec. The scenario and result are stored as JSON text written by
// src/simulate; they are embedded here as objects, not strings.
#include "http/simulation_json.h"

#include "simulate/scenario_json.h"

namespace acogida::http {
namespace {

// Stored JSON text as an object; null when empty (or, never expected, unreadable).
Json Embedded(const std::string& text) {
  if (text.empty()) return nullptr;
  Json parsed = Json::parse(text, nullptr, false);
  return parsed.is_discarded() ? Json(nullptr) : parsed;
}

}  // namespace

Json SimulationRunToJson(const SimulationRun& run, RunDetail detail) {
  Json out{{"id", run.id},
           {"name", run.name},
           {"status", std::string(SimulationStatusName(run.status))},
           {"progress", run.progress},
           {"replications", run.replications},
           {"seed", run.seed},
           {"error", run.error},
           {"created_by", run.created_by},
           {"created_at", run.created_at},
           {"updated_at", run.updated_at},
           {"finished_at", run.finished_at}};
  if (detail == RunDetail::kFull) {
    out["scenario"] = Embedded(run.scenario_json);
    out["result"] = Embedded(run.result_json);
  }
  return out;
}

Json SimulationRunsToJson(const std::vector<SimulationRun>& runs) {
  Json items = Json::array();
  for (const SimulationRun& run : runs) items.push_back(SimulationRunToJson(run, RunDetail::kSummary));
  return Json{{"items", std::move(items)}};
}

Json ScenarioToJsonObject(const simulate::Scenario& scenario) {
  return Json::parse(simulate::ScenarioToJson(scenario));
}

StatusOr<SimulationRequest> SimulationRequestFromJson(const Json& body) {
  SimulationRequest request;
  auto scenario = body.find("scenario");
  if (scenario == body.end() || !scenario->is_object()) {
    return InvalidArgument("scenario", "must be a scenario object (docs/simulation.md)");
  }
  request.scenario_json = scenario->dump();
  ASSIGN_OR_RETURN(int64_t replications, ReadInt(body, "replications", "replications", Presence::kOptional,
                                                 kDefaultSimulationReplications));
  if (replications < 1 || replications > kMaxSimulationReplications) {
    return InvalidArgument("replications", "must be from 1 to " + std::to_string(kMaxSimulationReplications));
  }
  request.replications = static_cast<int>(replications);
  ASSIGN_OR_RETURN(int64_t seed, ReadInt(body, "seed", "seed", Presence::kOptional, 1));
  if (seed < 0) return InvalidArgument("seed", "must be 0 or more");
  request.seed = static_cast<uint64_t>(seed);
  for (const auto& [key, value] : body.items()) {
    if (key != "scenario" && key != "replications" && key != "seed") return InvalidArgument(key, "unknown field");
  }
  return request;
}

}  // namespace acogida::http
