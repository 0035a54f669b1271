// Intake: registering an arriving household with all its members and their arrival at a
// reception site, in one transaction (all members are written, or none). Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/account.h"
#include "core/arrival.h"
#include "core/person.h"
#include "service/clock.h"
#include "store/store.h"

namespace acogida {

struct NewHousehold {
  int64_t site_id = 0;
  std::string arrived_at;  // ISO 8601; empty means now
  ArrivalMode mode = ArrivalMode::kLandPort;
  std::string batch_id;    // bus number, flight, list
  std::vector<Person> members;
};

// Writes a validated household, its members and one arrival per member (copied from
// `arrival`, with ids filled in) inside `tx`, with an audit row per record written.
// InvalidArgument "site_id" if the site is absent.
Status WriteArrivingHousehold(Tx& tx, const Actor& actor, Household& household, const Arrival& arrival);

// Intake's consent rule: consent to services is required (help does not depend on the other
// consents); partner names are cleaned in place. InvalidArgument "consents.services" or
// "consents.share_with".
Status ValidateConsents(Consents& consents);

class IntakeService {
 public:
  IntakeService(Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // Validates every member (fields named "members[i].field"), checks the site exists
  // (InvalidArgument "site_id" otherwise), then writes the household, members and one
  // arrival per member. Returns the household with its members' ids. PermissionDenied unless
  // the actor registers arrivals and works at the site.
  StatusOr<Household> Register(const Actor& actor, NewHousehold input);

 private:
  Store& store_;
  Clock clock_;
};

}  // namespace acogida
