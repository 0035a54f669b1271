// `acogida simulate SCENARIO.json --out RESULT.json [--replications N] [--seed S] [--threads T]`:
// runs the surge simulator (issue #7) on a scenario file (docs/simulation.md) and writes the
// result: totals with 95 % confidence intervals, per stage, city and section, daily series and
// the ranked bottlenecks. Bad input (text that is not JSON, a missing, mistyped or unknown
// field, a broken rule, bad flags) is reported on stderr naming the line or the field, with
// exit code 2; the result is written to a temporary file renamed into place only on success.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace acogida::cli {

class SimulateCommand {
 public:
  // Adds `simulate` to `app`.
  explicit SimulateCommand(CLI::App& app);

  // True if the command line chose `simulate`.
  bool Chosen() const { return command_->parsed(); }
  // Runs it; returns the exit code (0 ok, 1 failure, 2 bad input).
  int Run() const;

 private:
  CLI::App* command_ = nullptr;
  std::string scenario_;
  std::string out_;
  int replications_ = 10;
  uint64_t seed_ = 1;
  int threads_ = 0;
};

}  // namespace acogida::cli
