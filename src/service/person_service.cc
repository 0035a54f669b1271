// Person reads and search.
#include "service/person_service.h"

#include "core/names.h"
#include "service/time_zones.h"

namespace acogida {

namespace {
constexpr int kMaxLimit = 100;
constexpr size_t kMaxQueryLength = 200;
constexpr size_t kMaxQueryTokens = 6;
}  // namespace

StatusOr<PersonDetail> PersonService::Get(int64_t person_id) {
  PersonDetail detail;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(detail.person, tx.GetPerson(person_id));
    ASSIGN_OR_RETURN(detail.arrivals, tx.ListArrivalsOfPerson(person_id));
    return OkStatus();
  }));
  return detail;
}

StatusOr<Household> PersonService::GetHousehold(int64_t household_id) {
  Household household;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(household, tx.GetHousehold(household_id));
    return OkStatus();
  }));
  return household;
}

StatusOr<PersonPage> PersonService::Search(const PersonQuery& query) {
  if (query.limit < 1 || query.limit > kMaxLimit) return InvalidArgument("limit", "must be 1 to 100");
  if (query.offset < 0) return InvalidArgument("offset", "must be 0 or more");
  if (query.text.size() > kMaxQueryLength) return InvalidArgument("q", "must be at most 200 characters");
  PersonSearch search;
  search.tokens = NameTokens(query.text);
  if (search.tokens.size() > kMaxQueryTokens) return InvalidArgument("q", "must have at most 6 words");
  search.limit = query.limit;
  search.offset = query.offset;
  PersonPage page;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(page, tx.SearchPersons(search));
    return OkStatus();
  }));
  return page;
}

StatusOr<SiteDayArrivals> PersonService::ArrivalsAtSite(int64_t site_id, const std::string& date) {
  ASSIGN_OR_RETURN(std::chrono::sys_days day, ParseDate(date, "date"));
  SiteDayArrivals out;
  out.date = date;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out.site, tx.GetSite(site_id));
    ASSIGN_OR_RETURN(auto zone, SystemTimeZones().Find(out.site.timezone));
    auto bounds = zone->DayBounds(day);
    ASSIGN_OR_RETURN(out.items, tx.ListArrivalsAtSite(site_id, FormatUtc(bounds.first), FormatUtc(bounds.second)));
    return OkStatus();
  }));
  return out;
}

}  // namespace acogida
