// Person reads and search.
#include "service/person_service.h"

#include "core/names.h"
#include "service/audit.h"
#include "service/intake_service.h"
#include "service/time_zones.h"

namespace acogida {

namespace {
constexpr int kMaxLimit = 100;
constexpr size_t kMaxQueryLength = 200;
constexpr size_t kMaxQueryTokens = 6;
constexpr size_t kMinReasonLength = 5;
constexpr size_t kMaxReasonLength = 300;

const Status kCannotReadPersons(StatusCode::kPermissionDenied, "your role does not read persons' records");

Status CheckCanRead(const Actor& actor, bool needs_reason) {
  if (!actor.Can(Permission::kReadPersons)) return kCannotReadPersons;
  if (needs_reason && WorksAtAllSites(actor.user.role) && actor.reason.empty()) {
    return Status(StatusCode::kPermissionDenied, "coordinators must give a reason to open a person's record",
                  "reason");
  }
  if (!actor.reason.empty()) {
    // Characters, not bytes: count the UTF-8 lead bytes.
    size_t chars = 0;
    for (unsigned char byte : actor.reason) chars += (byte & 0xC0) != 0x80 ? 1 : 0;
    if (chars < kMinReasonLength || chars > kMaxReasonLength) {
      return InvalidArgument("reason", "must be 5 to 300 characters");
    }
  }
  return OkStatus();
}

// NotFound unless one of the person's sites is the actor's: others must not learn it exists.
Status CheckPersonInScope(Tx& tx, const Actor& actor, int64_t person_id) {
  ASSIGN_OR_RETURN(std::vector<int64_t> sites, tx.SitesOfPerson(person_id));
  for (int64_t site_id : sites) {
    if (actor.CoversSite(site_id)) return OkStatus();
  }
  return NotFound("person " + std::to_string(person_id) + " does not exist");
}

}  // namespace

StatusOr<PersonDetail> PersonService::Get(const Actor& actor, int64_t person_id) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/true));
  PersonDetail detail;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(detail.person, tx.GetPerson(person_id));
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, person_id));
    ASSIGN_OR_RETURN(detail.arrivals, tx.ListArrivalsOfPerson(person_id));
    ASSIGN_OR_RETURN(detail.person.consents, tx.CurrentConsents(person_id));
    std::vector<std::string> fields = FilledPersonFields(detail.person);
    fields.push_back("arrivals");
    fields.push_back("consents");
    return AppendAuditRow(tx, actor, audit_action::kRead, "person", person_id, std::move(fields));
  }));
  return detail;
}

StatusOr<Household> PersonService::GetHousehold(const Actor& actor, int64_t household_id) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/true));
  Household household;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(household, tx.GetHousehold(household_id));
    if (!actor.CoversSite(household.site_id)) {
      return NotFound("household " + std::to_string(household_id) + " does not exist");
    }
    RETURN_IF_ERROR(AppendAuditRow(tx, actor, audit_action::kRead, "household", household_id));
    for (const Person& member : household.members) {
      RETURN_IF_ERROR(AppendAuditRow(tx, actor, audit_action::kRead, "person", member.id, FilledPersonFields(member)));
    }
    return OkStatus();
  }));
  return household;
}

StatusOr<PersonPage> PersonService::Search(const Actor& actor, const PersonQuery& query) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  if (query.limit < 1 || query.limit > kMaxLimit) return InvalidArgument("limit", "must be 1 to 100");
  if (query.offset < 0) return InvalidArgument("offset", "must be 0 or more");
  if (query.text.size() > kMaxQueryLength) return InvalidArgument("q", "must be at most 200 characters");
  PersonSearch search;
  search.tokens = NameTokens(query.text);
  if (search.tokens.size() > kMaxQueryTokens) return InvalidArgument("q", "must have at most 6 words");
  search.limit = query.limit;
  search.offset = query.offset;
  search.scoped = !WorksAtAllSites(actor.user.role);
  search.site_ids = actor.user.site_ids;
  PersonPage page;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(page, tx.SearchPersons(search));
    std::vector<std::string> results;
    for (const Person& person : page.items) results.push_back("person:" + std::to_string(person.id));
    return AppendAuditRow(tx, actor, audit_action::kSearch, "person", 0, std::move(results));
  }));
  return page;
}

StatusOr<SiteDayArrivals> PersonService::ArrivalsAtSite(const Actor& actor, int64_t site_id,
                                                        const std::string& date) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  if (!actor.CoversSite(site_id)) {
    return Status(StatusCode::kPermissionDenied, "you do not work at site " + std::to_string(site_id));
  }
  ASSIGN_OR_RETURN(std::chrono::sys_days day, ParseDate(date, "date"));
  SiteDayArrivals out;
  out.date = date;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out.site, tx.GetSite(site_id));
    ASSIGN_OR_RETURN(auto zone, SystemTimeZones().Find(out.site.timezone));
    auto bounds = zone->DayBounds(day);
    ASSIGN_OR_RETURN(out.items, tx.ListArrivalsAtSite(site_id, FormatUtc(bounds.first), FormatUtc(bounds.second)));
    std::vector<std::string> results;
    for (const ArrivalView& view : out.items) results.push_back("person:" + std::to_string(view.arrival.person_id));
    return AppendAuditRow(tx, actor, audit_action::kSearch, "person", 0, std::move(results));
  }));
  return out;
}

}  // namespace acogida

namespace acogida {

StatusOr<Consents> PersonService::UpdateConsents(const Actor& actor, int64_t person_id, Consents consents) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/true));
  // Services may be withdrawn here (the record is then anonymised by the retention job);
  // partner names are checked and cleaned as at intake.
  Consents check = consents;
  check.services = true;
  RETURN_IF_ERROR(ValidateConsents(check));
  consents.share_with = check.share_with;
  Consents now_in_force;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.GetPerson(person_id).status());
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, person_id));
    RETURN_IF_ERROR(tx.RecordConsents(person_id, consents, actor.user.username));
    ASSIGN_OR_RETURN(now_in_force, tx.CurrentConsents(person_id));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "person", person_id, {"consents"});
  }));
  return now_in_force;
}

StatusOr<std::vector<TracingMatch>> PersonService::Trace(const Actor& actor, const PersonQuery& query) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  PersonSearch search;
  search.tokens = NameTokens(query.text);
  if (search.tokens.empty()) return InvalidArgument("q", "give at least one name to trace");
  if (search.tokens.size() > kMaxQueryTokens) return InvalidArgument("q", "must have at most 6 words");
  if (query.limit < 1 || query.limit > kMaxLimit) return InvalidArgument("limit", "must be 1 to 100");
  search.limit = query.limit;
  search.tracing_consent_only = true;  // across all sites: that is what tracing is for
  std::vector<TracingMatch> matches;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(PersonPage page, tx.SearchPersons(search));
    std::vector<std::string> results;
    for (const Person& person : page.items) {
      matches.push_back({person.id, person.FullName(), person.birth_date.year});
      results.push_back("person:" + std::to_string(person.id));
    }
    return AppendAuditRow(tx, actor, audit_action::kSearch, "person", 0, std::move(results));
  }));
  return matches;
}

}  // namespace acogida
