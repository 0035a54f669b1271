// JSON → Scenario with nlohmann-json; its exceptions are caught here and become Status.
// Every reader names the JSON path it reads, so an error says which field is wrong.
#include "simulate/scenario_json.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace acogida::simulate {
namespace {

using Json = nlohmann::json;

// Typed access to the members of one object; errors name the member's path.
class Fields {
 public:
  static StatusOr<Fields> Of(const Json& value, std::string path, std::set<std::string> allowed) {
    if (!value.is_object()) return InvalidArgument(path.empty() ? "scenario" : path, "must be an object");
    for (const auto& item : value.items()) {
      if (!allowed.count(item.key())) return InvalidArgument(Join(path, item.key()), "is not a known field");
    }
    return Fields(value, std::move(path));
  }

  std::string Path(const std::string& key) const { return Join(path_, key); }
  const Json* Find(const char* key) const {
    auto it = object_.find(key);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
  }
  Status Number(const char* key, double* out, bool required = false) const {
    const Json* value = Find(key);
    if (!value) return required ? InvalidArgument(Path(key), "is required") : OkStatus();
    if (!value->is_number()) return InvalidArgument(Path(key), "must be a number");
    *out = value->get<double>();
    if (!std::isfinite(*out)) return InvalidArgument(Path(key), "must be a finite number");
    return OkStatus();
  }
  Status Integer(const char* key, int* out, bool required = false) const {
    const Json* value = Find(key);
    if (!value) return required ? InvalidArgument(Path(key), "is required") : OkStatus();
    if (!value->is_number_integer()) return InvalidArgument(Path(key), "must be a whole number");
    const int64_t number = value->get<int64_t>();
    if (number < -100000000 || number > 100000000) return InvalidArgument(Path(key), "is out of range");
    *out = static_cast<int>(number);
    return OkStatus();
  }
  Status String(const char* key, std::string* out, bool required = false) const {
    const Json* value = Find(key);
    if (!value) return required ? InvalidArgument(Path(key), "is required") : OkStatus();
    if (!value->is_string()) return InvalidArgument(Path(key), "must be a string");
    *out = value->get<std::string>();
    return OkStatus();
  }
  // Calls read(item, path) for each element of the array `key`.
  template <typename Read>
  Status Each(const char* key, bool required, Read read) const {
    const Json* value = Find(key);
    if (!value) return required ? InvalidArgument(Path(key), "is required") : OkStatus();
    if (!value->is_array()) return InvalidArgument(Path(key), "must be an array");
    for (size_t index = 0; index < value->size(); ++index) {
      RETURN_IF_ERROR(read((*value)[index], Path(key) + "[" + std::to_string(index) + "]"));
    }
    return OkStatus();
  }

 private:
  Fields(const Json& object, std::string path) : object_(object), path_(std::move(path)) {}
  static std::string Join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  const Json& object_;
  std::string path_;
};

Status ReadDistribution(const Json& value, const std::string& path, Distribution* out) {
  ASSIGN_OR_RETURN(Fields fields, Fields::Of(value, path, {"distribution", "mean", "sd", "min", "max"}));
  std::string kind = "exponential";
  RETURN_IF_ERROR(fields.String("distribution", &kind));
  if (!ParseDistributionKind(kind, &out->kind)) {
    return InvalidArgument(fields.Path("distribution"), "must be exponential, constant, uniform or lognormal");
  }
  RETURN_IF_ERROR(fields.Number("mean", &out->mean, out->kind != DistributionKind::kUniform));
  RETURN_IF_ERROR(fields.Number("sd", &out->sd, out->kind == DistributionKind::kLognormal));
  RETURN_IF_ERROR(fields.Number("min", &out->min, out->kind == DistributionKind::kUniform));
  return fields.Number("max", &out->max, out->kind == DistributionKind::kUniform);
}

Status ReadStage(const Json& value, const std::string& path, Stage* stage) {
  ASSIGN_OR_RETURN(Fields fields, Fields::Of(value, path, {"id", "applies_to", "service_minutes", "staff"}));
  RETURN_IF_ERROR(fields.String("id", &stage->id, true));
  std::string applies_to = "all";
  RETURN_IF_ERROR(fields.String("applies_to", &applies_to));
  if (!ParseAppliesTo(applies_to, &stage->applies_to)) {
    return InvalidArgument(fields.Path("applies_to"),
                           "must be all, entrants, documents, imss, medical, psychological, legal_aid or "
                           "transport_home");
  }
  RETURN_IF_ERROR(fields.Integer("staff", &stage->staff));
  const Json* service = fields.Find("service_minutes");
  if (!service) return InvalidArgument(fields.Path("service_minutes"), "is required");
  return ReadDistribution(*service, fields.Path("service_minutes"), &stage->service_minutes);
}

Status ReadCity(const Json& value, const std::string& path, City* city) {
  ASSIGN_OR_RETURN(Fields fields, Fields::Of(value, path, {"id", "lat", "lon", "buses"}));
  RETURN_IF_ERROR(fields.String("id", &city->id, true));
  RETURN_IF_ERROR(fields.Number("lat", &city->lat, true));
  RETURN_IF_ERROR(fields.Number("lon", &city->lon, true));
  if (const Json* buses = fields.Find("buses")) {
    ASSIGN_OR_RETURN(Fields bus_fields, Fields::Of(*buses, fields.Path("buses"), {"departure_hours", "seats"}));
    RETURN_IF_ERROR(bus_fields.Integer("seats", &city->buses.seats));
    RETURN_IF_ERROR(bus_fields.Each("departure_hours", false, [&](const Json& hour, const std::string& at) {
      if (!hour.is_number()) return InvalidArgument(at, "must be a number");
      city->buses.departure_hours.push_back(hour.get<double>());
      return OkStatus();
    }));
  }
  return OkStatus();
}

Status ReadPort(const Json& value, const std::string& path, Port* port) {
  ASSIGN_OR_RETURN(Fields fields,
                   Fields::Of(value, path, {"id", "kind", "city", "daily_rate", "batch", "hours", "staff"}));
  RETURN_IF_ERROR(fields.String("id", &port->id, true));
  std::string kind = "land";
  RETURN_IF_ERROR(fields.String("kind", &kind));
  if (kind != "land" && kind != "air") return InvalidArgument(fields.Path("kind"), "must be land or air");
  port->kind = kind == "air" ? PortKind::kAir : PortKind::kLand;
  RETURN_IF_ERROR(fields.String("city", &port->city, true));
  RETURN_IF_ERROR(fields.Number("daily_rate", &port->daily_rate, true));
  if (const Json* batch = fields.Find("batch")) {
    ASSIGN_OR_RETURN(Fields batch_fields, Fields::Of(*batch, fields.Path("batch"), {"min", "max"}));
    RETURN_IF_ERROR(batch_fields.Integer("min", &port->batch.min));
    RETURN_IF_ERROR(batch_fields.Integer("max", &port->batch.max));
  }
  RETURN_IF_ERROR(fields.Each("hours", false, [&](const Json& item, const std::string& at) -> Status {
    ASSIGN_OR_RETURN(Fields window, Fields::Of(item, at, {"from", "to", "weight"}));
    HourWindow hours;
    RETURN_IF_ERROR(window.Number("from", &hours.from_hour, true));
    RETURN_IF_ERROR(window.Number("to", &hours.to_hour, true));
    RETURN_IF_ERROR(window.Number("weight", &hours.weight));
    port->hours.push_back(hours);
    return OkStatus();
  }));
  if (const Json* staff = fields.Find("staff")) {
    if (!staff->is_object()) return InvalidArgument(fields.Path("staff"), "must be an object of stage id to staff");
    for (const auto& item : staff->items()) {
      const std::string at = fields.Path("staff") + "." + item.key();
      if (!item.value().is_number_integer()) return InvalidArgument(at, "must be a whole number");
      const int64_t count = item.value().get<int64_t>();
      if (count < 0 || count > 100000) return InvalidArgument(at, "must be between 0 and 100,000");
      port->staff.push_back(StaffOverride{item.key(), static_cast<int>(count)});
    }
  }
  return OkStatus();
}

Status ReadShelter(const Json& value, const std::string& path, Shelter* shelter) {
  ASSIGN_OR_RETURN(Fields fields, Fields::Of(value, path, {"id", "city", "sections"}));
  RETURN_IF_ERROR(fields.String("id", &shelter->id, true));
  RETURN_IF_ERROR(fields.String("city", &shelter->city, true));
  return fields.Each("sections", true, [&](const Json& item, const std::string& at) -> Status {
    ASSIGN_OR_RETURN(Fields section_fields, Fields::Of(item, at, {"id", "kind", "beds"}));
    Section section;
    std::string kind;
    RETURN_IF_ERROR(section_fields.String("kind", &kind, true));
    if (!ParseSectionKind(kind, &section.kind)) {
      return InvalidArgument(section_fields.Path("kind"), "must be men, women, families, minors, lgbtq or medical");
    }
    section.id = kind;
    RETURN_IF_ERROR(section_fields.String("id", &section.id));
    RETURN_IF_ERROR(section_fields.Integer("beds", &section.beds, true));
    shelter->sections.push_back(std::move(section));
    return OkStatus();
  });
}

Status ReadMultiplier(const Json& value, const std::string& path, Multiplier* multiplier) {
  ASSIGN_OR_RETURN(Fields fields, Fields::Of(value, path, {"kind", "from_day", "to_day", "factor", "ports", "label"}));
  std::string kind = "surge";
  RETURN_IF_ERROR(fields.String("kind", &kind));
  if (kind != "surge" && kind != "seasonal") return InvalidArgument(fields.Path("kind"), "must be surge or seasonal");
  multiplier->kind = kind == "seasonal" ? MultiplierKind::kSeasonal : MultiplierKind::kSurge;
  RETURN_IF_ERROR(fields.Integer("from_day", &multiplier->from_day, true));
  RETURN_IF_ERROR(fields.Integer("to_day", &multiplier->to_day, true));
  RETURN_IF_ERROR(fields.Number("factor", &multiplier->factor, true));
  RETURN_IF_ERROR(fields.String("label", &multiplier->label));
  return fields.Each("ports", false, [&](const Json& port, const std::string& at) {
    if (!port.is_string()) return InvalidArgument(at, "must be a port id");
    multiplier->ports.push_back(port.get<std::string>());
    return OkStatus();
  });
}

Status ReadPeople(const Fields& root, People* people) {
  const Json* value = root.Find("people");
  if (!value) return OkStatus();
  ASSIGN_OR_RETURN(Fields fields, Fields::Of(*value, "people",
                                             {"men", "women", "minors", "lgbtq", "enters_centre", "documents", "imss",
                                              "medical", "psychological", "transport_home", "legal_aid"}));
  RETURN_IF_ERROR(fields.Number("men", &people->men));
  RETURN_IF_ERROR(fields.Number("women", &people->women));
  RETURN_IF_ERROR(fields.Number("minors", &people->minors));
  RETURN_IF_ERROR(fields.Number("lgbtq", &people->lgbtq));
  RETURN_IF_ERROR(fields.Number("enters_centre", &people->enters_centre));
  RETURN_IF_ERROR(fields.Number("documents", &people->documents));
  RETURN_IF_ERROR(fields.Number("imss", &people->imss));
  RETURN_IF_ERROR(fields.Number("medical", &people->medical));
  RETURN_IF_ERROR(fields.Number("psychological", &people->psychological));
  RETURN_IF_ERROR(fields.Number("transport_home", &people->transport_home));
  return fields.Number("legal_aid", &people->legal_aid);
}

Status ReadStays(const Fields& root, Stays* stays) {
  const Json* value = root.Find("stays");
  if (!value) return OkStatus();
  std::set<std::string> keys = {"default"};
  for (int kind = 0; kind < kSectionKinds; ++kind) keys.insert(SectionKindName(static_cast<SectionKind>(kind)));
  ASSIGN_OR_RETURN(Fields fields, Fields::Of(*value, "stays", keys));
  for (const std::string& key : keys) {
    const Json* stay_value = fields.Find(key.c_str());
    if (!stay_value) continue;
    ASSIGN_OR_RETURN(Fields stay_fields,
                     Fields::Of(*stay_value, fields.Path(key), {"zero_night_share", "mean_nights_if_staying"}));
    Stay stay;
    RETURN_IF_ERROR(stay_fields.Number("zero_night_share", &stay.zero_night_share, true));
    RETURN_IF_ERROR(stay_fields.Number("mean_nights_if_staying", &stay.mean_nights_if_staying, true));
    SectionKind kind;
    if (key == "default") {
      stays->default_stay = stay;
    } else if (ParseSectionKind(key, &kind)) {
      stays->has_kind[static_cast<int>(kind)] = true;
      stays->by_kind[static_cast<int>(kind)] = stay;
    }
  }
  return OkStatus();
}

// "line 3, column 14" for a byte offset (1-based, as nlohmann reports it).
std::string LineAndColumn(std::string_view text, size_t byte) {
  size_t line = 1, column = 1;
  for (size_t index = 0; index + 1 < byte && index < text.size(); ++index) {
    if (text[index] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

StatusOr<Scenario> ParseScenario(std::string_view json_text) {
  Json document;
  try {
    document = Json::parse(json_text);
  } catch (const Json::parse_error& error) {
    return InvalidArgument(LineAndColumn(json_text, error.byte), "not valid JSON");
  }
  ASSIGN_OR_RETURN(Fields root, Fields::Of(document, "",
                                           {"name", "days", "checkout_hour", "people", "stays", "stages", "cities",
                                            "ports", "shelters", "multipliers", "overflow"}));
  Scenario scenario;
  RETURN_IF_ERROR(root.String("name", &scenario.name));
  RETURN_IF_ERROR(root.Integer("days", &scenario.days));
  RETURN_IF_ERROR(root.Number("checkout_hour", &scenario.checkout_hour));
  RETURN_IF_ERROR(ReadPeople(root, &scenario.people));
  RETURN_IF_ERROR(ReadStays(root, &scenario.stays));
  RETURN_IF_ERROR(root.Each("stages", false, [&](const Json& item, const std::string& at) {
    scenario.stages.emplace_back();
    return ReadStage(item, at, &scenario.stages.back());
  }));
  RETURN_IF_ERROR(root.Each("cities", true, [&](const Json& item, const std::string& at) {
    scenario.cities.emplace_back();
    return ReadCity(item, at, &scenario.cities.back());
  }));
  RETURN_IF_ERROR(root.Each("ports", true, [&](const Json& item, const std::string& at) {
    scenario.ports.emplace_back();
    return ReadPort(item, at, &scenario.ports.back());
  }));
  RETURN_IF_ERROR(root.Each("shelters", false, [&](const Json& item, const std::string& at) {
    scenario.shelters.emplace_back();
    return ReadShelter(item, at, &scenario.shelters.back());
  }));
  RETURN_IF_ERROR(root.Each("multipliers", false, [&](const Json& item, const std::string& at) {
    scenario.multipliers.emplace_back();
    return ReadMultiplier(item, at, &scenario.multipliers.back());
  }));
  if (const Json* overflow = root.Find("overflow")) {
    ASSIGN_OR_RETURN(Fields fields, Fields::Of(*overflow, "overflow", {"other_cities", "max_km"}));
    RETURN_IF_ERROR(fields.Integer("other_cities", &scenario.overflow.other_cities));
    RETURN_IF_ERROR(fields.Number("max_km", &scenario.overflow.max_km));
  }
  RETURN_IF_ERROR(ValidateScenario(scenario));
  return scenario;
}

}  // namespace acogida::simulate
