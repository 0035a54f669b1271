// Demo data: fills an empty database with the real reception cities, realistic shelters and
// a few hundred synthetic arrivals from the seeded generator (src/synth), all marked demo.
// Everything is written in one transaction, and every household passes the same validation
// as intake. It also creates one account per role (random passwords, returned to be shown
// once): registrar and shelter staff at Tijuana's demo sites. Thread-safe like the store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/account.h"

#include "service/clock.h"
#include "store/store.h"

namespace acogida {

struct DemoDataOptions {
  uint64_t seed = 2025;  // same seed, same data
  int persons = 400;     // about this many arriving persons over the last week
};

struct DemoAccount {
  User user;
  std::string password;  // shown once; only its hash is stored
};

struct DemoDataReport {
  std::vector<DemoAccount> accounts;  // one per role, at demo sites
  int sites = 0;
  int sections = 0;
  int households = 0;
  int persons = 0;
};

// FailedPrecondition if the database already has sites (demo data is for a fresh one).
StatusOr<DemoDataReport> LoadDemoData(Store& store, const Clock& clock, const DemoDataOptions& options);

}  // namespace acogida
