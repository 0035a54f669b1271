// Every use-case service over one store, built together: what `acogida serve` and the tests
// that run the whole API construct. Thread-safe like its parts.
#pragma once

#include "service/audit_service.h"
#include "service/auth_service.h"
#include "service/bed_service.h"
#include "service/dashboard_service.h"
#include "service/identity_service.h"
#include "service/intake_service.h"
#include "service/legal_service.h"
#include "service/person_service.h"
#include "service/reception_service.h"
#include "service/referral_service.h"
#include "service/simulation_service.h"
#include "service/site_service.h"
#include "service/user_service.h"

namespace acogida {

struct ServiceSet {
  explicit ServiceSet(Store& store, Clock clock = SystemClock())
      : sites(store), intake(store, clock), persons(store), auth(store, clock), users(store), audit(store, clock), identity(store), beds(store, clock), reception(store, clock), dashboards(store, clock), legal(store, clock), simulations(store, clock), referrals(store, clock) {}

  SiteService sites;
  IntakeService intake;
  PersonService persons;
  AuthService auth;
  UserService users;
  AuditService audit;
  IdentityService identity;
  BedService beds;
  ReceptionService reception;
  DashboardService dashboards;
  LegalService legal;
  SimulationService simulations;
  ReferralService referrals;
};

}  // namespace acogida
