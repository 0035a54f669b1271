// The services the HTTP API calls, and the functions that register each resource's
// routes on a Router. Thin: parse, call one service method, encode.
#pragma once

#include <string>

#include "http/routes.h"
#include "service/intake_service.h"
#include "service/person_service.h"
#include "service/site_service.h"

namespace acogida::http {

struct Services {
  SiteService& sites;
  IntakeService& intake;
  PersonService& persons;
  std::string backend;  // "sqlite", "postgresql"
};

void AddHealthRoutes(Router& router, const Services& services);
void AddSiteRoutes(Router& router, const Services& services);
void AddHouseholdRoutes(Router& router, const Services& services);
void AddPersonRoutes(Router& router, const Services& services);

}  // namespace acogida::http
