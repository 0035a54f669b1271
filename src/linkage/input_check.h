// Checks that a parsed CSV file fits the settings before linking: the id column and the
// required columns exist, and record ids are present and unique. Errors name the line
// ("line 1" for the header) so that the command line can say where the input is wrong.
// Pure; thread-safe.
#pragma once

#include "core/status.h"
#include "linkage/csv.h"
#include "linkage/settings.h"

namespace acogida::linkage {

// The index of the id column: settings.id_column if set, else the first column. Returns
// InvalidArgument ("line 1") for a missing id or required column, ("line N") for an
// empty or repeated record id.
StatusOr<size_t> CheckInput(const CsvFile& file, const Settings& settings);

// `table` laid out as `columns`: columns it lacks are empty, columns it has beyond them
// are dropped (for comparing two files whose columns differ in order or extras).
Table WithColumns(const Table& table, const std::vector<std::string>& columns);

}  // namespace acogida::linkage
