// SqliteTx implements the store's Tx over one SqliteConnection inside an open transaction.
// `keys` seal sensitive fields; `now_utc` is written into created_at columns. Every statement is prepared once per connection and cached. Used only by sqlite_store.cc.
#pragma once

#include "store/sqlite/sqlite_connection.h"
#include "crypto/key_ring.h"
#include "store/store.h"

namespace acogida {

std::unique_ptr<Tx> NewSqliteTx(SqliteConnection& connection, const KeyRing& keys, const std::string& now_utc);

}  // namespace acogida
