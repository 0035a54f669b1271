// Reading, writing and reporting of command files (command_files.h).
#include "cli/command_files.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace acogida::cli {

Status WriteAtomically(const std::string& path, const std::string& content) {
  std::string temp = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return Internal("cannot create a temporary file next to " + path + ": " + std::strerror(errno));
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t got = ::write(fd, content.data() + written, content.size() - written);
    if (got < 0) {
      if (errno == EINTR) continue;
      const std::string error = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return Internal("cannot write " + temp + ": " + error);
    }
    written += static_cast<size_t>(got);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temp.c_str());
    return Internal("cannot write " + temp + ": " + std::strerror(errno));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string error = std::strerror(errno);
    ::unlink(temp.c_str());
    return Internal("cannot rename " + temp + " to " + path + ": " + error);
  }
  return OkStatus();
}

StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument("", "cannot open the file: " + std::string(std::strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return InvalidArgument("", "cannot read the file");
  return text.str();
}

int Report(const std::string& where, const Status& status) {
  std::fprintf(stderr, "acogida: %s%s%s%s%s\n", where.c_str(), where.empty() ? "" : ": ", status.field().c_str(),
               status.field().empty() ? "" : ": ", status.message().c_str());
  return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
}

}  // namespace acogida::cli
