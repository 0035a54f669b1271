// Reading persons: one person with their arrivals, a household, name search, and the
// arrivals at a site on a local calendar day. Registrars and shelter staff see the persons
// of their own sites; a person elsewhere is NotFound to them (existence is not revealed).
// Coordinators see every site but must give a reason (break-glass) to open a person or a
// household. Other roles are refused. Every read, with the reason, is audited in the same
// transaction, so nothing is read that is not logged. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/account.h"
#include "store/store.h"

namespace acogida {

struct PersonDetail {
  Person person;
  std::vector<ArrivalView> arrivals;
  std::vector<int64_t> linked_ids;  // records linked as the same human being that the actor may read
};

struct PersonQuery {
  std::string text;  // free text: partial names, any accents and case
  int limit = 20;    // 1..100
  int offset = 0;    // >= 0
};

// What family tracing discloses of a match: enough for staff to arrange contact through the
// network, never where the person is.
struct TracingMatch {
  int64_t match_id = 0;
  std::string full_name;
  int birth_year = 0;  // 0 when unknown
};

struct SiteDayArrivals {
  Site site;
  std::string date;  // YYYY-MM-DD, local to the site
  std::vector<ArrivalView> items;
};

class PersonService {
 public:
  explicit PersonService(Store& store) : store_(store) {}

  // NotFound if absent or outside the actor's sites; PermissionDenied with field "reason"
  // when a coordinator gives none.
  StatusOr<PersonDetail> Get(const Actor& actor, int64_t person_id);
  StatusOr<Household> GetHousehold(const Actor& actor, int64_t household_id);
  // InvalidArgument "limit"/"offset"/"q" for out-of-range paging or an over-long query.
  StatusOr<PersonPage> Search(const Actor& actor, const PersonQuery& query);
  // `date` is YYYY-MM-DD in the site's time zone. InvalidArgument "date" if malformed;
  // PermissionDenied for a site the actor does not work at.
  StatusOr<SiteDayArrivals> ArrivalsAtSite(const Actor& actor, int64_t site_id, const std::string& date);
  // Records changed consents (withdrawals included) for a person the actor may read.
  // Returns the consents now in force.
  StatusOr<Consents> UpdateConsents(const Actor& actor, int64_t person_id, Consents consents);
  // Family tracing across every site: only persons who consent to be found, and only their
  // name and birth year. Audited as a search.
  StatusOr<std::vector<TracingMatch>> Trace(const Actor& actor, const PersonQuery& query);

 private:
  Store& store_;
};

}  // namespace acogida
