// Names, transitions and checks of the services checklist; age bands and suppression.
#include "core/reception.h"

#include <algorithm>

#include "core/enum_names.h"
#include "core/mexico.h"
#include "core/utc_time.h"
#include "core/validate.h"

namespace acogida {
namespace {

constexpr std::string_view kItemNames[] = {
    "repatriation_letter", "food_kit", "phone_call", "medical_care", "psychological_care", "curp_birth_certificate",
    "imss", "bienestar_card", "social_programmes_jobs", "legal_orientation", "transport_home"};
constexpr std::string_view kStatusNames[] = {"pending", "offered", "accepted", "declined", "done"};

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

}  // namespace

std::string_view ServiceItemName(ServiceItem item) { return kItemNames[static_cast<int>(item)]; }
std::optional<ServiceItem> ParseServiceItem(std::string_view name) { return ParseEnumName<ServiceItem>(kItemNames, name); }

const std::vector<ServiceItem>& AllServiceItems() {
  static const std::vector<ServiceItem> items = [] {
    std::vector<ServiceItem> all;
    for (size_t idx = 0; idx < std::size(kItemNames); ++idx) all.push_back(static_cast<ServiceItem>(idx));
    return all;
  }();
  return items;
}

std::string_view ServiceStatusName(ServiceStatus status) { return kStatusNames[static_cast<int>(status)]; }
std::optional<ServiceStatus> ParseServiceStatus(std::string_view name) {
  return ParseEnumName<ServiceStatus>(kStatusNames, name);
}

Status CheckServiceTransition(ServiceStatus from, ServiceStatus to) {
  using S = ServiceStatus;
  bool allowed = false;
  switch (from) {
    case S::kPending: allowed = to != S::kPending; break;
    case S::kOffered: allowed = to == S::kAccepted || to == S::kDeclined || to == S::kDone; break;
    case S::kAccepted: allowed = to == S::kDone || to == S::kDeclined; break;
    case S::kDeclined: allowed = to == S::kOffered || to == S::kAccepted; break;
    case S::kDone: allowed = false; break;
  }
  if (allowed) return OkStatus();
  return Status(StatusCode::kFailedPrecondition,
                "cannot go from " + std::string(ServiceStatusName(from)) + " to " + std::string(ServiceStatusName(to)),
                "status");
}

Status ValidateTransport(TransportHome& transport) {
  if (StateByInegiCode(transport.state) == nullptr) {
    return InvalidArgument("transport.state", "must be an INEGI state code 01 to 32");
  }
  if (!transport.municipality.empty() && (transport.municipality.size() != 3 || !AllDigits(transport.municipality))) {
    return InvalidArgument("transport.municipality", "must be 3 digits or empty");
  }
  if (!transport.bus.empty()) RETURN_IF_ERROR(ValidateShortText(transport.bus, "transport.bus", 60));
  if (!transport.departure_at.empty()) {
    ASSIGN_OR_RETURN(UtcTime departure, ParseUtc(transport.departure_at, "transport.departure_at"));
    transport.departure_at = FormatUtc(departure);
  }
  return OkStatus();
}

std::vector<ServiceItem> OfferedItems(const std::vector<ServiceItem>& site_choice) {
  return site_choice.empty() ? AllServiceItems() : site_choice;
}

bool Offers(const std::vector<ServiceItem>& site_choice, ServiceItem item) {
  return site_choice.empty() || std::find(site_choice.begin(), site_choice.end(), item) != site_choice.end();
}

std::string AgeBand(int birth_year, int current_year) {
  if (birth_year <= 0 || birth_year > current_year) return "unknown";
  const int age = current_year - birth_year;
  if (age <= 4) return "0-4";
  if (age <= 11) return "5-11";
  if (age <= 17) return "12-17";
  if (age <= 29) return "18-29";
  if (age <= 44) return "30-44";
  if (age <= 59) return "45-59";
  return "60+";
}

bool IsSuppressed(int64_t count) { return count > 0 && count < kSmallCell; }
std::string SuppressedText(int64_t count) { return IsSuppressed(count) ? "<5" : std::to_string(count); }

}  // namespace acogida
