// A surge simulation run as the store keeps it (migration 012): who asked, the scenario and
// its options, where it is (queued, running, done, failed, cancelled) and, when done, the
// result. The scenario and result are JSON text the store does not read. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace acogida {

enum class SimulationStatus { kQueued, kRunning, kDone, kFailed, kCancelled };

// "queued", "running", "done", "failed", "cancelled".
inline std::string_view SimulationStatusName(SimulationStatus status) {
  switch (status) {
    case SimulationStatus::kQueued: return "queued";
    case SimulationStatus::kRunning: return "running";
    case SimulationStatus::kDone: return "done";
    case SimulationStatus::kFailed: return "failed";
    case SimulationStatus::kCancelled: return "cancelled";
  }
  return "failed";
}

inline std::optional<SimulationStatus> ParseSimulationStatus(std::string_view name) {
  for (SimulationStatus status : {SimulationStatus::kQueued, SimulationStatus::kRunning, SimulationStatus::kDone,
                                  SimulationStatus::kFailed, SimulationStatus::kCancelled}) {
    if (SimulationStatusName(status) == name) return status;
  }
  return std::nullopt;
}

// True while a server may still work on it.
inline bool IsActive(SimulationStatus status) {
  return status == SimulationStatus::kQueued || status == SimulationStatus::kRunning;
}

struct SimulationRun {
  int64_t id = 0;
  std::string name;  // the scenario's name, for listings
  std::string created_by;
  std::string created_at;
  SimulationStatus status = SimulationStatus::kQueued;
  double progress = 0;        // share of replications done, 0..1
  std::string scenario_json;  // "" in listings
  int replications = 0;
  uint64_t seed = 0;
  std::string result_json;  // "" unless done; "" in listings
  std::string error;        // why it failed
  std::string updated_at;   // the heartbeat of the server running it
  std::string finished_at;  // "" while active
};

}  // namespace acogida
