// A Model is a validated Scenario compiled for the event loop: names resolved to indices,
// one stage instance per port and stage with staff, every section in one flat list, the
// cities to try for a bed in overflow order, and each port's arrival rate per day. Built
// once per run and shared read-only by all replications (thread-safe to read).
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "simulate/types.h"

namespace acogida::simulate {

// The needs of a person, as bits.
enum NeedBit : uint8_t {
  kEntrant = 1,
  kDocuments = 2,
  kImss = 4,
  kMedical = 8,
  kPsychological = 16,
  kLegalAid = 32,
  kTransportHome = 64,
};

// The need bit a stage requires (0 for everyone).
uint8_t NeedMask(AppliesTo applies_to);

// One stage as run at one port.
struct StageInstance {
  int port = 0;
  int stage = 0;  // index in Scenario::stages
  int staff = 0;
  uint8_t need_mask = 0;
  Distribution service;
  double log_mean = 0;   // lognormal: mean of log(time)
  double log_sigma = 0;  // lognormal: sd of log(time)
};

struct SectionRef {
  int shelter = 0;
  int index = 0;  // in Shelter::sections
  int city = 0;
  SectionKind kind = SectionKind::kMen;
  int beds = 0;
};

// The sections of one shelter: [first, first + count) of Model::sections.
struct ShelterRange {
  int first = 0;
  int count = 0;
};

struct Model {
  const Scenario* scenario = nullptr;  // not owned; outlives the model
  int days = 0;
  double horizon_minutes = 0;
  std::vector<StageInstance> stage_instances;      // grouped by port, in stage order
  std::vector<int> port_first_stage;               // per port, plus one: its instances' range
  std::vector<int> port_city;                      // per port
  std::vector<std::vector<double>> port_rate;      // [port][day]: people a day, with multipliers
  std::vector<std::vector<double>> port_windows;   // [port]: cumulative weights of its hours
  std::vector<SectionRef> sections;                // all shelters' sections, in scenario order
  std::vector<std::vector<ShelterRange>> city_shelters;  // [city]: its shelters in scenario order
  std::vector<std::vector<int>> bed_cities;        // [city]: itself, then overflow cities nearest first
};

// Validates `scenario` (ValidateScenario) and compiles it. The model points into `scenario`.
StatusOr<Model> BuildModel(const Scenario& scenario);

}  // namespace acogida::simulate
