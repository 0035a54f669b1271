// `acogida link dedupe|match`: reads the files, calls the linkage engine, writes the result
// atomically (temporary file, then rename).
#include "cli/link_command.h"
#include "cli/command_files.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "linkage/csv.h"
#include "linkage/engine.h"
#include "linkage/input_check.h"
#include "linkage/linker.h"
#include "linkage/record_index.h"
#include "linkage/settings_json.h"

namespace acogida::cli {
namespace {

using linkage::CsvFile;
using linkage::Settings;


StatusOr<Settings> LoadSettings(const std::string& path) {
  if (path.empty()) return linkage::DefaultPersonSettings();
  ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  return linkage::ParseSettingsJson(text);
}

StatusOr<CsvFile> LoadCsv(const std::string& path, const Settings& settings) {
  ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  return linkage::ParseCsv(text, linkage::CsvOptions{settings.trim_fields});
}

}  // namespace

LinkCommand::LinkCommand(CLI::App& app) {
  link_ = app.add_subcommand("link", "Identity resolution: find duplicates, prior visits and relatives");
  link_->require_subcommand(1);

  dedupe_ = link_->add_subcommand("dedupe", "Group the records of one file by person; writes record_id,cluster_id");
  dedupe_->add_option("input", input_, "CSV file of records (person columns unless --settings)")->required();
  dedupe_->add_option("--out", out_, "Where to write record_id,cluster_id")->required();
  dedupe_->add_option("--settings", settings_path_, "JSON settings for another schema (columns, comparisons, blocking)");
  dedupe_->add_option("--threshold", threshold_, "Match probability that links two records (default: the settings')");
  dedupe_->add_option("--threads", threads_, "Threads to use")->capture_default_str();

  match_ = link_->add_subcommand("match", "Rank registry records for each request (family tracing)");
  match_->add_option("requests", requests_, "CSV file of requests (who is being looked for)")->required();
  match_->add_option("registry", registry_, "CSV file of registered persons")->required();
  match_->add_option("--out", out_, "Where to write request_id,rank,record_id,probability,match_weight,explanation")
      ->required();
  match_->add_option("--settings", settings_path_, "JSON settings for another schema");
  match_->add_option("--top", top_, "Candidates per request, best first")->capture_default_str();
  match_->add_option("--min-probability", min_probability_, "Leave out candidates below this probability")
      ->capture_default_str();
  match_->add_option("--threads", threads_, "Threads to use")->capture_default_str();
}

int LinkCommand::Run() const {
  if (threads_ < 1 || threads_ > 256) return Report("--threads", InvalidArgument("", "must be between 1 and 256"));
  if (dedupe_->parsed()) return RunDedupe();
  if (match_->parsed()) return RunMatch();
  return 2;
}

int LinkCommand::RunDedupe() const {
  StatusOr<Settings> settings = LoadSettings(settings_path_);
  if (!settings.ok()) return Report(settings_path_, settings.status());
  if (threshold_ != 0 && !(threshold_ > 0 && threshold_ < 1)) {
    return Report("--threshold", InvalidArgument("", "must be a probability between 0 and 1"));
  }
  StatusOr<CsvFile> input = LoadCsv(input_, *settings);
  if (!input.ok()) return Report(input_, input.status());
  StatusOr<size_t> id_column = linkage::CheckInput(*input, *settings);
  if (!id_column.ok()) return Report(input_, id_column.status());

  linkage::RunOptions options;
  if (threshold_ != 0) options.threshold = threshold_;
  options.threads = threads_;
  StatusOr<linkage::DedupeResult> result = linkage::Dedupe(input->table, *settings, options);
  if (!result.ok()) return Report(settings_path_.empty() ? input_ : settings_path_, result.status());

  const linkage::Table& table = input->table;
  std::string out = "record_id,cluster_id\n";
  for (size_t row = 0; row < table.rows(); ++row) {
    const std::string fields[] = {table.Cell(row, *id_column), table.Cell(result->cluster_of[row], *id_column)};
    out += linkage::CsvLine(fields);
  }
  Status written = WriteAtomically(out_, out);
  if (!written.ok()) return Report(out_, written);
  std::fprintf(stderr, "acogida: %zu records, %zu clusters, %llu candidate pairs\n", table.rows(),
               result->stats.clusters, static_cast<unsigned long long>(result->stats.candidate_pairs));
  return 0;
}

int LinkCommand::RunMatch() const {
  StatusOr<Settings> settings = LoadSettings(settings_path_);
  if (!settings.ok()) return Report(settings_path_, settings.status());
  if (top_ < 1) return Report("--top", InvalidArgument("", "must be at least 1"));
  if (!(min_probability_ >= 0 && min_probability_ < 1)) {
    return Report("--min-probability", InvalidArgument("", "must be a probability between 0 and 1"));
  }
  StatusOr<CsvFile> requests = LoadCsv(requests_, *settings);
  if (!requests.ok()) return Report(requests_, requests.status());
  StatusOr<size_t> request_id_column = linkage::CheckInput(*requests, *settings);
  if (!request_id_column.ok()) return Report(requests_, request_id_column.status());
  StatusOr<CsvFile> registry = LoadCsv(registry_, *settings);
  if (!registry.ok()) return Report(registry_, registry.status());
  StatusOr<size_t> registry_id_column = linkage::CheckInput(*registry, *settings);
  if (!registry_id_column.ok()) return Report(registry_, registry_id_column.status());

  // Requests laid out as the registry, so that one prepared layout serves both.
  const std::vector<std::string>& columns = registry->table.columns();
  const linkage::Table request_table = linkage::WithColumns(requests->table, columns);

  // The model is estimated on registry and requests together (more pairs to learn from);
  // with too few records to estimate anything, the untrained default weights are used.
  linkage::Table combined(columns);
  for (const linkage::Table* table : {static_cast<const linkage::Table*>(&registry->table), &request_table}) {
    for (size_t row = 0; row < table->rows(); ++row) {
      combined.AddRow(std::vector<std::string>(table->Row(row).begin(), table->Row(row).end()));
    }
  }
  StatusOr<std::unique_ptr<linkage::Linker>> trainer = linkage::Linker::Make(*settings, columns);
  if (!trainer.ok()) return Report(settings_path_.empty() ? registry_ : settings_path_, trainer.status());
  (*trainer)->AddTable(combined, threads_);
  linkage::CandidatePairs candidates = (*trainer)->Candidates({}, linkage::Linker::Refine::kNever);
  Status trained = (*trainer)->Train(candidates, threads_);
  if (!trained.ok()) {
    std::fprintf(stderr, "acogida: warning: %s; using default weights\n", trained.message().c_str());
  }

  StatusOr<std::unique_ptr<linkage::RecordIndex>> index = linkage::RecordIndex::Make(*settings, columns);
  if (!index.ok()) return Report(registry_, index.status());
  (*index)->AddTable(registry->table, threads_);
  (*index)->SetModel((*trainer)->model());

  linkage::QueryOptions query;
  query.max_results = static_cast<size_t>(top_);
  query.min_probability = min_probability_;
  std::string out = "request_id,rank,record_id,probability,match_weight,explanation\n";
  char number[32];
  for (size_t row = 0; row < request_table.rows(); ++row) {
    const std::vector<linkage::Candidate> found = (*index)->Query(request_table.Row(row), query);
    for (size_t rank = 0; rank < found.size(); ++rank) {
      const linkage::Candidate& candidate = found[rank];
      std::string fields[6];
      fields[0] = requests->table.Cell(row, *request_id_column);
      fields[1] = std::to_string(rank + 1);
      fields[2] = registry->table.Cell(candidate.record, *registry_id_column);
      std::snprintf(number, sizeof number, "%.6f", candidate.probability);
      fields[3] = number;
      std::snprintf(number, sizeof number, "%.2f", candidate.match_weight);
      fields[4] = number;
      fields[5] = candidate.explanation.Summary();
      out += linkage::CsvLine(fields);
    }
  }
  Status written = WriteAtomically(out_, out);
  if (!written.ok()) return Report(out_, written);
  return 0;
}

}  // namespace acogida::cli
