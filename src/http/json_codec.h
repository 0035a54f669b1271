// JSON encoding of core values for responses, and decoding of request bodies into core
// values. Decoding checks shapes and types (naming the field); the rules of what a valid
// person or site is live in core/validate.h and run in the service.
#pragma once

#include "http/json_fields.h"
#include "service/intake_service.h"
#include "service/person_service.h"
#include "service/site_service.h"

namespace acogida::http {

Json SiteToJson(const Site& site, int64_t beds);
Json SectionToJson(const Section& section);
Json PersonToJson(const Person& person);
Json ArrivalViewToJson(const ArrivalView& view);
Json HouseholdToJson(const Household& household);
// Who is logged in: id, username, display name, role, sites.
Json UserToJson(const User& user);
// An account as administrators see it: UserToJson plus disabled, version, created_at.
Json AccountToJson(const User& user);

// `id` comes from the URL; the body's "version" is required when `for_update`.
enum class Purpose { kCreate, kUpdate };
StatusOr<Site> SiteFromJson(const Json& body, int64_t id, Purpose purpose);
StatusOr<Section> SectionFromJson(const Json& body, int64_t id, int64_t site_id, Purpose purpose);
StatusOr<Person> PersonFromJson(const Json& body, const std::string& path);
StatusOr<NewHousehold> NewHouseholdFromJson(const Json& body);
Json ConsentsToJson(const Consents& consents);
// {"services": bool, "family_tracing": bool, "share_with": [names]}; `path` prefixes errors.
StatusOr<Consents> ConsentsFromJson(const Json& body, const std::string& path);

}  // namespace acogida::http
