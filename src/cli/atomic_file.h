// Output files of the commands that write them (link, allocate): written whole or not at all.
#pragma once

#include <string>

#include "core/status.h"

namespace acogida::cli {

// Writes `content` to `path` through a temporary file in the same folder, fsync and a rename,
// so that readers see the old file or the whole new one, never a part; on failure the
// temporary file is removed and `path` is untouched.
Status WriteAtomically(const std::string& path, const std::string& content);

}  // namespace acogida::cli
