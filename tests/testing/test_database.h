// A fresh, empty database of either backend for one test: a SQLite file in a temporary
// folder, or a new database in the throwaway PostgreSQL cluster that ctest starts (its URL
// in ACOGIDA_TEST_PG; see scripts/pg-test-cluster.sh), dropped at the end. When the
// variable is not set (a test binary run by hand), PostgreSQL is unavailable and
// parameterised tests skip it; under ctest it is always set.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <unistd.h>

#include "store/store.h"
#include "testing/temp_dir.h"

namespace acogida::testing {

enum class Backend { kSqlite, kPostgres };

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

// `text` as one word for /bin/sh, in single quotes (each ' inside written as '\'').
inline std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char ch : text) {
    if (ch == '\'') quoted += "'\\''";
    else quoted += ch;
  }
  return quoted + "'";
}

// Runs one SQL command with psql against `url`; true on success. The SQL may hold quotes.
inline bool RunPsql(const std::string& url, const std::string& sql) {
  std::string command = "psql -q -v ON_ERROR_STOP=1 " + ShellQuote(url) + " -c " + ShellQuote(sql) + " >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

class TestDatabase {
 public:
  explicit TestDatabase(Backend backend) : backend_(backend) {
    if (backend == Backend::kSqlite) {
      url_ = dir_.File("test.db");
      return;
    }
    const char* cluster = std::getenv("ACOGIDA_TEST_PG");
    if (!cluster || !*cluster) return;
    static std::atomic<int> counter{0};
    name_ = "t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    std::string base = cluster;
    const std::string marker = "/postgres?";
    size_t at = base.find(marker);
    if (at == std::string::npos) {
      error_ = "ACOGIDA_TEST_PG is not a URL of the cluster's postgres database: " + base;
      return;
    }
    RunPsql(base, "DROP DATABASE IF EXISTS " + name_);
    if (!RunPsql(base, "CREATE DATABASE " + name_ + " TEMPLATE template0 ENCODING 'UTF8'")) {
      error_ = "cannot create database " + name_ + " in the test cluster at " + base;
      return;
    }
    admin_url_ = base;
    url_ = base.substr(0, at) + "/" + name_ + "?" + base.substr(at + marker.size());
  }
  ~TestDatabase() {
    if (!admin_url_.empty()) RunPsql(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // False for PostgreSQL outside ctest (no cluster): the test should GTEST_SKIP.
  bool available() const { return !url_.empty(); }
  // Why a PostgreSQL database could not be made although a cluster was named; "" otherwise.
  const std::string& error() const { return error_; }
  Backend backend() const { return backend_; }
  // The --db argument for this database.
  const std::string& url() const { return url_; }
  // The key file the tests use for this database (in the temporary folder).
  std::string key_file() const { return dir_.File("test.keys"); }
  const TempDir& dir() const { return dir_; }

  StatusOr<std::unique_ptr<Store>> Open(StoreOptions options = {}) const {
    if (options.key_file.empty() && !options.keys) options.key_file = key_file();
    return OpenStore(url_, options);
  }

 private:
  Backend backend_;
  TempDir dir_;
  std::string url_;
  std::string admin_url_;
  std::string name_;
  std::string error_;
};

// For the body (or SetUp) of a parameterised test: skips when no PostgreSQL cluster is named
// here, and fails when one is named (as under ctest) but the database could not be made, so
// a broken cluster never passes as skipped tests.
#define SKIP_IF_UNAVAILABLE(database)                                              \
  if (!(database).error().empty()) FAIL() << (database).error();                   \
  else if (!(database).available()) GTEST_SKIP() << "no PostgreSQL test cluster (ACOGIDA_TEST_PG unset)"

}  // namespace acogida::testing
