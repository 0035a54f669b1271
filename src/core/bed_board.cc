// The bed board's rules: names of the close and release reasons, and the checks of holds,
// expected check-out dates, overdue stays and the reconciliation's cut.
#include "core/bed_board.h"

#include "core/enum_names.h"
#include "core/utc_time.h"
#include "core/validate.h"

namespace acogida {
namespace {

constexpr std::string_view kStayCloseNames[] = {"", "checked_out", "moved", "reconciled"};
constexpr std::string_view kHoldReleaseNames[] = {"", "cancelled", "expired", "checked_in"};

std::string FormatDate(std::chrono::sys_days day) { return FormatUtcDate(UtcTime(day)); }

}  // namespace

std::string_view StayCloseName(StayClose reason) { return kStayCloseNames[static_cast<int>(reason)]; }
std::optional<StayClose> ParseStayClose(std::string_view name) {
  return ParseEnumName<StayClose>(kStayCloseNames, name);
}
std::string_view HoldReleaseName(HoldRelease reason) { return kHoldReleaseNames[static_cast<int>(reason)]; }
std::optional<HoldRelease> ParseHoldRelease(std::string_view name) {
  return ParseEnumName<HoldRelease>(kHoldReleaseNames, name);
}

Status ValidateHold(BedHold& hold, int hours) {
  if (hold.beds < 1 || hold.beds > kMaxHoldBeds) {
    return InvalidArgument("beds", "must be 1 to " + std::to_string(kMaxHoldBeds));
  }
  RETURN_IF_ERROR(ValidateShortText(hold.label, "label", 120));
  if (hours < 1 || hours > kMaxHoldHours) {
    return InvalidArgument("hours", "must be 1 to " + std::to_string(kMaxHoldHours));
  }
  return OkStatus();
}

Status ValidateExpectedCheckout(std::string_view expected_checkout, std::chrono::sys_days today) {
  ASSIGN_OR_RETURN(std::chrono::sys_days date, ParseDate(expected_checkout, "expected_checkout"));
  if (date < today) return InvalidArgument("expected_checkout", "must not be before today");
  if (date > today + std::chrono::days(kMaxStayNights)) {
    return InvalidArgument("expected_checkout", "must be within " + std::to_string(kMaxStayNights) + " days");
  }
  return OkStatus();
}

bool IsOverdue(const Stay& stay, std::chrono::sys_days today) {
  return stay.open() && stay.expected_checkout < FormatDate(today);
}

std::string ReconcileBefore(std::chrono::sys_days today) {
  return FormatDate(today - std::chrono::days(kReconcileGraceDays));
}

}  // namespace acogida
