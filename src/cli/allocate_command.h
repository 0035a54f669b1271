// `acogida allocate --scenario FILE.json --out PLACEMENT.json [--method flow|greedy]`:
// plans the placement of arriving groups in shelter beds (issue #5) from a scenario file
// (shelters with free beds per section, arriving groups, optional options) and writes the
// placement: per group its shelter and section or why it is left without a bed, the
// objective against the lower bound, and the people left without a bed.
// Bad input (malformed JSON, a missing or mistyped field, a rule broken) is reported on
// stderr naming the line or the field, with exit code 2; the output is written to a
// temporary file renamed into place only on success.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace acogida::cli {

class AllocateCommand {
 public:
  // Adds `allocate` to `app`.
  explicit AllocateCommand(CLI::App& app);

  // True if the command line chose `allocate`.
  bool Chosen() const { return command_->parsed(); }
  // Runs it; returns the exit code (0 ok, 1 failure, 2 bad input).
  int Run() const;

 private:
  CLI::App* command_ = nullptr;
  std::string scenario_;
  std::string out_;
  std::string method_ = "flow";
};

}  // namespace acogida::cli
