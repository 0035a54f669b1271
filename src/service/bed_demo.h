// Demo occupancy for `acogida demo-data`: some of the week's arriving households staying in a
// shelter of the city they arrived in (a few past their expected check-out, so the board shows
// overdue stays), and a hold for a bus on its way per city. Deterministic for the same data.
#pragma once

#include <string>

#include "core/status.h"
#include "store/store.h"

namespace acogida {

// `now` is the loading time (ISO 8601 UTC); holds expire six hours after it.
Status AddBedDemo(Tx& tx, const std::string& now);

}  // namespace acogida
