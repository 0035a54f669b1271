// The surge simulator's use cases: the template from the registry, submission with its
// limits, the worker that runs one simulation at a time and reports progress, reads that
// retire runs of stopped servers, and cancellation.
#include "service/simulation_service.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "service/audit.h"
#include "service/simulation_template.h"
#include "simulate/scenario_json.h"
#include "simulate/simulate.h"

namespace acogida {
namespace {

constexpr const char* kServerStopped = "server stopped";
// How often the runs waiting in this server's queue get their heartbeat.
constexpr std::chrono::seconds kQueuedHeartbeat{30};

Status Denied() { return Status(StatusCode::kPermissionDenied, "your role may not run simulations"); }

int DefaultThreads() {
  const int hardware = static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, hardware - 1);
}

// A scenario error with its field under "scenario", as the request body nests it.
Status UnderScenario(const Status& status) {
  const std::string field = status.field().empty() ? "scenario" : "scenario." + status.field();
  return Status(status.code(), status.message(), field);
}

}  // namespace

SimulationService::SimulationService(Store& store, Clock clock, SimulationServiceOptions options)
    : store_(store), clock_(std::move(clock)), options_(options) {
  if (options_.threads <= 0) options_.threads = DefaultThreads();
}

SimulationService::~SimulationService() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  stop_requested_ = true;
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
  for (const Job& job : queue_) {
    SimulationRun run;
    run.id = job.run_id;
    run.status = SimulationStatus::kFailed;
    run.error = kServerStopped;
    Finish(run);
  }
}

std::string SimulationService::Now() const { return FormatUtc(clock_()); }

StatusOr<simulate::Scenario> SimulationService::Template(const Actor& actor) {
  if (!actor.Can(Permission::kRunSimulations)) return Denied();
  std::vector<RegistryShelter> registry;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    registry.clear();
    ASSIGN_OR_RETURN(std::vector<Site> sites, tx.ListSites());
    for (const Site& site : sites) {
      ASSIGN_OR_RETURN(std::vector<Section> sections, tx.ListSections(site.id));
      if (!sections.empty()) registry.push_back({site, std::move(sections)});
    }
    return OkStatus();
  }));
  simulate::Scenario scenario = ScenarioFromRegistry(registry);
  Status valid = simulate::ValidateScenario(scenario);
  if (!valid.ok()) return Internal("the registry does not make a valid scenario: " + valid.ToString());
  return scenario;
}

StatusOr<SimulationRun> SimulationService::Submit(const Actor& actor, const SimulationRequest& request) {
  if (!actor.Can(Permission::kRunSimulations)) return Denied();
  if (request.replications < 1 || request.replications > kMaxSimulationReplications) {
    return InvalidArgument("replications", "must be from 1 to " + std::to_string(kMaxSimulationReplications));
  }
  if (request.scenario_json.size() > kMaxScenarioBytes) {
    return InvalidArgument("scenario", "is larger than 2 MB");
  }
  StatusOr<simulate::Scenario> parsed = simulate::ParseScenario(request.scenario_json);
  if (!parsed.ok()) return UnderScenario(parsed.status());
  const double arrivals = simulate::ExpectedArrivals(*parsed);
  if (arrivals > kMaxSimulatedArrivals) {
    char message[160];
    std::snprintf(message, sizeof message,
                  "would bring %.0f people in one replication; at most 2,000,000 (fewer days or lower daily rates)",
                  arrivals);
    return InvalidArgument("scenario.ports", message);
  }

  std::lock_guard<std::mutex> lock(mutex_);
  if (stopping_) return Unavailable("this server is stopping");
  if (queue_.size() >= options_.queue_capacity) {
    return Status(StatusCode::kResourceExhausted, "this server's simulation queue is full; try again later");
  }
  const std::string now = Now();
  SimulationRun run;
  run.name = parsed->name;
  run.created_by = actor.user.username;
  run.created_at = now;
  run.updated_at = now;
  run.status = SimulationStatus::kQueued;
  run.scenario_json = simulate::ScenarioToJson(*parsed);
  run.replications = request.replications;
  run.seed = request.seed;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.InsertSimulationRun(run));
    return AppendAuditRow(tx, actor, audit_action::kCreate, "simulation", run.id, {"scenario", "replications", "seed"});
  }));
  queue_.push_back(Job{run.id, std::move(parsed).value(), run.replications, run.seed});
  StartWorkerLocked();
  wake_.notify_one();
  return run;
}

StatusOr<SimulationRun> SimulationService::ReadFresh(int64_t run_id) {
  const UtcTime now_time = clock_();
  const std::string now = FormatUtc(now_time);
  const std::string before = FormatUtc(now_time - options_.stale_after);
  SimulationRun run;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.FailStaleSimulationRuns(before, kServerStopped, now).status());
    ASSIGN_OR_RETURN(run, tx.GetSimulationRun(run_id));
    return OkStatus();
  }));
  return run;
}

StatusOr<SimulationRun> SimulationService::Get(const Actor& actor, int64_t run_id) {
  if (!actor.Can(Permission::kRunSimulations)) return Denied();
  return ReadFresh(run_id);
}

StatusOr<std::vector<SimulationRun>> SimulationService::List(const Actor& actor, int limit) {
  if (!actor.Can(Permission::kRunSimulations)) return Denied();
  if (limit < 1 || limit > 100) return InvalidArgument("limit", "must be from 1 to 100");
  const UtcTime now_time = clock_();
  const std::string now = FormatUtc(now_time);
  const std::string before = FormatUtc(now_time - options_.stale_after);
  std::vector<SimulationRun> runs;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.FailStaleSimulationRuns(before, kServerStopped, now).status());
    ASSIGN_OR_RETURN(runs, tx.ListSimulationRuns(limit));
    return OkStatus();
  }));
  return runs;
}

StatusOr<SimulationRun> SimulationService::Cancel(const Actor& actor, int64_t run_id) {
  if (!actor.Can(Permission::kRunSimulations)) return Denied();
  SimulationRun run;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(run, tx.GetSimulationRun(run_id));
    if (!IsActive(run.status)) return OkStatus();
    run.status = SimulationStatus::kCancelled;
    run.finished_at = Now();
    run.result_json.clear();
    ASSIGN_OR_RETURN(bool changed, tx.FinishSimulationRun(run));
    if (!changed) {  // it finished meanwhile (PostgreSQL: another transaction committed first)
      ASSIGN_OR_RETURN(run, tx.GetSimulationRun(run_id));
      return OkStatus();
    }
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "simulation", run.id, {"status"});
  }));
  return run;
}

void SimulationService::StartWorkerLocked() {
  if (!worker_.joinable()) worker_ = std::thread([this] { WorkerLoop(); });
}

void SimulationService::WorkerLoop() {
  while (true) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;  // the destructor retires what is left in the queue
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    Execute(job);
  }
}

void SimulationService::Heartbeat(int64_t run_id, double progress, bool* still_active) {
  const std::string now = Now();
  Status written = store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(*still_active, tx.HeartbeatSimulationRun(run_id, progress, now));
    return OkStatus();
  });
  // FIXME: a database that stays unreachable for longer than stale_after gets this run
  // marked failed by other servers; this one keeps running it and cannot write its result.
  if (!written.ok()) *still_active = true;
}

void SimulationService::Finish(SimulationRun run) {
  if (run.finished_at.empty()) run.finished_at = Now();
  // Nothing to do when it fails: the run stays active and its heartbeat retires it.
  (void)store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status { return tx.FinishSimulationRun(run).status(); });
}

void SimulationService::Execute(Job& job) {
  bool started = false;
  Status start = store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(started, tx.StartSimulationRun(job.run_id, Now()));
    return OkStatus();
  });
  if (!start.ok() || !started) return;  // cancelled while queued, or the database is gone

  std::atomic<bool> cancel{false};
  std::atomic<double> progress{0};
  std::mutex done_mutex;
  std::condition_variable done_changed;
  bool done = false;
  std::optional<StatusOr<simulate::SimulationResult>> result;
  simulate::SimulateOptions simulate_options;
  simulate_options.replications = job.replications;
  simulate_options.seed = job.seed;
  simulate_options.threads = options_.threads;
  simulate_options.cancel = &cancel;
  std::thread runner([&] {
    StatusOr<simulate::SimulationResult> out =
        simulate::Simulate(job.scenario, simulate_options, [&](double share) { progress.store(share); });
    std::lock_guard<std::mutex> lock(done_mutex);
    result.emplace(std::move(out));
    done = true;
    done_changed.notify_all();
  });

  auto last_queued_beat = std::chrono::steady_clock::now();
  while (true) {
    {
      std::unique_lock<std::mutex> lock(done_mutex);
      if (done_changed.wait_for(lock, options_.progress_interval, [&] { return done; })) break;
    }
    bool active = true;
    Heartbeat(job.run_id, progress.load(), &active);
    if (!active || stop_requested_) cancel = true;
    if (std::chrono::steady_clock::now() - last_queued_beat >= kQueuedHeartbeat) {
      last_queued_beat = std::chrono::steady_clock::now();
      std::vector<int64_t> waiting;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const Job& queued : queue_) waiting.push_back(queued.run_id);
      }
      for (int64_t run_id : waiting) {
        bool ignored = true;
        Heartbeat(run_id, 0, &ignored);
      }
    }
  }
  runner.join();

  SimulationRun run;
  run.id = job.run_id;
  run.progress = progress.load();
  if (result->ok()) {
    run.status = SimulationStatus::kDone;
    run.progress = 1;
    run.result_json = simulate::ResultToJson(**result);
  } else if (result->status().code() == StatusCode::kAborted) {
    run.status = stop_requested_ ? SimulationStatus::kFailed : SimulationStatus::kCancelled;
    run.error = stop_requested_ ? kServerStopped : "";
  } else {
    run.status = SimulationStatus::kFailed;
    run.error = result->status().ToString();
  }
  Finish(run);
}

}  // namespace acogida
