// The bed board's values and rules: a Stay (a person in a bed of a section), a BedHold
// (beds promised to a group in transit until it expires), a section's occupancy counted
// from them, and the checks every entry path applies before anything is stored. Pure;
// thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace acogida {

enum class StayClose { kOpen, kCheckedOut, kMoved, kReconciled };
// "", "checked_out", "moved" (checked in elsewhere), "reconciled" (closed by the nightly job).
std::string_view StayCloseName(StayClose reason);
std::optional<StayClose> ParseStayClose(std::string_view name);

struct Stay {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t site_id = 0;
  int64_t section_id = 0;
  std::string checked_in_at;      // ISO 8601 UTC
  std::string checked_in_by;
  std::string expected_checkout;  // "YYYY-MM-DD", the site's local date
  std::string checked_out_at;     // "" while the person is in the bed
  std::string checked_out_by;
  StayClose closed = StayClose::kOpen;
  int64_t version = 1;
  bool open() const { return checked_out_at.empty(); }
};

enum class HoldRelease { kHeld, kCancelled, kExpired, kCheckedIn };
// "", "cancelled", "expired", "checked_in".
std::string_view HoldReleaseName(HoldRelease reason);
std::optional<HoldRelease> ParseHoldRelease(std::string_view name);

struct BedHold {
  int64_t id = 0;
  int64_t site_id = 0;
  int64_t section_id = 0;
  int beds = 0;            // beds still held (check-ins against the hold take them one by one)
  std::string label;       // "Autobús 14 Matamoros, familia 3": no names
  std::string created_at;
  std::string created_by;
  std::string expires_at;  // ISO 8601 UTC
  std::string released_at; // "" while held
  std::string released_by;
  HoldRelease released = HoldRelease::kHeld;
  // Held now: not released, and not yet expired at `now_utc` (an expired hold holds nothing
  // even before the job marks it released).
  bool ActiveAt(std::string_view now_utc) const { return released_at.empty() && now_utc < expires_at; }
};

// A section's beds as the board counts them.
struct Occupancy {
  int beds = 0;
  int occupied = 0;  // open stays
  int held = 0;      // beds of active holds
  int free() const { return beds - occupied - held; }  // negative when beds were cut below use
};

constexpr int kMaxHoldBeds = 30;         // a household travels whole
constexpr int kMaxHoldHours = 72;        // a bus from any port reaches any shelter within three days
constexpr int kDefaultHoldHours = 12;
constexpr int kMaxStayNights = 180;
constexpr int kReconcileGraceDays = 2;   // days past the expected check-out before the job closes a stay

// Checks a hold request: beds 1..kMaxHoldBeds, label 1..120 characters after trimming (in
// place), hours 1..kMaxHoldHours. InvalidArgument naming "beds", "label" or "hours".
Status ValidateHold(BedHold& hold, int hours);

// Checks an expected check-out date: a real "YYYY-MM-DD", not before `today` (the site's
// local date) and at most kMaxStayNights after it. InvalidArgument("expected_checkout").
Status ValidateExpectedCheckout(std::string_view expected_checkout, std::chrono::sys_days today);

// Overdue: the expected check-out date is before the site's local `today`.
bool IsOverdue(const Stay& stay, std::chrono::sys_days today);

// The reconciliation's cut: open stays with an expected check-out before this local date
// are closed as reconciled (today minus kReconcileGraceDays), as "YYYY-MM-DD".
std::string ReconcileBefore(std::chrono::sys_days today);

}  // namespace acogida
