// SqlTx implements the store's Tx over one SqlConnection inside an open transaction.
// `keys` seal sensitive fields; `now_utc` is written into created_at columns. Used by both stores.
#pragma once

#include "store/sql/sql_connection.h"
#include "crypto/key_ring.h"
#include "store/store.h"

namespace acogida {

std::unique_ptr<Tx> NewSqlTx(SqlConnection& connection, const KeyRing& keys, const std::string& now_utc);

}  // namespace acogida
