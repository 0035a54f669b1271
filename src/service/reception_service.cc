// The services checklist and batch views (see reception_service.h).
#include "service/reception_service.h"

#include <algorithm>
#include <map>

#include "service/audit.h"
#include "service/person_access.h"
#include "service/time_zones.h"

namespace acogida {
namespace {

Status Denied(const std::string& message) { return Status(StatusCode::kPermissionDenied, message); }

StatusOr<std::pair<std::string, std::string>> LocalDayBounds(const Site& site, const std::string& date) {
  ASSIGN_OR_RETURN(std::chrono::sys_days day, ParseDate(date, "date"));
  ASSIGN_OR_RETURN(auto zone, SystemTimeZones().Find(site.timezone));
  auto bounds = zone->DayBounds(day);
  return std::make_pair(FormatUtc(bounds.first), FormatUtc(bounds.second));
}

const ServiceRecord* Find(const std::vector<ServiceRecord>& records, int64_t person_id, ServiceItem item) {
  for (const ServiceRecord& record : records) {
    if (record.person_id == person_id && record.item == item) return &record;
  }
  return nullptr;
}

}  // namespace

StatusOr<Checklist> ReceptionService::GetChecklist(const Actor& actor, int64_t person_id, int64_t site_id) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  Checklist out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    out = Checklist{};
    ASSIGN_OR_RETURN(Person person, tx.GetPerson(person_id));
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, person.id));
    out.person_id = person.id;
    if (site_id == 0) {
      ASSIGN_OR_RETURN(std::vector<ArrivalView> arrivals, tx.ListArrivalsOfPerson(person.id));
      ASSIGN_OR_RETURN(Household household, tx.GetHousehold(person.household_id));
      site_id = household.site_id;
      std::string latest;
      for (const ArrivalView& view : arrivals) {
        if (view.arrival.arrived_at >= latest) {
          latest = view.arrival.arrived_at;
          site_id = view.arrival.site_id;
        }
      }
    }
    auto site = tx.GetSite(site_id);
    if (!site.ok()) return InvalidArgument("site_id", "no such site");
    out.site = *site;
    ASSIGN_OR_RETURN(std::vector<ServiceRecord> records, tx.ListServiceRecords({person.id}));
    for (ServiceItem item : AllServiceItems()) {
      ChecklistItem entry;
      entry.item = item;
      entry.offered_here = Offers(out.site.services_offered, item);
      const ServiceRecord* record = Find(records, person.id, item);
      if (record) {
        entry.record = *record;
      } else {
        entry.record.person_id = person.id;
        entry.record.item = item;
        entry.record.version = 0;
      }
      out.items.push_back(std::move(entry));
    }
    return AppendAuditRow(tx, actor, audit_action::kRead, "person", person.id, {"services"});
  }));
  return out;
}

StatusOr<ServiceRecord> ReceptionService::UpdateItem(const Actor& actor, int64_t person_id, ServiceUpdate update) {
  if (!actor.Can(Permission::kRegisterArrivals)) return Denied("your role may not do this");
  if (!actor.CoversSite(update.site_id)) return Denied("you do not work at site " + std::to_string(update.site_id));
  const bool transport = update.item == ServiceItem::kTransportHome &&
                         (update.status == ServiceStatus::kAccepted || update.status == ServiceStatus::kDone);
  if (transport) RETURN_IF_ERROR(ValidateTransport(update.transport));
  const std::string now = FormatUtc(clock_());
  ServiceRecord record;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    auto site = tx.GetSite(update.site_id);
    if (!site.ok()) return InvalidArgument("site_id", "no such site");
    if (!Offers(site->services_offered, update.item)) {
      return Status(StatusCode::kFailedPrecondition, site->name + " does not offer this service", "item");
    }
    ASSIGN_OR_RETURN(Person person, tx.GetPerson(person_id));
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, person.id));
    ASSIGN_OR_RETURN(std::vector<ServiceRecord> records, tx.ListServiceRecords({person.id}));
    const ServiceRecord* current = Find(records, person.id, update.item);
    record = current ? *current : ServiceRecord{};
    if (!current) {
      record.person_id = person.id;
      record.item = update.item;
      record.version = 0;
    }
    if (record.version != update.version) {
      return StaleVersion(std::string(ServiceItemName(update.item)) + " was changed by someone else (version " +
                          std::to_string(record.version) + ")");
    }
    RETURN_IF_ERROR(CheckServiceTransition(record.status, update.status));
    record.status = update.status;
    record.site_id = site->id;
    record.updated_at = now;
    record.updated_by = actor.user.username;
    if (transport) record.transport = update.transport;
    RETURN_IF_ERROR(tx.SaveServiceRecord(record));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "person", person.id,
                          {"services." + std::string(ServiceItemName(update.item))});
  }));
  return record;
}

StatusOr<std::vector<BatchSummary>> ReceptionService::ListBatches(const Actor& actor, int64_t site_id,
                                                                  const std::string& date) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  if (!actor.CoversSite(site_id)) return Denied("you do not work at site " + std::to_string(site_id));
  std::vector<BatchSummary> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(Site site, tx.GetSite(site_id));
    ASSIGN_OR_RETURN(auto bounds, LocalDayBounds(site, date));
    ASSIGN_OR_RETURN(std::vector<ArrivalView> arrivals, tx.ListArrivalsAtSite(site_id, bounds.first, bounds.second));
    std::map<std::string, size_t> index;
    for (const ArrivalView& view : arrivals) {
      auto [it, added] = index.emplace(view.arrival.batch_id, out.size());
      if (added) out.push_back({view.arrival.batch_id, view.arrival.arrived_at, 0});
      out[it->second].persons += 1;
    }
    return OkStatus();
  }));
  return out;
}

StatusOr<BatchView> ReceptionService::GetBatch(const Actor& actor, int64_t site_id, const std::string& date,
                                               const std::string& batch_id) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  if (!actor.CoversSite(site_id)) return Denied("you do not work at site " + std::to_string(site_id));
  BatchView view;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    view = BatchView{};
    ASSIGN_OR_RETURN(view.site, tx.GetSite(site_id));
    view.date = date;
    view.batch_id = batch_id;
    ASSIGN_OR_RETURN(auto bounds, LocalDayBounds(view.site, date));
    ASSIGN_OR_RETURN(std::vector<ArrivalView> arrivals, tx.ListArrivalsAtSite(site_id, bounds.first, bounds.second));
    std::vector<int64_t> ids;
    for (const ArrivalView& arrival : arrivals) {
      if (arrival.arrival.batch_id != batch_id) continue;
      if (std::find(ids.begin(), ids.end(), arrival.arrival.person_id) != ids.end()) continue;
      ids.push_back(arrival.arrival.person_id);
      view.persons.push_back({arrival.arrival.person_id, arrival.full_name, {}, {}});
    }
    ASSIGN_OR_RETURN(std::vector<ServiceRecord> records, tx.ListServiceRecords(ids));
    const std::vector<ServiceItem> offered = OfferedItems(view.site.services_offered);
    for (ServiceItem item : offered) view.desks.push_back({item, 0, 0, 0, 0});
    std::vector<std::string> shown;
    for (BatchPerson& person : view.persons) {
      shown.push_back("person:" + std::to_string(person.person_id));
      for (size_t idx = 0; idx < offered.size(); ++idx) {
        const ServiceRecord* record = Find(records, person.person_id, offered[idx]);
        const ServiceStatus status = record ? record->status : ServiceStatus::kPending;
        if (record) person.records.push_back(*record);
        DeskQueue& desk = view.desks[idx];
        switch (status) {
          case ServiceStatus::kPending: ++desk.pending; break;
          case ServiceStatus::kOffered:
          case ServiceStatus::kAccepted: ++desk.waiting; break;
          case ServiceStatus::kDeclined: ++desk.declined; break;
          case ServiceStatus::kDone: ++desk.done; break;
        }
        if (status != ServiceStatus::kDone && status != ServiceStatus::kDeclined) person.still_needed.push_back(offered[idx]);
      }
    }
    return AppendAuditRow(tx, actor, audit_action::kSearch, "person", 0, std::move(shown));
  }));
  return view;
}

}  // namespace acogida
