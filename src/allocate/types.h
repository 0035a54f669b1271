// The allocation engine's input: arriving groups (households) and shelters with free beds
// per section. Plain values; validated by ValidateProblem before any solve.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace acogida::allocate {

// A place on the map, in degrees (WGS 84).
struct Point {
  double lat = 0;
  double lon = 0;
};

// Great-circle distance in kilometres.
double DistanceKm(Point a, Point b);

enum class SectionKind { kMen, kWomen, kFamilies, kMinors, kLgbtq, kMedical };
// "men", "women", "families", "minors", "lgbtq", "medical".
const char* SectionKindName(SectionKind kind);
// The inverse of SectionKindName; false for an unknown name.
bool ParseSectionKind(const std::string& name, SectionKind* kind);

struct Section {
  std::string id;  // unique within its shelter
  SectionKind kind = SectionKind::kMen;
  int free_beds = 0;
  bool minors_authorised = false;  // may receive unaccompanied minors
  bool accessible = false;         // wheelchair access to beds and bathrooms
  bool medical = false;            // nursing staff on site (medical needs, pregnancy)
  bool lgbtq_safe = false;         // trained staff, separate space
};

struct Shelter {
  std::string id;
  std::string city;
  Point location;
  std::vector<std::string> languages;  // spoken by staff, e.g. {"es", "en"}; empty: Spanish only
  std::vector<Section> sections;
};

// Who travels together. Unaccompanied minors travel without any adult.
struct Composition {
  int adult_men = 0;
  int adult_women = 0;
  int children = 0;              // minors with their parents or guardians
  int unaccompanied_minors = 0;  // minors without an adult (only with adults == 0)
  int size() const { return adult_men + adult_women + children + unaccompanied_minors; }
};

struct Needs {
  bool wheelchair = false;    // needs an accessible section
  bool medical = false;       // needs a section with nursing staff
  bool pregnancy = false;     // likewise
  bool lgbtq_safety = false;  // needs an LGBTQ+-safe section
  std::string language;       // preferred language; empty or "es": Spanish
};

// One arriving household, placed whole or not at all.
struct Group {
  std::string id;
  Composition composition;
  Needs needs;
  std::string arrival_port;  // e.g. "Matamoros" (groups at one port share its point)
  Point arrival;
  std::string home_region;  // e.g. "Michoacán"
  Point home;
  std::vector<std::string> member_ids;  // optional: reported when left without a bed
};

struct Problem {
  std::vector<Shelter> shelters;
  std::vector<Group> groups;
};

constexpr int kMaxHouseholdSize = 30;

// InvalidArgument naming the field ("groups[3].composition.adult_men") for: negative or
// empty households, unaccompanied minors travelling with adults, households above
// kMaxHouseholdSize, negative free beds, coordinates out of range, duplicate ids.
Status ValidateProblem(const Problem& problem);

}  // namespace acogida::allocate
