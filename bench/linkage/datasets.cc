// Loading the labelled sets and reading peak memory.
#include "datasets.h"

#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "linkage/csv.h"
#include "linkage/person_table.h"
#include "linkage/settings_json.h"
#include "synth/linkage_set.h"

namespace acogida::linkage::bench {

std::string DataDir() {
  // $ACOGIDA_LINKAGE_DATA, else the workspace's shared data beside the source tree, else the
  // workspace's fixed place (a clone elsewhere, as CI makes, still finds it).
  const char* env = std::getenv("ACOGIDA_LINKAGE_DATA");
  if (env != nullptr) return env;
  const std::string beside = std::string(ACOGIDA_SOURCE_PATH) + "/../shared/data/linkage";
  if (std::filesystem::exists(beside + "/febrl")) return beside;
  return "/work/shared/data/linkage";
}

std::string SettingsDir() { return std::string(ACOGIDA_SOURCE_PATH) + "/bench/linkage"; }

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

StatusOr<Settings> LoadSettings(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseSettingsJson(text);
}

StatusOr<LabelledTable> LoadFebrl(const std::string& name) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(DataDir() + "/febrl/" + name));
  ASSIGN_OR_RETURN(CsvFile file, ParseCsv(text, CsvOptions{.trim_fields = true}));
  LabelledTable labelled{std::move(file.table), {}};
  for (size_t row = 0; row < labelled.table.rows(); ++row) {
    const std::string& id = labelled.table.Cell(row, 0);  // rec-<n>-org, rec-<n>-dup-<k>
    labelled.truth.push_back(std::atoll(id.c_str() + 4));
  }
  return labelled;
}

StatusOr<LabelledTable> LoadFake1000() {
  ASSIGN_OR_RETURN(std::string text, ReadFile(DataDir() + "/splink/fake_1000.csv"));
  ASSIGN_OR_RETURN(CsvFile file, ParseCsv(text));
  LabelledTable labelled{std::move(file.table), {}};
  const auto cluster = labelled.table.ColumnIndex("cluster");
  if (!cluster) return InvalidArgument("cluster", "fake_1000.csv has no cluster column");
  for (size_t row = 0; row < labelled.table.rows(); ++row) {
    labelled.truth.push_back(std::atoll(labelled.table.Cell(row, *cluster).c_str()));
  }
  return labelled;
}

LabelledTable Generated(uint64_t seed, int entities) {
  synth::LinkageSet set = synth::MakeLinkageSet(seed, entities);
  LabelledTable labelled;
  std::vector<Person> persons;
  persons.reserve(set.records.size());
  for (synth::LinkageRecord& record : set.records) {
    labelled.truth.push_back(record.entity_id);
    persons.push_back(std::move(record.person));
  }
  labelled.table = PersonTable(persons);
  return labelled;
}

double PeakRssMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  }
  return -1;
}

}  // namespace acogida::linkage::bench
