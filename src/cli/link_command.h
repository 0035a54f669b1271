// `acogida link`: identity resolution from the command line (issue #4).
//   link dedupe INPUT.csv --out CLUSTERS.csv [--settings S.json] [--threshold P]
//       writes record_id,cluster_id for every input record
//   link match REQUESTS.csv REGISTRY.csv --out MATCHES.csv [--settings S.json] [--top N]
//       ranks registry records for each request (family tracing), with probability and
//       the per-field explanation
// Bad input (wrong columns, invalid UTF-8, ragged rows, repeated ids) is reported on
// stderr naming the file and line, with exit code 2; the output is written to a temporary
// file renamed into place only on success, so nothing partial is ever left behind.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace acogida::cli {

class LinkCommand {
 public:
  // Adds `link` and its subcommands to `app`.
  explicit LinkCommand(CLI::App& app);

  // True if the command line chose `link`.
  bool Chosen() const { return link_->parsed(); }
  // Runs the chosen subcommand; returns the exit code (0 ok, 1 failure, 2 bad input).
  int Run() const;

 private:
  int RunDedupe() const;
  int RunMatch() const;

  CLI::App* link_ = nullptr;
  CLI::App* dedupe_ = nullptr;
  CLI::App* match_ = nullptr;
  std::string input_;
  std::string requests_;
  std::string registry_;
  std::string out_;
  std::string settings_path_;
  double threshold_ = 0;  // 0: the settings' threshold
  int threads_ = 2;
  int top_ = 5;
  double min_probability_ = 0.01;
};

}  // namespace acogida::cli
