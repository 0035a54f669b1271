// Dashboards and exports (see dashboard_service.h).
#include "service/dashboard_service.h"

#include <algorithm>

#include "core/mexico.h"
#include "service/audit.h"
#include "service/person_access.h"
#include "service/time_zones.h"

namespace acogida {
namespace {

constexpr int kMinDays = 7;
constexpr int kMaxDays = 366;

Status Denied(const std::string& message) { return Status(StatusCode::kPermissionDenied, message); }

int64_t Cell(int64_t count, bool suppress) { return suppress && IsSuppressed(count) ? kSuppressed : count; }

std::string SexKey(const std::string& sex) { return sex.empty() ? "unknown" : sex; }

int YearOf(UtcTime time) {
  return static_cast<int>(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(time)).year());
}

std::vector<std::string> DaysUpTo(UtcTime now, int days) {
  std::vector<std::string> out;
  const auto today = std::chrono::floor<std::chrono::days>(now);
  for (int back = days - 1; back >= 0; --back) out.push_back(FormatUtcDate(UtcTime(today - std::chrono::days(back))));
  return out;
}

std::string NextDay(const std::string& day) {
  auto parsed = ParseDate(day, "day");
  return parsed.ok() ? FormatUtcDate(UtcTime(*parsed + std::chrono::days(1))) : day;
}

}  // namespace

std::string CsvField(const std::string& value) {
  std::string text = value;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) text = "'" + text;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char ch : text) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}

StatusOr<Dashboard> DashboardService::Get(const Actor& actor, int days) {
  if (!actor.Can(Permission::kReadDashboards)) return Denied("your role may not do this");
  if (days < kMinDays || days > kMaxDays) return InvalidArgument("days", "must be 7 to 366");
  const UtcTime now = clock_();
  Dashboard out;
  out.days = DaysUpTo(now, days);
  out.suppressed = !actor.Can(Permission::kReadPersons);
  const std::string from = out.days.front() + "T00:00:00Z";
  const std::string to = NextDay(out.days.back()) + "T00:00:00Z";
  const std::string now_text = FormatUtc(now);
  const int year = YearOf(now);
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(std::vector<Site> sites, tx.ListSites());
    std::map<int64_t, size_t> site_index;
    ASSIGN_OR_RETURN(std::vector<ArrivalCount> arrivals, tx.CountArrivals(from, to));
    out.per_day.assign(out.days.size(), 0);
    for (const ArrivalCount& count : arrivals) {
      const auto day = std::lower_bound(out.days.begin(), out.days.end(), count.day);
      if (day == out.days.end() || *day != count.day) continue;
      const size_t day_idx = static_cast<size_t>(day - out.days.begin());
      auto [it, added] = site_index.emplace(count.site_id, out.sites.size());
      if (added) {
        SiteArrivals entry;
        for (const Site& site : sites) {
          if (site.id == count.site_id) entry.site = site;
        }
        entry.per_day.assign(out.days.size(), 0);
        out.sites.push_back(std::move(entry));
      }
      out.sites[it->second].per_day[day_idx] += count.count;
      out.sites[it->second].total += count.count;
      out.per_day[day_idx] += count.count;
      out.total_arrivals += count.count;
      out.by_sex[SexKey(count.sex)] += count.count;
      out.by_age[AgeBand(count.birth_year, year)] += count.count;
      if (day_idx + 1 == out.days.size()) out.arrived_today += count.count;
    }
    ASSIGN_OR_RETURN(std::vector<SectionUsage> usage, tx.ListSectionUsage(0, now_text));
    for (const Site& site : sites) {
      SiteOccupancy one{site, {}};
      bool any = false;
      for (const SectionUsage& section : usage) {
        if (section.site_id != site.id) continue;
        any = true;
        one.occupancy.beds += section.occupancy.beds;
        one.occupancy.occupied += section.occupancy.occupied;
        one.occupancy.held += section.occupancy.held;
      }
      if (!any) continue;
      out.in_shelters_now += one.occupancy.occupied;
      out.occupancy.push_back(std::move(one));
    }
    ASSIGN_OR_RETURN(std::vector<ServiceCount> services, tx.CountServiceEvents(from, to));
    for (ServiceItem item : AllServiceItems()) out.services.push_back({item, 0, 0, 0, 0});
    for (const ServiceCount& count : services) {
      ServiceTotals& totals = out.services[static_cast<size_t>(count.item)];
      switch (count.status) {
        case ServiceStatus::kOffered: totals.offered += count.count; break;
        case ServiceStatus::kAccepted: totals.accepted += count.count; break;
        case ServiceStatus::kDeclined: totals.declined += count.count; break;
        case ServiceStatus::kDone: totals.done += count.count; break;
        case ServiceStatus::kPending: break;
      }
    }
    ASSIGN_OR_RETURN(out.transport_home, tx.CountTransportHome(from, to));
    return OkStatus();
  }));
  if (out.suppressed) {
    const bool s = true;
    out.total_arrivals = Cell(out.total_arrivals, s);
    for (auto& [key, count] : out.by_sex) count = Cell(count, s);
    for (auto& [key, count] : out.by_age) count = Cell(count, s);
    for (int64_t& count : out.per_day) count = Cell(count, s);
    for (SiteArrivals& site : out.sites) {
      for (int64_t& count : site.per_day) count = Cell(count, s);
      site.total = Cell(site.total, s);
    }
    out.arrived_today = Cell(out.arrived_today, s);
    out.in_shelters_now = Cell(out.in_shelters_now, s);
    for (SiteOccupancy& site : out.occupancy) {
      site.occupancy.occupied = static_cast<int>(Cell(site.occupancy.occupied, s));
      site.occupancy.held = static_cast<int>(Cell(site.occupancy.held, s));
    }
    for (ServiceTotals& totals : out.services) {
      totals.offered = Cell(totals.offered, s);
      totals.accepted = Cell(totals.accepted, s);
      totals.declined = Cell(totals.declined, s);
      totals.done = Cell(totals.done, s);
    }
    for (auto& [state, count] : out.transport_home) count = Cell(count, s);
  }
  return out;
}

StatusOr<std::string> DashboardService::WorklistCsv(const Actor& actor, int64_t site_id, const std::string& date) {
  if (!actor.Can(Permission::kExportWorklists)) return Denied("your role may not do this");
  if (!actor.CoversSite(site_id)) return Denied("you do not work at site " + std::to_string(site_id));
  ASSIGN_OR_RETURN(std::chrono::sys_days day, ParseDate(date, "date"));
  std::string csv;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Site site, tx.GetSite(site_id));
    ASSIGN_OR_RETURN(auto zone, SystemTimeZones().Find(site.timezone));
    const auto bounds = zone->DayBounds(day);
    ASSIGN_OR_RETURN(std::vector<ArrivalView> arrivals,
                     tx.ListArrivalsAtSite(site_id, FormatUtc(bounds.first), FormatUtc(bounds.second)));
    std::vector<int64_t> ids;
    for (const ArrivalView& view : arrivals) ids.push_back(view.arrival.person_id);
    ASSIGN_OR_RETURN(std::vector<ServiceRecord> records, tx.ListServiceRecords(ids));
    const std::vector<ServiceItem> offered = OfferedItems(site.services_offered);
    csv = "person_id,full_name,batch,arrived_at";
    for (ServiceItem item : offered) csv += "," + std::string(ServiceItemName(item));
    csv += "\r\n";
    std::vector<std::string> listed;
    for (const ArrivalView& view : arrivals) {
      csv += std::to_string(view.arrival.person_id) + "," + CsvField(view.full_name) + "," +
             CsvField(view.arrival.batch_id) + "," + view.arrival.arrived_at;
      for (ServiceItem item : offered) {
        std::string status = "pending";
        for (const ServiceRecord& record : records) {
          if (record.person_id == view.arrival.person_id && record.item == item) {
            status = std::string(ServiceStatusName(record.status));
          }
        }
        csv += "," + status;
      }
      csv += "\r\n";
      listed.push_back("person:" + std::to_string(view.arrival.person_id));
    }
    listed.push_back("export:worklist");
    return AppendAuditRow(tx, actor, audit_action::kSearch, "person", 0, std::move(listed));
  }));
  return csv;
}

StatusOr<std::string> DashboardService::ArrivalsHxlCsv(const Actor& actor, int days) {
  if (!actor.Can(Permission::kExportAggregates)) return Denied("your role may not do this");
  if (days < 1 || days > kMaxDays) return InvalidArgument("days", "must be 1 to 366");
  const UtcTime now = clock_();
  const std::vector<std::string> day_list = DaysUpTo(now, days);
  const std::string from = day_list.front() + "T00:00:00Z";
  const std::string to = NextDay(day_list.back()) + "T00:00:00Z";
  const int year = YearOf(now);
  std::string csv =
      "Date,Site,City,State,Arrivals,Women,Men,Children (0-17),Adults (18-59),Older people (60+)\r\n"
      "#date,#loc+name,#adm2+name,#adm1+code,#affected+arrived+total,#affected+arrived+f,#affected+arrived+m,"
      "#affected+arrived+children,#affected+arrived+adults,#affected+arrived+elderly\r\n";
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(std::vector<Site> sites, tx.ListSites());
    ASSIGN_OR_RETURN(std::vector<ArrivalCount> arrivals, tx.CountArrivals(from, to));
    struct Row { int64_t total = 0, women = 0, men = 0, children = 0, adults = 0, older = 0; };
    std::map<std::pair<std::string, int64_t>, Row> rows;
    for (const ArrivalCount& count : arrivals) {
      Row& row = rows[{count.day, count.site_id}];
      row.total += count.count;
      if (count.sex == "F") row.women += count.count;
      if (count.sex == "M") row.men += count.count;
      const std::string band = AgeBand(count.birth_year, year);
      if (band == "0-4" || band == "5-11" || band == "12-17") row.children += count.count;
      else if (band == "60+") row.older += count.count;
      else if (band != "unknown") row.adults += count.count;
    }
    for (const auto& [key, row] : rows) {
      const Site* site = nullptr;
      for (const Site& candidate : sites) {
        if (candidate.id == key.second) site = &candidate;
      }
      if (!site) continue;
      const MexicanState* state = StateByInegiCode(site->state);
      csv += key.first + "," + CsvField(site->name) + "," + CsvField(site->city) + "," +
             (state ? "MX" + site->state : site->state);
      for (int64_t cell : {row.total, row.women, row.men, row.children, row.adults, row.older}) {
        csv += "," + SuppressedText(cell);
      }
      csv += "\r\n";
    }
    return AppendAuditRow(tx, actor, audit_action::kSearch, "export", 0,
                          {"export:arrivals-hxl", "days:" + std::to_string(days)});
  }));
  return csv;
}

}  // namespace acogida
