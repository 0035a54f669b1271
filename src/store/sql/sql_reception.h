// What the reception flow reads and writes (service_record and service_event, migration 013)
// and the aggregates the dashboards and exports count, as free functions over a connection
// inside an open transaction; SqlTx forwards to them.
#pragma once

#include <string>
#include <vector>

#include "store/sql/sql_connection.h"
#include "store/store.h"

namespace acogida::sql_reception {

StatusOr<std::vector<ServiceRecord>> ListServiceRecords(SqlConnection& db, const std::vector<int64_t>& person_ids);
Status SaveServiceRecord(SqlConnection& db, ServiceRecord& record);
StatusOr<std::vector<ArrivalCount>> CountArrivals(SqlConnection& db, const std::string& from_utc,
                                                  const std::string& to_utc);
StatusOr<std::vector<ServiceCount>> CountServiceEvents(SqlConnection& db, const std::string& from_utc,
                                                       const std::string& to_utc);
StatusOr<std::vector<std::pair<std::string, int64_t>>> CountTransportHome(SqlConnection& db,
                                                                          const std::string& from_utc,
                                                                          const std::string& to_utc);

}  // namespace acogida::sql_reception
