// The services the HTTP API calls, and the functions that register each resource's
// routes on a Router. Thin: parse, call one service method, encode.
#pragma once

#include <string>

#include "http/routes.h"
#include "service/audit_service.h"
#include "service/bed_service.h"
#include "service/dashboard_service.h"
#include "service/reception_service.h"
#include "service/referral_service.h"
#include "service/auth_service.h"
#include "service/identity_service.h"
#include "service/intake_service.h"
#include "service/person_service.h"
#include "service/simulation_service.h"
#include "service/site_service.h"
#include "service/service_set.h"
#include "service/user_service.h"

namespace acogida::http {

struct Services {
  SiteService& sites;
  IntakeService& intake;
  PersonService& persons;
  AuthService& auth;
  UserService& users;
  AuditService& audit;
  std::string backend;  // "sqlite", "postgresql"
  // Adds "Secure" to the session cookie; on when served over HTTPS (behind a TLS proxy).
  bool secure_cookies = false;
  // Duplicates, person links, fuzzy search and tracing; their routes answer 503 without it.
  IdentityService* identity = nullptr;
  // The bed board, holds and placements; their routes answer 503 without it.
  BedService* beds = nullptr;
  // Legal aid (screening, cases, lawyers); its routes answer 503 without it.
  LegalService* legal = nullptr;
  // The surge simulator (templates, runs, results); its routes answer 503 without it.
  SimulationService* simulations = nullptr;
  // The services checklist and batches; dashboards and exports. 503 without them.
  ReceptionService* reception = nullptr;
  DashboardService* dashboards = nullptr;
  // The referral directory and referrals; their routes answer 503 without it.
  ReferralService* referrals = nullptr;

  static Services Of(ServiceSet& set, std::string backend, bool secure_cookies = false) {
    return Services{set.sites, set.intake, set.persons, set.auth, set.users, set.audit, std::move(backend),
                    secure_cookies, &set.identity, &set.beds, &set.legal, &set.simulations,
                    &set.reception, &set.dashboards, &set.referrals};
  }
};

void AddHealthRoutes(Router& router, const Services& services);
void AddSiteRoutes(Router& router, const Services& services);
void AddHouseholdRoutes(Router& router, const Services& services);
void AddPersonRoutes(Router& router, const Services& services);
void AddAuthRoutes(Router& router, const Services& services);
void AddAdminRoutes(Router& router, const Services& services);
void AddBedRoutes(Router& router, const Services& services);
void AddReceptionRoutes(Router& router, const Services& services);
void AddReferralRoutes(Router& router, const Services& services);
void AddLegalRoutes(Router& router, const Services& services);
void AddSimulationRoutes(Router& router, const Services& services);

}  // namespace acogida::http
