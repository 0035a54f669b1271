// Changes a test database behind the application's back, for tests that tamper with stored
// rows: through the sqlite3 library for a SQLite file, through psql for PostgreSQL. The
// SQL must mean the same in both dialects. A test binary that includes this links sqlite3.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "testing/test_database.h"

namespace acogida::testing {

// Runs `sql` (one or more statements) on `database`; a failure says what went wrong.
inline ::testing::AssertionResult ExecuteSql(const TestDatabase& database, const std::string& sql) {
  if (database.backend() == Backend::kPostgres) {
    if (RunPsql(database.url(), sql)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "psql failed on " << database.url() << ": " << sql;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(database.url().c_str(), &db) != SQLITE_OK) {
    std::string error = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return ::testing::AssertionFailure() << "cannot open " << database.url() << ": " << error;
  }
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  ::testing::AssertionResult result = ::testing::AssertionSuccess();
  if (rc != SQLITE_OK) result = ::testing::AssertionFailure() << "sqlite3 failed: " << (error ? error : "") << ": " << sql;
  sqlite3_free(error);
  sqlite3_close(db);
  return result;
}

}  // namespace acogida::testing
