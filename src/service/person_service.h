// Reading persons: one person with their arrivals, a household, name search, and the
// arrivals at a site on a local calendar day. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"

namespace acogida {

struct PersonDetail {
  Person person;
  std::vector<ArrivalView> arrivals;
};

struct PersonQuery {
  std::string text;  // free text: partial names, any accents and case
  int limit = 20;    // 1..100
  int offset = 0;    // >= 0
};

struct SiteDayArrivals {
  Site site;
  std::string date;  // YYYY-MM-DD, local to the site
  std::vector<ArrivalView> items;
};

class PersonService {
 public:
  explicit PersonService(Store& store) : store_(store) {}

  StatusOr<PersonDetail> Get(int64_t person_id);      // NotFound if absent
  StatusOr<Household> GetHousehold(int64_t household_id);
  // InvalidArgument "limit"/"offset"/"q" for out-of-range paging or an over-long query.
  StatusOr<PersonPage> Search(const PersonQuery& query);
  // `date` is YYYY-MM-DD in the site's time zone. InvalidArgument "date" if malformed.
  StatusOr<SiteDayArrivals> ArrivalsAtSite(int64_t site_id, const std::string& date);

 private:
  Store& store_;
};

}  // namespace acogida
