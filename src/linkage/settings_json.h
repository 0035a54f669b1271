// Settings from JSON text, for schemas other than the person schema (the public benchmark
// sets). The command line reads the file; this only parses the text handed to it.
//   {
//     "id_column": "rec_id",                 // default: the first column
//     "trim_fields": true,                   // default false
//     "threshold": 0.9,                      // default 0.9
//     "max_block_size": 2000,
//     "required_columns": ["rec_id"],
//     "missing_columns_are_unknown": false,
//     "comparisons": [
//       {"name": "surname", "kind": "name", "columns": ["surname"],
//        "thresholds": [0.92, 0.8], "term_frequency": true}, ...],
//     "blocking": [{"name": "dob", "key": ["date_of_birth:date"]}, ...],
//     "em": {"max_iterations": 100, "tolerance": 1e-5, "max_training_pairs": 2000000,
//            "initial_match_share": 0.1}
//   }
// Kinds: exact, name, given_names, surnames, name_pair, date, levenshtein, curp (settings.h).
// Pure; thread-safe.
#pragma once

#include <string_view>

#include "core/status.h"
#include "linkage/settings.h"

namespace acogida::linkage {

// Returns InvalidArgument whose field is the JSON path at fault ("comparisons[2].kind"),
// also for unknown keys (a misspelt key would otherwise be silently ignored).
StatusOr<Settings> ParseSettingsJson(std::string_view json_text);

}  // namespace acogida::linkage
