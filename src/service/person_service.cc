// Person reads and search.
#include "service/person_service.h"

#include "core/names.h"
#include "service/audit.h"
#include "service/intake_service.h"
#include "service/person_access.h"
#include "service/time_zones.h"

namespace acogida {

namespace {
constexpr int kMaxLimit = 100;
constexpr size_t kMaxQueryLength = 200;
constexpr size_t kMaxQueryTokens = 6;
}  // namespace

StatusOr<PersonDetail> PersonService::Get(const Actor& actor, int64_t person_id) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/true));
  PersonDetail detail;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(detail.person, tx.GetPerson(person_id));
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, person_id));
    ASSIGN_OR_RETURN(detail.arrivals, tx.ListArrivalsOfPerson(person_id));
    ASSIGN_OR_RETURN(detail.person.consents, tx.CurrentConsents(person_id));
    // Records staff linked as the same human being, those the actor may read only.
    ASSIGN_OR_RETURN(std::vector<PersonLink> links, tx.ListPersonLinks(person_id));
    for (const PersonLink& link : links) {
      if (!link.in_force() || link.decision != LinkDecision::kSame) continue;
      const int64_t other = link.person_id == person_id ? link.other_id : link.person_id;
      ASSIGN_OR_RETURN(std::vector<int64_t> sites, tx.SitesOfPerson(other));
      if (CoversAnyOf(actor, sites)) detail.linked_ids.push_back(other);
    }
    std::vector<std::string> fields = FilledPersonFields(detail.person);
    fields.push_back("arrivals");
    fields.push_back("consents");
    if (!detail.linked_ids.empty()) fields.push_back("linked_ids");
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
