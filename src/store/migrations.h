// The numbered SQL migrations, compiled in from src/store/migrations/*.sql (in order).
// Each backend substitutes its dialect for the {{ID}} placeholder and applies the ones
// its schema_migrations table does not list yet, each in its own transaction.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace acogida {

struct Migration {
  int version;           // from the file name: 001_init.sql → 1
  std::string_view name; // "001_init"
  std::string_view sql;
};

std::span<const Migration> Migrations();

// `sql` with each {{ID}} replaced by `id_column` (e.g. "INTEGER PRIMARY KEY").
std::string ApplyDialect(std::string_view sql, std::string_view id_column);

}  // namespace acogida
