// Legal-aid demo data: a small lawyer directory (the demo lawyer account linked to one entry) and a
// few cases for demo persons, with screenings, deadlines (one overdue) and a privileged note, so the
// legal pages have something to show. Runs inside LoadDemoData's transaction.
#pragma once

#include <string>
#include <vector>

#include "service/demo_data.h"
#include "store/store.h"

namespace acogida {

// `accounts` are the demo accounts just created ("abogada" becomes a directory entry's user);
// `today` is YYYY-MM-DD. Returns how many cases were opened.
StatusOr<int> AddLegalDemo(Tx& tx, const std::vector<DemoAccount>& accounts, const std::string& today);

}  // namespace acogida
