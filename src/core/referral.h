// The referral directory and referrals (issue #8): an Organisation of the directory (what it
// offers, where, when, how to reach it, which languages it speaks, whether it takes referrals)
// and a Referral of one person to one organisation for one service, whose status moves
// sent → accepted | declined, accepted → done | declined. Validation names the field it
// rejects. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace acogida {

// Limits of the directory's text fields, in characters.
inline constexpr size_t kMaxOrganisationNameChars = 160;
inline constexpr size_t kMaxOrganisationDescriptionChars = 2000;
inline constexpr size_t kMaxOrganisationHoursChars = 300;
inline constexpr size_t kMaxServiceNameChars = 60;
inline constexpr size_t kMaxOrganisationServices = 30;
inline constexpr size_t kMaxReferralNoteChars = 500;

struct Organisation {
  int64_t id = 0;
  std::string hsds_id;      // Open Referral organization.id; kept through import and export
  std::string name;
  std::string description;
  // Short codes: the checklist's items ("medical_care", "legal_orientation", …) where they fit,
  // else free names ("albergue", "comedor"): 1 to 60 characters, no commas, no duplicates.
  std::vector<std::string> services;
  std::string city;
  std::string state;        // INEGI code ("02"), or "" when unknown
  std::string hours;        // free text: "Lun-Vie 9-17"
  std::string phone;
  std::string email;
  std::string url;
  std::vector<std::string> languages;  // ISO 639 codes ("spa", "en")
  bool accepts_referrals = true;
  int64_t version = 1;
  std::string updated_at;
  std::string updated_by;
};

// Checks an organisation in place (text trimmed): name 1 to 160 characters; description at most
// 2000; services at most 30 as above; city at most 120; state "" or an INEGI code; hours at most
// 300; phone at most 40 of digits, spaces and "+-()."; email "" or one "@" with a dot after it;
// url "" or http(s)://; languages ISO 639 (2 or 3 lower-case letters). InvalidArgument naming
// the field ("services[2]", "languages[0]") otherwise.
Status ValidateOrganisation(Organisation& organisation);

enum class ReferralStatus { kSent, kAccepted, kDeclined, kDone };
// "sent", "accepted", "declined", "done".
std::string_view ReferralStatusName(ReferralStatus status);
std::optional<ReferralStatus> ParseReferralStatus(std::string_view name);

// The allowed moves: sent → accepted or declined; accepted → done or declined. Declined and
// done are final. FailedPrecondition (field "status") naming both states otherwise.
Status CheckReferralTransition(ReferralStatus from, ReferralStatus to);

struct Referral {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t organisation_id = 0;
  std::string service;  // one of the organisation's services
  std::string note;     // at most 500 characters, for the receiving organisation
  ReferralStatus status = ReferralStatus::kSent;
  std::string created_at;
  std::string created_by;
  std::string updated_at;
  std::string updated_by;
  int64_t version = 1;
};

// Checks a new referral in place: person and organisation set, service 1 to 60 characters,
// note at most 500 (trimmed). InvalidArgument naming the field otherwise.
Status ValidateReferral(Referral& referral);

}  // namespace acogida
