// The services checklist and the dashboards' counts in portable SQL; see
// migrations/013_reception.sql.
#include "store/sql/sql_reception.h"

#include <algorithm>

#include "store/sql/sql_rows.h"

namespace acogida::sql_reception {
namespace {

constexpr const char* kRecordColumns =
    "id, person_id, site_id, item, status, updated_at, updated_by, destination_state, destination_municipality, "
    "bus, departure_at, version";

ServiceRecord ReadRecord(const SqlStatement& row) {
  ServiceRecord record;
  record.id = row.Int(0);
  record.person_id = row.Int(1);
  record.site_id = row.Int(2);
  record.item = ParseServiceItem(row.Text(3)).value_or(ServiceItem::kRepatriationLetter);
  record.status = ParseServiceStatus(row.Text(4)).value_or(ServiceStatus::kPending);
  record.updated_at = row.Text(5);
  record.updated_by = row.Text(6);
  record.transport.state = row.Text(7);
  record.transport.municipality = row.Text(8);
  record.transport.bus = row.Text(9);
  record.transport.departure_at = row.Text(10);
  record.version = row.Int(11);
  return record;
}

std::string IdList(std::vector<int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string list;
  for (int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  return list;
}

}  // namespace

StatusOr<std::vector<ServiceRecord>> ListServiceRecords(SqlConnection& db, const std::vector<int64_t>& person_ids) {
  if (person_ids.empty()) return std::vector<ServiceRecord>{};
  // Ids are numbers we format ourselves; they change the statement text, not its inputs.
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + kRecordColumns +
                                         " FROM service_record WHERE person_id IN (" + IdList(person_ids) +
                                         ") ORDER BY person_id, id"));
  return ReadAll<ServiceRecord>(*stmt, ReadRecord);
}

Status SaveServiceRecord(SqlConnection& db, ServiceRecord& record) {
  if (record.id == 0) {
    ASSIGN_OR_RETURN(auto stmt, db.Prepare(
        "INSERT INTO service_record (person_id, site_id, item, status, updated_at, updated_by, destination_state, "
        "destination_municipality, bus, departure_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    stmt->Bind(1, record.person_id).Bind(2, record.site_id).Bind(3, ServiceItemName(record.item))
        .Bind(4, ServiceStatusName(record.status)).Bind(5, record.updated_at).Bind(6, record.updated_by)
        .Bind(7, record.transport.state).Bind(8, record.transport.municipality).Bind(9, record.transport.bus)
        .Bind(10, record.transport.departure_at);
    auto step = stmt->Step();
    if (!step.ok()) {
      // Someone else recorded this item for the person first: the caller's view is stale.
      if (step.status().code() == StatusCode::kAlreadyExists) {
        return StaleVersion(std::string(ServiceItemName(record.item)) + " was recorded by someone else");
      }
      return step.status();
    }
    if (!*step) return Internal("insert service_record returned no id");
    record.id = stmt->Int(0);
    RETURN_IF_ERROR(stmt->Run());
    record.version = 1;
  } else {
    ASSIGN_OR_RETURN(auto stmt, db.Prepare(
        "UPDATE service_record SET site_id = ?, status = ?, updated_at = ?, updated_by = ?, destination_state = ?, "
        "destination_municipality = ?, bus = ?, departure_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
    stmt->Bind(1, record.site_id).Bind(2, ServiceStatusName(record.status)).Bind(3, record.updated_at)
        .Bind(4, record.updated_by).Bind(5, record.transport.state).Bind(6, record.transport.municipality)
        .Bind(7, record.transport.bus).Bind(8, record.transport.departure_at).Bind(9, record.id)
        .Bind(10, record.version);
    RETURN_IF_ERROR(stmt->Run());
    if (stmt->Changes() == 0) {
      return StaleVersion(std::string(ServiceItemName(record.item)) + " was changed by someone else");
    }
    record.version += 1;
  }
  ASSIGN_OR_RETURN(auto event, db.Prepare(
      "INSERT INTO service_event (record_id, site_id, item, status, at, by_user) VALUES (?, ?, ?, ?, ?, ?)"));
  event->Bind(1, record.id).Bind(2, record.site_id).Bind(3, ServiceItemName(record.item))
      .Bind(4, ServiceStatusName(record.status)).Bind(5, record.updated_at).Bind(6, record.updated_by);
  return event->Run();
}

StatusOr<std::vector<ArrivalCount>> CountArrivals(SqlConnection& db, const std::string& from_utc,
                                                  const std::string& to_utc) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT a.site_id, substr(a.arrived_at, 1, 10), p.sex, substr(p.birth_date, 1, 4), COUNT(*) "
      "FROM arrival a JOIN person p ON p.id = a.person_id WHERE a.arrived_at >= ? AND a.arrived_at < ? "
      "GROUP BY a.site_id, substr(a.arrived_at, 1, 10), p.sex, substr(p.birth_date, 1, 4) "
      "ORDER BY 2, 1"));
  stmt->Bind(1, from_utc).Bind(2, to_utc);
  return ReadAll<ArrivalCount>(*stmt, [](const SqlStatement& row) {
    ArrivalCount count;
    count.site_id = row.Int(0);
    count.day = row.Text(1);
    count.sex = row.Text(2);
    const std::string year = row.Text(3);
    count.birth_year = year.size() == 4 ? std::stoi(year) : 0;
    count.count = row.Int(4);
    return count;
  });
}

StatusOr<std::vector<ServiceCount>> CountServiceEvents(SqlConnection& db, const std::string& from_utc,
                                                       const std::string& to_utc) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT site_id, item, status, COUNT(*) FROM service_event WHERE at >= ? AND at < ? "
      "GROUP BY site_id, item, status ORDER BY site_id, item, status"));
  stmt->Bind(1, from_utc).Bind(2, to_utc);
  return ReadAll<ServiceCount>(*stmt, [](const SqlStatement& row) {
    ServiceCount count;
    count.site_id = row.Int(0);
    count.item = ParseServiceItem(row.Text(1)).value_or(ServiceItem::kRepatriationLetter);
    count.status = ParseServiceStatus(row.Text(2)).value_or(ServiceStatus::kPending);
    count.count = row.Int(3);
    return count;
  });
}

StatusOr<std::vector<std::pair<std::string, int64_t>>> CountTransportHome(SqlConnection& db,
                                                                          const std::string& from_utc,
                                                                          const std::string& to_utc) {
  ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT destination_state, COUNT(*) FROM service_record WHERE item = 'transport_home' AND status = 'done' "
      "AND updated_at >= ? AND updated_at < ? GROUP BY destination_state ORDER BY destination_state"));
  stmt->Bind(1, from_utc).Bind(2, to_utc);
  return ReadAll<std::pair<std::string, int64_t>>(
      *stmt, [](const SqlStatement& row) { return std::make_pair(row.Text(0), row.Int(1)); });
}

}  // namespace acogida::sql_reception
