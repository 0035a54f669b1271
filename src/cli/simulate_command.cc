// `acogida simulate`: reads the scenario file, calls the simulator, writes the result file
// atomically, and prints a short summary (totals and the first bottlenecks) on stderr.
#include "cli/simulate_command.h"

#include <cstdio>

#include "cli/command_files.h"
#include "simulate/scenario_json.h"
#include "simulate/simulate.h"

namespace acogida::cli {

SimulateCommand::SimulateCommand(CLI::App& app) {
  command_ = app.add_subcommand("simulate", "Simulate arrivals, reception stages, shelters and buses home");
  command_->add_option("scenario", scenario_, "Scenario file (JSON; see docs/simulation.md)")->required();
  command_->add_option("--out", out_, "Where to write the result (JSON)")->required();
  command_->add_option("--replications", replications_, "Independent runs; confidence intervals narrow as 1/sqrt(N)")
      ->capture_default_str();
  command_->add_option("--seed", seed_, "Seed of the run (same seed, same result)")->capture_default_str();
  command_->add_option("--threads", threads_, "Worker threads (0: all cores); does not change the result")
      ->capture_default_str();
}

int SimulateCommand::Run() const {
  StatusOr<std::string> text = ReadWholeFile(scenario_);
  if (!text.ok()) return Report(scenario_, text.status());
  StatusOr<simulate::Scenario> scenario = simulate::ParseScenario(*text);
  if (!scenario.ok()) return Report(scenario_, scenario.status());
  simulate::SimulateOptions options;
  options.replications = replications_;
  options.seed = seed_;
  options.threads = threads_;
  StatusOr<simulate::SimulationResult> result = simulate::Simulate(*scenario, options);
  // Option errors name the flag ("replications" → --replications).
  if (!result.ok() && (result.status().field() == "replications" || result.status().field() == "threads")) {
    return Report("--" + result.status().field(), Status(result.status().code(), result.status().message()));
  }
  if (!result.ok()) return Report(scenario_, result.status());
  Status written = WriteAtomically(out_, simulate::ResultToJson(*result));
  if (!written.ok()) return Report(out_, written);
  std::fprintf(stderr, "acogida: %d replications of %d days: %.0f ± %.0f arrivals, %.0f ± %.0f without a bed\n",
               result->replications, result->days, result->arrivals.mean, result->arrivals.half_width,
               result->without_bed.mean, result->without_bed.half_width);
  for (size_t index = 0; index < result->bottlenecks.size() && index < 3; ++index) {
    const simulate::Bottleneck& bottleneck = result->bottlenecks[index];
    std::fprintf(stderr, "acogida: bottleneck %s %s (pressure %.2f): %s\n", bottleneck.kind.c_str(),
                 bottleneck.where.c_str(), bottleneck.pressure, bottleneck.reason.c_str());
  }
  return 0;
}

}  // namespace acogida::cli
