// Names of the scenario's enums, and ValidateScenario: every check names the field at fault.
#include "simulate/types.h"

#include <cmath>
#include <set>

namespace acogida::simulate {
namespace {

std::string At(const std::string& list, size_t index) { return list + "[" + std::to_string(index) + "]"; }

Status Share(double value, const std::string& field) {
  if (!(value >= 0 && value <= 1)) return InvalidArgument(field, "must be a share between 0 and 1");
  return OkStatus();
}

Status CheckDistribution(const Distribution& d, const std::string& field) {
  switch (d.kind) {
    case DistributionKind::kExponential:
    case DistributionKind::kConstant:
      if (!(d.mean > 0 && d.mean <= 100000)) return InvalidArgument(field + ".mean", "must be above 0 (minutes)");
      return OkStatus();
    case DistributionKind::kLognormal:
      if (!(d.mean > 0 && d.mean <= 100000)) return InvalidArgument(field + ".mean", "must be above 0 (minutes)");
      if (!(d.sd > 0 && d.sd <= 100000)) return InvalidArgument(field + ".sd", "must be above 0 (minutes)");
      return OkStatus();
    case DistributionKind::kUniform:
      if (!(d.min >= 0)) return InvalidArgument(field + ".min", "must be 0 or more (minutes)");
      if (!(d.max > d.min && d.max <= 100000)) return InvalidArgument(field + ".max", "must be above min");
      return OkStatus();
  }
  return InvalidArgument(field + ".distribution", "is unknown");
}

Status CheckStay(const Stay& stay, const std::string& field) {
  RETURN_IF_ERROR(Share(stay.zero_night_share, field + ".zero_night_share"));
  if (!(stay.mean_nights_if_staying >= 1 && stay.mean_nights_if_staying <= 365)) {
    return InvalidArgument(field + ".mean_nights_if_staying", "must be between 1 and 365");
  }
  return OkStatus();
}

Status CheckPeople(const People& people) {
  const std::pair<double, const char*> shares[] = {
      {people.men, "men"}, {people.women, "women"}, {people.minors, "minors"}, {people.lgbtq, "lgbtq"},
      {people.enters_centre, "enters_centre"}, {people.documents, "documents"}, {people.imss, "imss"},
      {people.medical, "medical"}, {people.psychological, "psychological"},
      {people.transport_home, "transport_home"}, {people.legal_aid, "legal_aid"}};
  for (const auto& [value, name] : shares) RETURN_IF_ERROR(Share(value, std::string("people.") + name));
  if (std::fabs(people.men + people.women + people.minors - 1) > 1e-6) {
    return InvalidArgument("people.minors", "men + women + minors must add up to 1");
  }
  return OkStatus();
}

Status CheckPort(const Port& port, const std::string& field,
                 const std::set<std::string>& cities, const std::set<std::string>& stages) {
  if (port.id.empty()) return InvalidArgument(field + ".id", "is required");
  if (!cities.count(port.city)) return InvalidArgument(field + ".city", "is not one of the cities");
  if (!(port.daily_rate >= 0 && port.daily_rate <= 1e6)) {
    return InvalidArgument(field + ".daily_rate", "must be between 0 and 1,000,000 people a day");
  }
  if (port.batch.min < 1 || port.batch.min > 1000) return InvalidArgument(field + ".batch.min", "must be 1 to 1000");
  if (port.batch.max < port.batch.min || port.batch.max > 1000) {
    return InvalidArgument(field + ".batch.max", "must be between batch.min and 1000");
  }
  double total_weight = 0;
  for (size_t index = 0; index < port.hours.size(); ++index) {
    const HourWindow& window = port.hours[index];
    const std::string at = At(field + ".hours", index);
    if (!(window.from_hour >= 0 && window.from_hour < 24)) return InvalidArgument(at + ".from", "must be in [0, 24)");
    if (!(window.to_hour > window.from_hour && window.to_hour <= 24)) {
      return InvalidArgument(at + ".to", "must be after from and at most 24");
    }
    if (!(window.weight >= 0 && window.weight <= 1e6)) return InvalidArgument(at + ".weight", "must be 0 or more");
    total_weight += window.weight;
  }
  if (!port.hours.empty() && total_weight <= 0) return InvalidArgument(field + ".hours", "needs a positive weight");
  for (const StaffOverride& staff : port.staff) {
    const std::string at = field + ".staff." + staff.stage;
    if (!stages.count(staff.stage)) return InvalidArgument(at, "is not one of the stages");
    if (staff.staff < 0 || staff.staff > 100000) return InvalidArgument(at, "must be between 0 and 100,000");
  }
  return OkStatus();
}

}  // namespace

const char* SectionKindName(SectionKind kind) {
  static const char* const kNames[] = {"men", "women", "families", "minors", "lgbtq", "medical"};
  return kNames[static_cast<int>(kind)];
}

bool ParseSectionKind(const std::string& name, SectionKind* kind) {
  for (int index = 0; index < kSectionKinds; ++index) {
    if (name == SectionKindName(static_cast<SectionKind>(index))) {
      *kind = static_cast<SectionKind>(index);
      return true;
    }
  }
  return false;
}

const char* AppliesToName(AppliesTo applies_to) {
  static const char* const kNames[] = {"all",           "entrants",  "documents",     "imss",
                                       "medical",       "psychological", "legal_aid", "transport_home"};
  return kNames[static_cast<int>(applies_to)];
}

bool ParseAppliesTo(const std::string& name, AppliesTo* applies_to) {
  for (int index = 0; index <= static_cast<int>(AppliesTo::kTransportHome); ++index) {
    if (name == AppliesToName(static_cast<AppliesTo>(index))) {
      *applies_to = static_cast<AppliesTo>(index);
      return true;
    }
  }
  return false;
}

const char* DistributionKindName(DistributionKind kind) {
  static const char* const kNames[] = {"exponential", "constant", "uniform", "lognormal"};
  return kNames[static_cast<int>(kind)];
}

bool ParseDistributionKind(const std::string& name, DistributionKind* kind) {
  for (int index = 0; index <= static_cast<int>(DistributionKind::kLognormal); ++index) {
    if (name == DistributionKindName(static_cast<DistributionKind>(index))) {
      *kind = static_cast<DistributionKind>(index);
      return true;
    }
  }
  return false;
}

const char* MultiplierKindName(MultiplierKind kind) { return kind == MultiplierKind::kSeasonal ? "seasonal" : "surge"; }

double DistanceKm(const City& a, const City& b) {
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRadians = 3.14159265358979323846 / 180;
  const double dlat = (b.lat - a.lat) * kRadians;
  const double dlon = (b.lon - a.lon) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRadians) * std::cos(b.lat * kRadians) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::fmin(1.0, h)));
}

double MultiplierOn(const Scenario& scenario, const std::string& port_id, int day) {
  double factor = 1;
  for (const Multiplier& multiplier : scenario.multipliers) {
    if (day < multiplier.from_day || day > multiplier.to_day) continue;
    bool applies = multiplier.ports.empty();
    for (const std::string& port : multiplier.ports) applies = applies || port == port_id;
    if (applies) factor *= multiplier.factor;
  }
  return factor;
}

double ExpectedArrivals(const Scenario& scenario) {
  double total = 0;
  for (const Port& port : scenario.ports) {
    for (int day = 0; day < scenario.days; ++day) total += port.daily_rate * MultiplierOn(scenario, port.id, day);
  }
  return total;
}

Status ValidateScenario(const Scenario& scenario) {
  if (scenario.days < 1 || scenario.days > kMaxDays) {
    return InvalidArgument("days", "must be between 1 and " + std::to_string(kMaxDays));
  }
  if (!(scenario.checkout_hour >= 0 && scenario.checkout_hour < 24)) {
    return InvalidArgument("checkout_hour", "must be in [0, 24)");
  }
  RETURN_IF_ERROR(CheckPeople(scenario.people));
  RETURN_IF_ERROR(CheckStay(scenario.stays.default_stay, "stays.default"));
  for (int kind = 0; kind < kSectionKinds; ++kind) {
    if (!scenario.stays.has_kind[kind]) continue;
    RETURN_IF_ERROR(CheckStay(scenario.stays.by_kind[kind],
                              std::string("stays.") + SectionKindName(static_cast<SectionKind>(kind))));
  }

  if (scenario.stages.size() > kMaxStages) {
    return InvalidArgument("stages", "at most " + std::to_string(kMaxStages) + " stages");
  }
  std::set<std::string> stages;
  for (size_t index = 0; index < scenario.stages.size(); ++index) {
    const Stage& stage = scenario.stages[index];
    const std::string field = At("stages", index);
    if (stage.id.empty()) return InvalidArgument(field + ".id", "is required");
    if (!stages.insert(stage.id).second) return InvalidArgument(field + ".id", "is used by another stage");
    if (stage.staff < 0 || stage.staff > 100000) return InvalidArgument(field + ".staff", "must be 0 to 100,000");
    RETURN_IF_ERROR(CheckDistribution(stage.service_minutes, field + ".service_minutes"));
  }

  std::set<std::string> cities;
  for (size_t index = 0; index < scenario.cities.size(); ++index) {
    const City& city = scenario.cities[index];
    const std::string field = At("cities", index);
    if (city.id.empty()) return InvalidArgument(field + ".id", "is required");
    if (!cities.insert(city.id).second) return InvalidArgument(field + ".id", "is used by another city");
    if (!(city.lat >= -90 && city.lat <= 90)) return InvalidArgument(field + ".lat", "must be in [-90, 90]");
    if (!(city.lon >= -180 && city.lon <= 180)) return InvalidArgument(field + ".lon", "must be in [-180, 180]");
    if (city.buses.seats < 0 || city.buses.seats > 100000) {
      return InvalidArgument(field + ".buses.seats", "must be 0 to 100,000");
    }
    for (size_t hour = 0; hour < city.buses.departure_hours.size(); ++hour) {
      const double value = city.buses.departure_hours[hour];
      if (!(value >= 0 && value < 24)) return InvalidArgument(At(field + ".buses.departure_hours", hour), "must be in [0, 24)");
    }
  }

  if (scenario.ports.empty()) return InvalidArgument("ports", "needs at least one port");
  std::set<std::string> ports;
  for (size_t index = 0; index < scenario.ports.size(); ++index) {
    const std::string field = At("ports", index);
    RETURN_IF_ERROR(CheckPort(scenario.ports[index], field, cities, stages));
    if (!ports.insert(scenario.ports[index].id).second) return InvalidArgument(field + ".id", "is used by another port");
  }

  std::set<std::string> shelters;
  for (size_t index = 0; index < scenario.shelters.size(); ++index) {
    const Shelter& shelter = scenario.shelters[index];
    const std::string field = At("shelters", index);
    if (shelter.id.empty()) return InvalidArgument(field + ".id", "is required");
    if (!shelters.insert(shelter.id).second) return InvalidArgument(field + ".id", "is used by another shelter");
    if (!cities.count(shelter.city)) return InvalidArgument(field + ".city", "is not one of the cities");
    std::set<std::string> sections;
    for (size_t section = 0; section < shelter.sections.size(); ++section) {
      const std::string at = At(field + ".sections", section);
      if (!sections.insert(shelter.sections[section].id).second) {
        return InvalidArgument(at + ".id", "is used by another section of this shelter");
      }
      if (shelter.sections[section].beds < 0 || shelter.sections[section].beds > 1000000) {
        return InvalidArgument(at + ".beds", "must be between 0 and 1,000,000");
      }
    }
  }

  for (size_t index = 0; index < scenario.multipliers.size(); ++index) {
    const Multiplier& multiplier = scenario.multipliers[index];
    const std::string field = At("multipliers", index);
    if (multiplier.from_day < 0 || multiplier.from_day >= scenario.days) {
      return InvalidArgument(field + ".from_day", "must be a day of the scenario (0 to days - 1)");
    }
    if (multiplier.to_day < multiplier.from_day || multiplier.to_day >= scenario.days) {
      return InvalidArgument(field + ".to_day", "must be between from_day and days - 1");
    }
    if (!(multiplier.factor >= 0 && multiplier.factor <= 100)) {
      return InvalidArgument(field + ".factor", "must be between 0 and 100");
    }
    for (size_t port = 0; port < multiplier.ports.size(); ++port) {
      if (!ports.count(multiplier.ports[port])) {
        return InvalidArgument(At(field + ".ports", port), "is not one of the ports");
      }
    }
  }

  if (scenario.overflow.other_cities < 0 || scenario.overflow.other_cities > 1000) {
    return InvalidArgument("overflow.other_cities", "must be between 0 and 1000");
  }
  if (!(scenario.overflow.max_km >= 0 && scenario.overflow.max_km <= 50000)) {
    return InvalidArgument("overflow.max_km", "must be between 0 and 50,000");
  }
  if (ExpectedArrivals(scenario) > kMaxArrivalsPerReplication) {
    return InvalidArgument("ports", "expect more than 500 million arrivals per replication");
  }
  return OkStatus();
}

}  // namespace acogida::simulate
