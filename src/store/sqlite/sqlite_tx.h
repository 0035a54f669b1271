// SqliteTx implements the store's Tx over one SqliteConnection inside an open transaction.
// `now_utc` is written into created_at columns. Every statement is prepared once per connection and cached. Used only by sqlite_store.cc.
#pragma once

#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"

namespace acogida {

std::unique_ptr<Tx> NewSqliteTx(SqliteConnection& connection, const std::string& now_utc);

}  // namespace acogida
