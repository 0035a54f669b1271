// The referral directory as Open Referral HSDS JSON: a documented subset of HSDS 3.0 field
// names (docs/api.yaml, "HsdsOrganization"): an array of organization objects with id, name,
// description, email, website, services[].name, locations[0].physical_addresses[0].city and
// .state_province (an INEGI code or the state's name on import; the name on export), phones[0].number,
// languages[].code, schedules[0].description and the extension x_accepts_referrals. Only the
// first location, address, phone and schedule are kept. ParseHsds(WriteHsds(x)) == x.
#pragma once

#include <string>
#include <vector>

#include "core/referral.h"
#include "http/json_fields.h"

namespace acogida::http {

// InvalidArgument naming the JSON path ("[2].phones[0].number") for a value of the wrong type.
StatusOr<std::vector<Organisation>> ParseHsds(const std::string& body);
Json WriteHsds(const std::vector<Organisation>& organisations);

}  // namespace acogida::http
