// Key rings in files (mode 0600, written atomically) and in the environment.
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>
#include <utility>

#include "crypto/key_ring.h"

namespace acogida {
namespace {

constexpr size_t kMaxKeyFileBytes = 1 << 20;

// I/O failures on the key file are the operator's to fix; the message names the file
// and the system's reason.
Status PosixError(const std::string& context, int error_number) {
  return Internal(context + ": " + std::generic_category().message(error_number));
}

// Wipes a string that held key material before it is freed.
void Wipe(std::string& secret) {
  if (!secret.empty()) sodium_memzero(secret.data(), secret.size());
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  // Closes now, reporting the error close() may carry for buffered writes.
  int Close() { return ::close(std::exchange(fd_, -1)); }

 private:
  int fd_;
};

std::string ParentFolder(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

StatusOr<KeyRing> ReadOpenKeyFile(FileDescriptor& file, const std::string& path) {
  struct stat info;
  if (::fstat(file.get(), &info) != 0) return PosixError("cannot stat key file " + path, errno);
  if (!S_ISREG(info.st_mode)) return FailedPrecondition("key file " + path + " must be a regular file");
  const unsigned mode = info.st_mode & 07777;
  if (mode != 0600) {
    char octal[8];
    std::snprintf(octal, sizeof octal, "%04o", mode);
    return FailedPrecondition("key file " + path + " must have mode 0600, has " + octal);
  }
  if (static_cast<size_t>(info.st_size) > kMaxKeyFileBytes) {
    return FailedPrecondition("key file " + path + " is larger than 1 MiB");
  }
  std::string text(static_cast<size_t>(info.st_size), '\0');
  size_t filled = 0;
  while (filled < text.size()) {
    ssize_t got = ::read(file.get(), text.data() + filled, text.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      Wipe(text);
      return PosixError("cannot read key file " + path, errno);
    }
    if (got == 0) break;
    filled += static_cast<size_t>(got);
  }
  text.resize(filled);
  StatusOr<KeyRing> ring = KeyRing::Parse(text);
  Wipe(text);
  return ring;
}

enum class Replace { kExisting, kNever };

// Writes `text` to a new 0600 file beside `path`, syncs it, and moves it into place:
// rename() for kExisting; link() for kNever, which fails with AlreadyExists if another
// process got there first. Syncs the folder so the new name survives a crash.
Status WriteAtomically(const std::string& path, std::string_view text, Replace replace) {
  std::string temp_path = path + ".tmp-XXXXXX";
  // mkostemp opens with O_CREAT | O_EXCL and mode 0600.
  FileDescriptor file(::mkostemp(temp_path.data(), O_CLOEXEC));
  if (file.get() < 0) return PosixError("cannot create a temporary file beside " + path, errno);
  auto fail = [&](const std::string& context, int error_number) {
    ::unlink(temp_path.c_str());
    return PosixError(context, error_number);
  };
  // Exactly 0600 whatever the umask.
  if (::fchmod(file.get(), 0600) != 0) return fail("cannot set the mode of " + temp_path, errno);
  size_t written = 0;
  while (written < text.size()) {
    ssize_t put = ::write(file.get(), text.data() + written, text.size() - written);
    if (put < 0 && errno == EINTR) continue;
    if (put < 0) return fail("cannot write " + temp_path, errno);
    written += static_cast<size_t>(put);
  }
  if (::fsync(file.get()) != 0) return fail("cannot sync " + temp_path, errno);
  if (file.Close() != 0) return fail("cannot close " + temp_path, errno);

  if (replace == Replace::kExisting) {
    if (::rename(temp_path.c_str(), path.c_str()) != 0) return fail("cannot rename to " + path, errno);
  } else {
    const int linked = ::link(temp_path.c_str(), path.c_str());
    const int link_error = errno;
    ::unlink(temp_path.c_str());
    if (linked != 0 && link_error == EEXIST) return AlreadyExists("key file " + path + " already exists");
    if (linked != 0) return PosixError("cannot create key file " + path, link_error);
  }
  FileDescriptor folder(::open(ParentFolder(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.get() < 0 || ::fsync(folder.get()) != 0) {
    return PosixError("cannot sync the folder of " + path, errno);
  }
  return OkStatus();
}

}  // namespace

StatusOr<KeyRing> LoadOrCreateKeyFile(const std::string& path, const std::string& first_key_id) {
  if (!IsValidKeyId(first_key_id)) {
    return InvalidArgument("key_id", "must be 1-32 characters of a-z, 0-9 and -");
  }
  // Two rounds: if another process creates the file between our open and our link,
  // the second round reads its ring.
  for (int round = 0; round < 2; ++round) {
    // O_NONBLOCK so a FIFO at `path` is refused by the regular-file check, not waited on.
    FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    if (file.get() >= 0) return ReadOpenKeyFile(file, path);
    if (errno != ENOENT) return PosixError("cannot open key file " + path, errno);

    KeyRing ring = KeyRing::Generate(first_key_id);
    std::string text = ring.Serialize();
    Status written = WriteAtomically(path, text, Replace::kNever);
    Wipe(text);
    if (written.ok()) return ring;
    if (written.code() != StatusCode::kAlreadyExists) return written;
  }
  return Internal("key file " + path + " can neither be opened nor created (a dangling link?)");
}

Status SaveKeyFile(const KeyRing& ring, const std::string& path) {
  std::string text = ring.Serialize();
  Status written = WriteAtomically(path, text, Replace::kExisting);
  Wipe(text);
  return written;
}

StatusOr<KeyRing> KeyRingFromEnvironment(const char* variable) {
  const char* value = std::getenv(variable);
  if (value == nullptr) return NotFound(std::string("environment variable ") + variable + " is not set");
  return KeyRing::Parse(value);
}

}  // namespace acogida
