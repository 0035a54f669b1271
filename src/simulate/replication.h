// One replication of a scenario: the discrete-event run and what it measured. Simulate
// (simulate.h) runs many and summarises them; tests call RunReplication directly to check
// invariants of a single run. Pure and deterministic: the same model and seed give the same
// result. Thread-safe: replications share only the read-only Model.
#pragma once

#include <cstdint>
#include <vector>

#include "simulate/model.h"

namespace acogida::simulate {

// One stage at one port (Model::stage_instances order). Times in minutes.
struct StageStats {
  int64_t arrivals = 0;       // people who reached the stage
  int64_t served = 0;         // people whose service started (their wait is known)
  int64_t completed = 0;      // people who finished it
  double mean_wait = 0;       // before service, over `served`
  double p95_wait = 0;
  double mean_sojourn = 0;    // wait + service, over `completed`
  double mean_queue = 0;      // time-average people waiting
  int64_t max_queue = 0;
  double mean_in_system = 0;  // time-average people waiting or in service (L)
  double utilisation = 0;     // busy staff time / (staff × horizon)
  int64_t waiting_at_end = 0;
};

// One shelter section (Model::sections order).
struct SectionStats {
  int peak = 0;               // most beds taken at any moment
  double mean_nightly = 0;    // beds taken at midnight, averaged over nights
  int nights_full = 0;        // midnights with every bed taken
};

// People waiting for a bus home in one city (Scenario::cities order). Times in hours.
struct BusStats {
  int64_t riders = 0;
  double mean_wait = 0;
  double p95_wait = 0;
  int64_t waiting_at_end = 0;
};

// Beds asked for by people handed over at one city's ports (Scenario::cities order).
struct CityStats {
  int64_t needed_bed = 0;
  int64_t placed_in_city = 0;
  int64_t placed_elsewhere = 0;  // an overflow city
  int64_t without_bed = 0;
};

struct ReplicationResult {
  int64_t arrivals = 0;
  int64_t entrants = 0;          // entered the reception centre
  int64_t needed_bed = 0;        // entrants staying at least one night
  int64_t without_bed = 0;       // of those, found no bed (and left)
  int64_t departed = 0;          // left the model (home, on their own, or without a bed)
  int64_t in_stages_at_end = 0;  // waiting or in service at the horizon
  int64_t in_beds_at_end = 0;
  int64_t waiting_bus_at_end = 0;
  int64_t in_system_at_end = 0;  // the three above; arrivals = departed + in_system_at_end
  int64_t events = 0;
  std::vector<StageStats> stages;
  std::vector<SectionStats> sections;
  std::vector<BusStats> buses;
  std::vector<CityStats> cities;
  // Daily series, day-major.
  std::vector<int32_t> daily_arrivals;      // [day]
  std::vector<int32_t> daily_without_bed;   // [day]
  std::vector<int32_t> daily_occupancy;     // [day × sections + section]: beds taken at midnight
  std::vector<int32_t> daily_stage_arrivals;  // [day × stages + stage]: people reaching the stage
  std::vector<int32_t> daily_served;        // [day × stages + stage]: services started
  std::vector<int64_t> daily_wait_seconds;  // [day × stages + stage]: their waits, summed
};

// Runs one replication of `model` seeded with `seed` (see ReplicationSeed).
ReplicationResult RunReplication(const Model& model, uint64_t seed);

}  // namespace acogida::simulate
