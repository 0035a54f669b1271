// WriteAtomically (atomic_file.h).
#include "cli/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

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

}  // namespace acogida::cli
