// Site and Section: where people are received and housed. A Site is a reception centre
// or a shelter; its Sections (men, women, families, ...) hold beds. Plain value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/reception.h"

namespace acogida {

enum class SiteKind { kReceptionCentre, kShelter };
std::string_view SiteKindName(SiteKind kind);  // "reception_centre", "shelter"
std::optional<SiteKind> ParseSiteKind(std::string_view name);

enum class SectionKind { kMen, kWomen, kFamilies, kUnaccompaniedMinors, kLgbtq, kMedical };
// "men", "women", "families", "unaccompanied_minors", "lgbtq", "medical".
std::string_view SectionKindName(SectionKind kind);
std::optional<SectionKind> ParseSectionKind(std::string_view name);

struct Site {
  int64_t id = 0;
  std::string name;
  SiteKind kind = SiteKind::kShelter;
  std::string operator_name;   // "Gobierno de México", "Casa del Migrante", ...
  std::string city;
  std::string state;           // INEGI state code "02" (Baja California), ...
  std::string timezone = "America/Mexico_City";  // IANA zone, for "arrivals of the day"
  double latitude = 0;
  double longitude = 0;
  bool demo = false;           // created by `acogida demo-data`
  // Free beds per section published, without personal data, at the public HSDS endpoint.
  bool publish_capacity = false;
  // The services checklist items the site offers; empty: every item.
  std::vector<ServiceItem> services_offered;
  int64_t version = 1;
};

struct Section {
  int64_t id = 0;
  int64_t site_id = 0;
  std::string name;
  SectionKind kind = SectionKind::kMen;
  int beds = 0;
  bool accessible = false;  // wheelchair access to beds and bathrooms
  int64_t version = 1;
};

}  // namespace acogida
