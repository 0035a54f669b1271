// Use cases of the surge simulator (issue #7) for coordinators and analysts
// (Permission::kRunSimulations): a starting scenario from the live registry, runs in the
// background, their progress and results, and cancellation.
//
// Runs live in the database (simulation_run), so that any of several servers sharing one
// PostgreSQL database can report on them; the server that accepted a run executes it on its
// one worker thread (runs wait in a bounded queue), with the Monte Carlo replications on
// hardware threads − 1 (at least 1), and writes progress and a heartbeat at most every
// `progress_interval`. A queued or running run whose heartbeat is older than `stale_after`
// belonged to a server that stopped: every read marks it failed ("server stopped").
// Cancellation is a state change in the database; the running server sees it at its next
// heartbeat and stops after the current replication. Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/account.h"
#include "service/clock.h"
#include "simulate/types.h"
#include "store/store.h"

namespace acogida {

constexpr int kDefaultSimulationReplications = 20;
constexpr int kMaxSimulationReplications = 200;
constexpr size_t kMaxScenarioBytes = 2 * 1024 * 1024;
constexpr double kMaxSimulatedArrivals = 2e6;  // expected arrivals in one replication

struct SimulationRequest {
  std::string scenario_json;  // a scenario file (docs/simulation.md) as text
  int replications = kDefaultSimulationReplications;
  uint64_t seed = 1;
};

struct SimulationServiceOptions {
  // Runs that may wait on this server behind the one running; more are refused (ResourceExhausted).
  size_t queue_capacity = 8;
  // Threads for one run's replications; 0: hardware threads − 1, at least 1.
  int threads = 0;
  // How often the worker writes progress and its heartbeat.
  std::chrono::milliseconds progress_interval{500};
  // A heartbeat older than this marks an active run failed on reading.
  std::chrono::seconds stale_after{120};
};

class SimulationService {
 public:
  SimulationService(Store& store, Clock clock, SimulationServiceOptions options = {});
  // Stops the worker: the run in progress stops after its current replication and, with the
  // runs still queued here, is marked failed ("server stopped").
  ~SimulationService();
  SimulationService(const SimulationService&) = delete;
  SimulationService& operator=(const SimulationService&) = delete;

  // The registry's shelters with the 2025 border defaults (simulation_template.h), validated.
  StatusOr<simulate::Scenario> Template(const Actor& actor);

  // Parses and checks the request, stores the run queued, audits it and queues it here.
  // InvalidArgument naming the field: "replications" outside 1..200, "scenario" over 2 MB,
  // "scenario.<path>" for what ParseScenario refuses, "scenario.ports" when a replication
  // would expect more than 2 M arrivals. ResourceExhausted when this server's queue is full.
  StatusOr<SimulationRun> Submit(const Actor& actor, const SimulationRequest& request);

  // The run with scenario and result (NotFound), after marking stale runs failed.
  StatusOr<SimulationRun> Get(const Actor& actor, int64_t run_id);
  // The newest `limit` (1..100) runs, without scenario and result.
  StatusOr<std::vector<SimulationRun>> List(const Actor& actor, int limit);
  // Cancels a queued or running run; a finished run is returned unchanged.
  StatusOr<SimulationRun> Cancel(const Actor& actor, int64_t run_id);

 private:
  struct Job {
    int64_t run_id = 0;
    simulate::Scenario scenario;
    int replications = 0;
    uint64_t seed = 0;
  };

  std::string Now() const;
  StatusOr<SimulationRun> ReadFresh(int64_t run_id);
  void StartWorkerLocked();
  void WorkerLoop();
  void Execute(Job& job);
  void Heartbeat(int64_t run_id, double progress, bool* still_active);
  void Finish(SimulationRun run);

  Store& store_;
  Clock clock_;
  SimulationServiceOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;  // guarded by mutex_
  bool stopping_ = false;  // guarded by mutex_
  std::thread worker_;     // started by the first Submit
  std::atomic<bool> stop_requested_{false};
};

}  // namespace acogida
