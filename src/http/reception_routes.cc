// The reception flow, dashboards and exports (issue #8):
//   GET  /api/v1/persons/{id}/services        a person's services checklist (?site_id=, default their latest site)
//   POST /api/v1/persons/{id}/services        move one item: {site_id, item, status, version, transport?}
//   GET  /api/v1/sites/{id}/batches           the batches (bus, flight) that arrived on a local ?date=
//   GET  /api/v1/sites/{id}/batch             one batch (?date=&batch_id=): who still needs what, desk queues
//   GET  /api/v1/dashboard                    the network at a glance over ?days= (7..366, default 30)
//   GET  /api/v1/exports/worklist.csv         a site's day as a CSV work list (?site_id=&date=)
//   GET  /api/v1/exports/arrivals-hxl.csv     arrivals per day and site, HXL-tagged, small cells "<5" (?days=)
#include "http/api.h"
#include "http/json_codec.h"

namespace acogida::http {
namespace {

StatusOr<ReceptionService*> Reception(ReceptionService* service) {
  if (service == nullptr) return Unavailable("the reception flow is not running on this server");
  return service;
}

StatusOr<DashboardService*> Dashboards(DashboardService* service) {
  if (service == nullptr) return Unavailable("dashboards are not running on this server");
  return service;
}

// A count, or null when it is a small cell that may not be shown ("<5").
Json Count(int64_t count) { return count == kSuppressed ? Json(nullptr) : Json(count); }

Json RecordToJson(const ServiceRecord& record) {
  Json out{{"item", ServiceItemName(record.item)},
           {"status", ServiceStatusName(record.status)},
           {"site_id", record.site_id},
           {"updated_at", record.updated_at},
           {"updated_by", record.updated_by},
           {"version", record.version}};
  if (record.item == ServiceItem::kTransportHome) {
    out["transport"] = Json{{"state", record.transport.state}, {"municipality", record.transport.municipality},
                            {"bus", record.transport.bus}, {"departure_at", record.transport.departure_at}};
  }
  return out;
}

StatusOr<std::string> RequiredParam(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return InvalidArgument(name, "is required");
  return req.get_param_value(name);
}

StatusOr<ServiceUpdate> UpdateFromJson(const Json& body) {
  ServiceUpdate update;
  ASSIGN_OR_RETURN(update.site_id, ReadInt(body, "site_id", "site_id", Presence::kRequired));
  ASSIGN_OR_RETURN(std::string item, ReadString(body, "item", "item", Presence::kRequired));
  auto parsed_item = ParseServiceItem(item);
  if (!parsed_item) return InvalidArgument("item", "is not a service of the checklist");
  update.item = *parsed_item;
  ASSIGN_OR_RETURN(std::string status, ReadString(body, "status", "status", Presence::kRequired));
  auto parsed_status = ParseServiceStatus(status);
  if (!parsed_status || *parsed_status == ServiceStatus::kPending) {
    return InvalidArgument("status", "must be offered, accepted, declined or done");
  }
  update.status = *parsed_status;
  ASSIGN_OR_RETURN(update.version, ReadInt(body, "version", "version", Presence::kRequired));
  auto transport = body.find("transport");
  if (transport != body.end() && !transport->is_null()) {
    if (!transport->is_object()) return InvalidArgument("transport", "must be an object");
    ASSIGN_OR_RETURN(update.transport.state, ReadString(*transport, "state", "transport.state", Presence::kOptional));
    ASSIGN_OR_RETURN(update.transport.municipality,
                     ReadString(*transport, "municipality", "transport.municipality", Presence::kOptional));
    ASSIGN_OR_RETURN(update.transport.bus, ReadString(*transport, "bus", "transport.bus", Presence::kOptional));
    ASSIGN_OR_RETURN(update.transport.departure_at,
                     ReadString(*transport, "departure_at", "transport.departure_at", Presence::kOptional));
  }
  return update;
}

Json DashboardToJson(const Dashboard& dashboard) {
  Json sites = Json::array();
  for (const SiteArrivals& site : dashboard.sites) {
    Json per_day = Json::array();
    for (int64_t count : site.per_day) per_day.push_back(Count(count));
    sites.push_back(Json{{"site_id", site.site.id}, {"site_name", site.site.name}, {"city", site.site.city},
                         {"kind", SiteKindName(site.site.kind)}, {"total", Count(site.total)},
                         {"per_day", std::move(per_day)}});
  }
  Json per_day = Json::array();
  for (int64_t count : dashboard.per_day) per_day.push_back(Count(count));
  Json by_sex = Json::object(), by_age = Json::object();
  for (const auto& [key, count] : dashboard.by_sex) by_sex[key] = Count(count);
  for (const auto& [key, count] : dashboard.by_age) by_age[key] = Count(count);
  Json occupancy = Json::array();
  for (const SiteOccupancy& site : dashboard.occupancy) {
    occupancy.push_back(Json{{"site_id", site.site.id}, {"site_name", site.site.name}, {"city", site.site.city},
                             {"beds", site.occupancy.beds}, {"occupied", Count(site.occupancy.occupied)},
                             {"held", Count(site.occupancy.held)}});
  }
  Json services = Json::array();
  for (const ServiceTotals& totals : dashboard.services) {
    services.push_back(Json{{"item", ServiceItemName(totals.item)}, {"offered", Count(totals.offered)},
                            {"accepted", Count(totals.accepted)}, {"declined", Count(totals.declined)},
                            {"done", Count(totals.done)}});
  }
  Json transport = Json::array();
  for (const auto& [state, count] : dashboard.transport_home) {
    transport.push_back(Json{{"state", state}, {"count", Count(count)}});
  }
  return Json{{"days", dashboard.days},           {"suppressed", dashboard.suppressed},
              {"total_arrivals", Count(dashboard.total_arrivals)},
              {"per_day", std::move(per_day)},     {"by_sex", std::move(by_sex)},
              {"by_age", std::move(by_age)},       {"sites", std::move(sites)},
              {"arrived_today", Count(dashboard.arrived_today)},
              {"in_shelters_now", Count(dashboard.in_shelters_now)},
              {"occupancy", std::move(occupancy)}, {"services", std::move(services)},
              {"transport_home", std::move(transport)}};
}

Reply Csv(std::string text, const std::string& filename) {
  Reply reply;
  reply.content_type = "text/csv; charset=utf-8";
  reply.text = std::move(text);
  reply.headers = {{"Content-Disposition", "attachment; filename=\"" + filename + "\""},
                   {"Cache-Control", "no-store"}};
  return reply;
}

}  // namespace

void AddReceptionRoutes(Router& router, const Services& services) {
  ReceptionService* reception = services.reception;
  DashboardService* dashboards = services.dashboards;

  router.Add(Method::kGet, "/api/v1/persons/{id}/services", Needs::Role(Permission::kReadPersons, SiteScope::kPersonRecord),
             [reception](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReceptionService * service, Reception(reception));
    ASSIGN_OR_RETURN(int64_t person_id, PathId(call, 1));
    ASSIGN_OR_RETURN(int site_id, QueryInt(call.req, "site_id", 0));
    ASSIGN_OR_RETURN(Checklist checklist, service->GetChecklist(call.actor(), person_id, site_id));
    Json items = Json::array();
    for (const ChecklistItem& item : checklist.items) {
      Json out = RecordToJson(item.record);
      out["offered_here"] = item.offered_here;
      items.push_back(std::move(out));
    }
    return Reply{200, Json{{"person_id", checklist.person_id}, {"site_id", checklist.site.id},
                           {"site_name", checklist.site.name}, {"items", std::move(items)}}};
  });

  router.Add(Method::kPost, "/api/v1/persons/{id}/services", Needs::Role(Permission::kRegisterArrivals, SiteScope::kActAtSite),
             [reception](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReceptionService * service, Reception(reception));
    ASSIGN_OR_RETURN(int64_t person_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(ServiceUpdate update, UpdateFromJson(body));
    auto record = service->UpdateItem(call.actor(), person_id, update);
    if (IsStaleVersion(record.status())) {
      ASSIGN_OR_RETURN(Checklist now, service->GetChecklist(call.actor(), person_id, update.site_id));
      return StaleEdit(record.status(), RecordToJson(now.items[static_cast<size_t>(update.item)].record));
    }
    if (!record.ok()) return record.status();
    return Reply{200, RecordToJson(*record)};
  });

  router.Add(Method::kGet, "/api/v1/sites/{id}/batches", Needs::Role(Permission::kReadPersons, SiteScope::kActAtSite),
             [reception](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReceptionService * service, Reception(reception));
    ASSIGN_OR_RETURN(int64_t site_id, PathId(call, 1));
    ASSIGN_OR_RETURN(std::string date, RequiredParam(call.req, "date"));
    ASSIGN_OR_RETURN(std::vector<BatchSummary> batches, service->ListBatches(call.actor(), site_id, date));
    Json items = Json::array();
    for (const BatchSummary& batch : batches) {
      items.push_back(Json{{"batch_id", batch.batch_id}, {"first_arrival", batch.first_arrival},
                           {"persons", batch.persons}});
    }
    return Reply{200, Json{{"site_id", site_id}, {"date", date}, {"items", std::move(items)}}};
  });

  router.Add(Method::kGet, "/api/v1/sites/{id}/batch", Needs::Role(Permission::kReadPersons, SiteScope::kActAtSite),
             [reception](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReceptionService * service, Reception(reception));
    ASSIGN_OR_RETURN(int64_t site_id, PathId(call, 1));
    ASSIGN_OR_RETURN(std::string date, RequiredParam(call.req, "date"));
    const std::string batch_id = call.req.get_param_value("batch_id");
    ASSIGN_OR_RETURN(BatchView view, service->GetBatch(call.actor(), site_id, date, batch_id));
    Json persons = Json::array();
    for (const BatchPerson& person : view.persons) {
      Json records = Json::array();
      for (const ServiceRecord& record : person.records) records.push_back(RecordToJson(record));
      Json needed = Json::array();
      for (ServiceItem item : person.still_needed) needed.push_back(ServiceItemName(item));
      persons.push_back(Json{{"person_id", person.person_id}, {"full_name", person.full_name},
                             {"records", std::move(records)}, {"still_needed", std::move(needed)}});
    }
    Json desks = Json::array();
    for (const DeskQueue& desk : view.desks) {
      desks.push_back(Json{{"item", ServiceItemName(desk.item)}, {"waiting", desk.waiting}, {"done", desk.done},
                           {"declined", desk.declined}, {"pending", desk.pending}});
    }
    return Reply{200, Json{{"site_id", view.site.id}, {"site_name", view.site.name}, {"date", view.date},
                           {"batch_id", view.batch_id}, {"persons", std::move(persons)}, {"desks", std::move(desks)}}};
  });

  router.Add(Method::kGet, "/api/v1/dashboard", Needs::Role(Permission::kReadDashboards),
             [dashboards](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(DashboardService * service, Dashboards(dashboards));
    ASSIGN_OR_RETURN(int days, QueryInt(call.req, "days", 30));
    ASSIGN_OR_RETURN(Dashboard dashboard, service->Get(call.actor(), days));
    return Reply{200, DashboardToJson(dashboard)};
  });

  router.Add(Method::kGet, "/api/v1/exports/worklist.csv", Needs::Role(Permission::kExportWorklists, SiteScope::kActAtSite),
             [dashboards](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(DashboardService * service, Dashboards(dashboards));
    ASSIGN_OR_RETURN(int site_id, QueryInt(call.req, "site_id", 0));
    ASSIGN_OR_RETURN(std::string date, RequiredParam(call.req, "date"));
    ASSIGN_OR_RETURN(std::string csv, service->WorklistCsv(call.actor(), site_id, date));
    return Csv(std::move(csv), "acogida-" + std::to_string(site_id) + "-" + date + ".csv");
  });

  router.Add(Method::kGet, "/api/v1/exports/arrivals-hxl.csv", Needs::Role(Permission::kExportAggregates),
             [dashboards](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(DashboardService * service, Dashboards(dashboards));
    ASSIGN_OR_RETURN(int days, QueryInt(call.req, "days", 30));
    ASSIGN_OR_RETURN(std::string csv, service->ArrivalsHxlCsv(call.actor(), days));
    return Csv(std::move(csv), "acogida-arrivals-hxl.csv");
  });
}

}  // namespace acogida::http
