// Runs the real `acogida` binary as a child process for API and CLI tests: `RunAcogida` for a
// one-shot command (exit code and output), `ServerProcess` for `acogida serve` on a free
// loopback port, stopped with SIGTERM when the test ends. The binary is the one the build
// made (ACOGIDA_BINARY_PATH), unless the ACOGIDA_BINARY environment variable names another.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace acogida::testing {

inline std::string BinaryPath() {
  const char* path = std::getenv("ACOGIDA_BINARY");
  return path ? path : ACOGIDA_BINARY_PATH;
}

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Spawns `args` (args[0] is the program) with stdout and stderr into a pipe; returns the pid
// and the pipe's read end. With `stdin_fd` >= 0 the child reads its standard input from it.
inline pid_t Spawn(const std::vector<std::string>& args, int* read_fd, int stdin_fd = -1) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  if (stdin_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    throw std::runtime_error("cannot start " + args[0]);
  }
  *read_fd = fds[0];
  return pid;
}

// Runs `acogida args...`, writing `input` to its standard input.
inline CommandResult RunAcogida(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), BinaryPath());
  int in[2];
  if (::pipe(in) != 0) throw std::runtime_error("pipe failed");
  int fd = -1;
  pid_t pid = Spawn(args, &fd, in[0]);
  ::close(in[0]);
  if (!input.empty() && ::write(in[1], input.data(), input.size()) < 0) throw std::runtime_error("write failed");
  ::close(in[1]);
  CommandResult result;
  char buf[4096];
  ssize_t got;
  while ((got = ::read(fd, buf, sizeof buf)) > 0) result.output.append(buf, static_cast<size_t>(got));
  ::close(fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// The database flags of a command: `--db <db>`, and `--keys <key_file>` unless it is "".
inline std::vector<std::string> DatabaseArgs(const std::string& db, const std::string& key_file = "") {
  std::vector<std::string> args{"--db", db};
  if (!key_file.empty()) args.insert(args.end(), {"--keys", key_file});
  return args;
}

// `acogida user add` with the password on standard input (and `--keys <key_file>` unless
// it is ""); the command's result.
inline CommandResult AddUser(const std::string& db, const std::string& username, const std::string& role,
                             const std::string& password, const std::string& key_file = "") {
  std::vector<std::string> args{"user", "add"};
  for (std::string& arg : DatabaseArgs(db, key_file)) args.push_back(std::move(arg));
  args.insert(args.end(), {"--username", username, "--role", role, "--password-stdin"});
  return RunAcogida(args, password + "\n");
}

class ServerProcess {
 public:
  // Starts `acogida serve --db <db> --port 0 --web <web_root>` (with `--keys <key_file>`
  // unless it is "", then `extra_args`) and waits for its "listening on http://127.0.0.1:<port>" line.
  ServerProcess(const std::string& db, const std::string& web_root = "", const std::string& key_file = "",
                const std::vector<std::string>& extra_args = {}) {
    std::vector<std::string> args{BinaryPath(), "serve"};
    for (std::string& arg : DatabaseArgs(db, key_file)) args.push_back(std::move(arg));
    args.insert(args.end(), {"--port", "0", "--web", web_root, "--threads", "32"});
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    pid_ = Spawn(args, &fd_);
    std::string seen;
    char ch;
    while (::read(fd_, &ch, 1) == 1) {
      seen.push_back(ch);
      if (ch != '\n') continue;
      const std::string marker = "listening on http://127.0.0.1:";
      size_t at = seen.find(marker);
      if (at != std::string::npos) {
        port_ = std::atoi(seen.c_str() + at + marker.size());
        break;
      }
    }
    startup_output_ = seen;
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    if (fd_ >= 0) ::close(fd_);
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }  // 0 if the server did not start
  const std::string& startup_output() const { return startup_output_; }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  int port_ = 0;
  std::string startup_output_;
};

}  // namespace acogida::testing
