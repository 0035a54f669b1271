// The reception flow's services checklist: the items a person may be offered on arrival, in
// the order of the real flow (repatriation letter first, transport home last), each with a
// status that moves only forward along the allowed transitions; transport home carries the
// destination and the bus. Also the age bands and the small-cell suppression that every
// aggregate leaving the organisation applies. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace acogida {

enum class ServiceItem {
  kRepatriationLetter,    // constancia de repatriación received
  kFoodKit,               // food and hygiene kit
  kPhoneCall,             // a call to family
  kMedicalCare,
  kPsychologicalCare,
  kCurpBirthCertificate,  // CURP and a certified birth certificate
  kImss,                  // enrolment in IMSS
  kBienestarCard,
  kSocialProgrammesJobs,  // social programmes and job placement
  kLegalOrientation,      // links to the legal-aid screening
  kTransportHome,
};
// "repatriation_letter", "food_kit", "phone_call", "medical_care", "psychological_care",
// "curp_birth_certificate", "imss", "bienestar_card", "social_programmes_jobs",
// "legal_orientation", "transport_home".
std::string_view ServiceItemName(ServiceItem item);
std::optional<ServiceItem> ParseServiceItem(std::string_view name);
const std::vector<ServiceItem>& AllServiceItems();  // in the flow's order

enum class ServiceStatus { kPending, kOffered, kAccepted, kDeclined, kDone };
// "pending" (not yet offered), "offered", "accepted", "declined", "done".
std::string_view ServiceStatusName(ServiceStatus status);
std::optional<ServiceStatus> ParseServiceStatus(std::string_view name);

// The allowed moves: pending → offered, accepted, declined or done (a kit handed over at once);
// offered → accepted, declined or done; accepted → done or declined; declined → offered or
// accepted (the person changed their mind). Done is final. FailedPrecondition (field "status")
// naming both states otherwise, and for a move to the same state.
Status CheckServiceTransition(ServiceStatus from, ServiceStatus to);

struct TransportHome {
  std::string state;         // INEGI state code of the destination
  std::string municipality;  // INEGI municipality code (3 digits) or ""
  std::string bus;           // line and number, "ADO 1432", or ""
  std::string departure_at;  // ISO 8601 UTC, or ""
};

// Checks transport details in place (trimmed): state required and an INEGI code; municipality
// "" or 3 digits; bus at most 60 characters; departure_at "" or an ISO 8601 time.
// InvalidArgument naming "transport.state" and so on.
Status ValidateTransport(TransportHome& transport);

struct ServiceRecord {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t site_id = 0;  // where it was last updated
  ServiceItem item = ServiceItem::kRepatriationLetter;
  ServiceStatus status = ServiceStatus::kPending;
  std::string updated_at;
  std::string updated_by;
  TransportHome transport;  // transport_home only
  int64_t version = 1;
};

// A site's choice of items; empty means every item.
std::vector<ServiceItem> OfferedItems(const std::vector<ServiceItem>& site_choice);
bool Offers(const std::vector<ServiceItem>& site_choice, ServiceItem item);

// Age bands of the dashboards and HXL exports: "0-4", "5-11", "12-17", "18-29", "30-44",
// "45-59", "60+", or "unknown" for a birth year of 0.
std::string AgeBand(int birth_year, int current_year);

// Statistical disclosure control for aggregates that leave the organisation: a count from
// 1 to 4 is suppressed (shown as "<5"); 0 and 5 or more are shown as they are.
constexpr int64_t kSmallCell = 5;
constexpr int64_t kSuppressed = -1;  // a count of 1 to 4 that may not be shown (null, "<5", on the wire)
bool IsSuppressed(int64_t count);
std::string SuppressedText(int64_t count);  // "<5" or the number

}  // namespace acogida
