// The surge simulator (issue #7), for coordinators and analysts:
//   GET    /api/v1/simulations/template   a starting scenario from the live registry
//   POST   /api/v1/simulations            run a scenario in the background (202, queued)
//   GET    /api/v1/simulations            the newest runs, without scenario and result
//   GET    /api/v1/simulations/{id}       a run: status, progress, error, scenario, result
//   DELETE /api/v1/simulations/{id}       cancel a queued or running run
#include "http/api.h"
#include "http/simulation_json.h"

namespace acogida::http {
namespace {

StatusOr<SimulationService*> Simulations(SimulationService* simulations) {
  if (simulations == nullptr) return Unavailable("the simulator is not running on this server");
  return simulations;
}

}  // namespace

void AddSimulationRoutes(Router& router, const Services& services) {
  SimulationService* simulations = services.simulations;
  const Needs needs = Needs::Role(Permission::kRunSimulations);

  router.Add(Method::kGet, "/api/v1/simulations/template", needs, [simulations](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(SimulationService * service, Simulations(simulations));
    ASSIGN_OR_RETURN(simulate::Scenario scenario, service->Template(call.actor()));
    return Reply{200, ScenarioToJsonObject(scenario)};
  });

  router.Add(Method::kPost, "/api/v1/simulations", needs, [simulations](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(SimulationService * service, Simulations(simulations));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(SimulationRequest request, SimulationRequestFromJson(body));
    ASSIGN_OR_RETURN(SimulationRun run, service->Submit(call.actor(), request));
    return Reply{202, SimulationRunToJson(run, RunDetail::kSummary),
                 {{"Location", "/api/v1/simulations/" + std::to_string(run.id)}}};
  });

  router.Add(Method::kGet, "/api/v1/simulations", needs, [simulations](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(SimulationService * service, Simulations(simulations));
    ASSIGN_OR_RETURN(int limit, QueryInt(call.req, "limit", 20));
    ASSIGN_OR_RETURN(std::vector<SimulationRun> runs, service->List(call.actor(), limit));
    return Reply{200, SimulationRunsToJson(runs)};
  });

  router.Add(Method::kGet, "/api/v1/simulations/{id}", needs, [simulations](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(SimulationService * service, Simulations(simulations));
    ASSIGN_OR_RETURN(int64_t run_id, PathId(call, 1));
    ASSIGN_OR_RETURN(SimulationRun run, service->Get(call.actor(), run_id));
    return Reply{200, SimulationRunToJson(run, RunDetail::kFull)};
  });

  router.Add(Method::kDelete, "/api/v1/simulations/{id}", needs, [simulations](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(SimulationService * service, Simulations(simulations));
    ASSIGN_OR_RETURN(int64_t run_id, PathId(call, 1));
    ASSIGN_OR_RETURN(SimulationRun run, service->Cancel(call.actor(), run_id));
    return Reply{200, SimulationRunToJson(run, RunDetail::kSummary)};
  });
}

}  // namespace acogida::http
