// Files of the commands that read and write them (link, allocate): read whole, written whole
// or not at all, and their errors reported with the file they concern.
#pragma once

#include <string>

#include "core/status.h"

namespace acogida::cli {

// Writes `content` to `path` through a temporary file in the same folder, fsync and a rename,
// so that readers see the old file or the whole new one, never a part; on failure the
// temporary file is removed and `path` is untouched.
Status WriteAtomically(const std::string& path, const std::string& content);

// The whole file; InvalidArgument when it cannot be opened or read.
StatusOr<std::string> ReadWholeFile(const std::string& path);

// Prints "acogida: <where>: <field>: <message>" and returns 2 for bad input, 1 otherwise.
int Report(const std::string& where, const Status& status);

}  // namespace acogida::cli
