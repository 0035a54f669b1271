// The labelled data sets the linkage benchmarks run on: FEBRL 1–4 and Splink's fake_1000
// (public, in ../shared/data/linkage, see its README.md) and the project's Mexican
// generator (src/synth). Each comes as a Table with a truth label per row. File reading
// lives here, in the bench, not in src/linkage. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "linkage/settings.h"
#include "linkage/table.h"

namespace acogida::linkage::bench {

struct LabelledTable {
  Table table;
  std::vector<int64_t> truth;  // same label = same entity
};

// The folder of the public sets: $ACOGIDA_LINKAGE_DATA, else <source>/../shared/data/linkage.
std::string DataDir();
// The folder of the settings files (bench/linkage).
std::string SettingsDir();

StatusOr<std::string> ReadFile(const std::string& path);
StatusOr<Settings> LoadSettings(const std::string& path);

// FEBRL file `name` ("dataset3.csv"): label n of rec-<n>-org / rec-<n>-dup-<k>.
StatusOr<LabelledTable> LoadFebrl(const std::string& name);
// fake_1000.csv: label from its `cluster` column.
StatusOr<LabelledTable> LoadFake1000();
// MakeLinkageSet(seed, entities) as a person table; label = entity id.
LabelledTable Generated(uint64_t seed, int entities);

// Peak resident memory of this process so far, in MiB (VmHWM), or -1.
double PeakRssMiB();

}  // namespace acogida::linkage::bench
