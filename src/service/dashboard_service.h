// The network at a glance (issue #8): arrivals per day per site (the ports) by sex and age
// band, people in shelters now and arrivals today, bed occupancy per shelter, services
// delivered and declined, and transport home by destination state; and the exports: a CSV
// work list of a site's day for staff, and HXL-tagged CSV of arrivals for humanitarian
// reporting. Counts only, never names, except in the work list (staff of the site).
//
// Disclosure control: aggregates that leave the organisation show counts of 1 to 4 as "<5"
// (kSuppressed here, null plus "<5" on the wire): every HXL export, and the dashboard of roles
// that do not read persons (analysts). Coordinators see exact counts. Suppression is per cell;
// totals are suppressed by the same rule, not derived from suppressed cells.
// Rules: dashboards need kReadDashboards; the work list kExportWorklists at the site; HXL
// kExportAggregates. Every export is audited. Thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/account.h"
#include "core/bed_board.h"
#include "core/reception.h"
#include "core/site.h"
#include "service/clock.h"
#include "store/store.h"

namespace acogida {

struct SiteArrivals {
  Site site;
  std::vector<int64_t> per_day;  // parallel to Dashboard::days
  int64_t total = 0;
};

struct ServiceTotals {
  ServiceItem item = ServiceItem::kRepatriationLetter;
  int64_t offered = 0, accepted = 0, declined = 0, done = 0;
};

struct SiteOccupancy {
  Site site;
  Occupancy occupancy;  // summed over its sections
};

struct Dashboard {
  std::vector<std::string> days;  // "YYYY-MM-DD" (UTC), oldest first
  bool suppressed = false;        // small cells are hidden in this answer
  int64_t total_arrivals = 0;
  std::map<std::string, int64_t> by_sex;  // "F", "M", "X", "unknown"
  std::map<std::string, int64_t> by_age;  // AgeBand names
  std::vector<int64_t> per_day;           // all sites
  std::vector<SiteArrivals> sites;        // sites with arrivals in the period
  int64_t arrived_today = 0;
  int64_t in_shelters_now = 0;
  std::vector<SiteOccupancy> occupancy;   // every site with beds
  std::vector<ServiceTotals> services;    // status changes in the period, every item
  std::vector<std::pair<std::string, int64_t>> transport_home;  // INEGI state code → people
};

class DashboardService {
 public:
  DashboardService(Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // The last `days` days up to today (UTC), 7 to 366. InvalidArgument("days") otherwise.
  StatusOr<Dashboard> Get(const Actor& actor, int days);

  // The persons who arrived at the site on its local `date`, with each offered item's status:
  // CSV (RFC 4180, UTF-8 with a header row). Audited as an export listing the persons.
  StatusOr<std::string> WorklistCsv(const Actor& actor, int64_t site_id, const std::string& date);
  // Arrivals per UTC day and site over the last `days` days, by sex and age group, with an HXL
  // hashtag row; small cells suppressed. Audited as an export.
  StatusOr<std::string> ArrivalsHxlCsv(const Actor& actor, int days);

 private:
  Store& store_;
  Clock clock_;
};

// One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled); and a
// leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula.
std::string CsvField(const std::string& value);

}  // namespace acogida
