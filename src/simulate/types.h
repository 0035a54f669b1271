// The simulator's input: a Scenario of ports of arrival, reception stages, cities with buses
// home, shelters with beds per section, the people's branches and stays, and multipliers
// (seasons, surges) over time. Plain values; ValidateScenario checks one before any run and
// names the field at fault with the same paths as the scenario file (docs/simulation.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace acogida::simulate {

constexpr double kMinutesPerDay = 1440;

enum class SectionKind : uint8_t { kMen, kWomen, kFamilies, kMinors, kLgbtq, kMedical };
constexpr int kSectionKinds = 6;
// "men", "women", "families", "minors", "lgbtq", "medical".
const char* SectionKindName(SectionKind kind);
// The inverse of SectionKindName; false for an unknown name.
bool ParseSectionKind(const std::string& name, SectionKind* kind);

// Who a reception stage serves: everyone, those who enter the centre, or those with one need.
enum class AppliesTo : uint8_t {
  kAll,
  kEntrants,
  kDocuments,
  kImss,
  kMedical,
  kPsychological,
  kLegalAid,
  kTransportHome,
};
// "all", "entrants", "documents", "imss", "medical", "psychological", "legal_aid", "transport_home".
const char* AppliesToName(AppliesTo applies_to);
bool ParseAppliesTo(const std::string& name, AppliesTo* applies_to);

enum class DistributionKind : uint8_t { kExponential, kConstant, kUniform, kLognormal };
// "exponential", "constant", "uniform", "lognormal".
const char* DistributionKindName(DistributionKind kind);
bool ParseDistributionKind(const std::string& name, DistributionKind* kind);

// A service time in minutes. exponential and constant use `mean`; uniform uses [min, max];
// lognormal uses `mean` and `sd` (of the time itself, not of its logarithm).
struct Distribution {
  DistributionKind kind = DistributionKind::kExponential;
  double mean = 5;
  double sd = 0;
  double min = 0;
  double max = 0;
};

// A reception stage, in the order people pass them (registration, services, medical...).
struct Stage {
  std::string id;
  AppliesTo applies_to = AppliesTo::kAll;
  Distribution service_minutes;
  int staff = 1;  // servers at each port, unless the port says otherwise
};

// Part of the day when buses and flights arrive; `weight` is its share relative to the others.
struct HourWindow {
  double from_hour = 0;
  double to_hour = 24;
  double weight = 1;
};

struct BatchSize {
  int min = 15;  // people per bus or flight, drawn uniformly in [min, max]
  int max = 100;
};

enum class PortKind : uint8_t { kLand, kAir };

struct StaffOverride {
  std::string stage;  // a Stage::id
  int staff = 0;      // 0: the stage is not run at this port
};

// A land crossing or an airport where people are handed over.
struct Port {
  std::string id;
  PortKind kind = PortKind::kLand;
  std::string city;          // a City::id: where its reception centre and shelters are
  double daily_rate = 0;     // people a day, before multipliers
  BatchSize batch;
  std::vector<HourWindow> hours;     // empty: any time of day
  std::vector<StaffOverride> staff;  // per-stage staff here; others take Stage::staff
};

struct Buses {
  std::vector<double> departure_hours;  // every day; empty: no buses home from this city
  int seats = 45;                       // per departure
};

struct City {
  std::string id;
  double lat = 0;
  double lon = 0;
  Buses buses;
};

struct Section {
  std::string id;  // unique within its shelter; defaults to the kind's name
  SectionKind kind = SectionKind::kMen;
  int beds = 0;
};

struct Shelter {
  std::string id;
  std::string city;  // a City::id
  std::vector<Section> sections;
};

// The share of people of each kind and of each need (PRODUCT.md, 2025 figures by default).
// The needs are drawn for those who enter the centre; transport home for everyone.
struct People {
  double men = 0.81;
  double women = 0.13;
  double minors = 0.06;  // unaccompanied; men + women + minors = 1
  double lgbtq = 0.0;    // of adults; prefer an LGBTQ+ section when one exists
  double enters_centre = 0.56;
  double documents = 0.45;
  double imss = 0.60;
  double medical = 0.17;
  double psychological = 0.06;
  double transport_home = 0.20;
  double legal_aid = 0.03;
};

// Nights in a shelter for an entrant: none with probability zero_night_share, otherwise
// 1 + a geometric number with mean mean_nights_if_staying (>= 1).
struct Stay {
  double zero_night_share = 0.6;
  double mean_nights_if_staying = 2.0;
};

// Stays by the section an entrant first asks for; kinds without an entry use `default_stay`.
struct Stays {
  Stay default_stay;
  bool has_kind[kSectionKinds] = {};
  Stay by_kind[kSectionKinds];
};

enum class MultiplierKind : uint8_t { kSeasonal, kSurge };
const char* MultiplierKindName(MultiplierKind kind);  // "seasonal", "surge"

// Arrivals × factor on days [from_day, to_day] (0-based, both included), at the listed ports
// or, when `ports` is empty, at all of them. Overlapping multipliers multiply.
struct Multiplier {
  MultiplierKind kind = MultiplierKind::kSurge;
  int from_day = 0;
  int to_day = 0;
  double factor = 1;
  std::vector<std::string> ports;
  std::string label;  // shown in results, e.g. "Matamoros ×3"
};

// Where people go when their city's shelters are full: the nearest `other_cities` cities
// within `max_km` of the port's city, nearest first; beyond them they are without a bed.
struct Overflow {
  int other_cities = 2;
  double max_km = 500;
};

struct Scenario {
  std::string name;
  int days = 365;
  double checkout_hour = 8;  // when people leave a shelter after their last night
  People people;
  Stays stays;
  std::vector<Stage> stages;
  std::vector<City> cities;
  std::vector<Port> ports;
  std::vector<Shelter> shelters;
  std::vector<Multiplier> multipliers;
  Overflow overflow;
};

// Limits that keep a run's work and memory bounded.
constexpr int kMaxDays = 3660;
constexpr size_t kMaxStages = 64;
constexpr double kMaxArrivalsPerReplication = 5e8;

// InvalidArgument naming the field ("ports[2].batch.min", "stages[0].service_minutes.mean")
// for: shares outside [0, 1] or not adding up to 1, unknown cities, stages or ports, duplicate
// ids, negative beds or staff, empty or inverted windows and batches, days outside
// [1, kMaxDays], multipliers outside the horizon, and more than kMaxArrivalsPerReplication
// expected arrivals.
Status ValidateScenario(const Scenario& scenario);

// Expected arrivals in one replication (daily rates × multipliers, summed over days and ports).
double ExpectedArrivals(const Scenario& scenario);

// The product of the multipliers that apply to `port_id` on `day`.
double MultiplierOn(const Scenario& scenario, const std::string& port_id, int day);

// Great-circle distance in kilometres.
double DistanceKm(const City& a, const City& b);

}  // namespace acogida::simulate
