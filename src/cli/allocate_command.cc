// `acogida allocate`: reads the scenario JSON, calls the allocation engine, writes the
// placement JSON atomically. JSON lives here, in the adapter; the engine sees plain types.
//
// Scenario:
//   {"options": {"home_weight": 0.25, "language_penalty_km": 150, "overflow_km": 5000},   (optional)
//    "shelters": [{"id": "s1", "city": "Matamoros", "location": {"lat": 25.88, "lon": -97.50},
//                  "languages": ["es", "en"],
//                  "sections": [{"id": "men", "kind": "men|women|families|minors|lgbtq|medical",
//                                "free_beds": 40, "minors_authorised": false, "accessible": true,
//                                "medical": false, "lgbtq_safe": false}]}],
//    "groups": [{"id": "g1", "arrival": {"port": "Matamoros", "lat": 25.88, "lon": -97.50},
//                "home": {"region": "Michoacán", "lat": 19.70, "lon": -101.19},
//                "composition": {"adult_men": 1, "adult_women": 1, "children": 2, "unaccompanied_minors": 0},
//                "needs": {"wheelchair": false, "medical": false, "pregnancy": false,
//                          "lgbtq_safety": false, "language": "es"},
//                "member_ids": ["p1", "p2", "p3", "p4"]}]}                                  (optional)
#include "cli/allocate_command.h"
#include "cli/command_files.h"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "allocate/allocate.h"

namespace acogida::cli {
namespace {

using nlohmann::json;
using namespace acogida::allocate;


// Typed access to one member of an object; errors name the member's path.
class Fields {
 public:
  Fields(const json& object, std::string path) : object_(object), path_(std::move(path)) {}

  static StatusOr<Fields> Of(const json& value, const std::string& path) {
    if (!value.is_object()) return InvalidArgument(path, "must be an object");
    return Fields(value, path);
  }
  std::string Path(const char* key) const { return path_.empty() ? key : path_ + "." + key; }
  const json* Find(const char* key) const {
    auto it = object_.find(key);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
  }
  Status Number(const char* key, double* out, bool required) const {
    const json* value = Find(key);
    if (!value) return required ? InvalidArgument(Path(key), "is required") : OkStatus();
    if (!value->is_number()) return InvalidArgument(Path(key), "must be a number");
    *out = value->get<double>();
    if (!std::isfinite(*out)) return InvalidArgument(Path(key), "must be a finite number");
    return OkStatus();
  }
  Status Integer(const char* key, int* out, bool required) const {
    const json* value = Find(key);
    if (!value) return required ? InvalidArgument(Path(key), "is required") : OkStatus();
    if (!value->is_number_integer()) return InvalidArgument(Path(key), "must be a whole number");
    const int64_t number = value->get<int64_t>();
    if (number < -1000000 || number > 1000000) return InvalidArgument(Path(key), "is out of range");
    *out = static_cast<int>(number);
    return OkStatus();
  }
  Status Bool(const char* key, bool* out) const {
    const json* value = Find(key);
    if (!value) return OkStatus();
    if (!value->is_boolean()) return InvalidArgument(Path(key), "must be true or false");
    *out = value->get<bool>();
    return OkStatus();
  }
  Status String(const char* key, std::string* out, bool required) const {
    const json* value = Find(key);
    if (!value) return required ? InvalidArgument(Path(key), "is required") : OkStatus();
    if (!value->is_string()) return InvalidArgument(Path(key), "must be a string");
    *out = value->get<std::string>();
    return OkStatus();
  }
  Status Strings(const char* key, std::vector<std::string>* out) const {
    const json* value = Find(key);
    if (!value) return OkStatus();
    if (!value->is_array()) return InvalidArgument(Path(key), "must be an array of strings");
    for (size_t index = 0; index < value->size(); ++index) {
      if (!(*value)[index].is_string()) {
        return InvalidArgument(Path(key) + "[" + std::to_string(index) + "]", "must be a string");
      }
      out->push_back((*value)[index].get<std::string>());
    }
    return OkStatus();
  }
  // The array member `key` (required), for iterating.
  StatusOr<const json*> Array(const char* key) const {
    const json* value = Find(key);
    if (!value) return InvalidArgument(Path(key), "is required");
    if (!value->is_array()) return InvalidArgument(Path(key), "must be an array");
    return value;
  }
  StatusOr<Fields> Object(const char* key) const {
    const json* value = Find(key);
    if (!value) return InvalidArgument(Path(key), "is required");
    return Of(*value, Path(key));
  }

 private:
  const json& object_;
  std::string path_;
};

Status ReadPoint(const Fields& parent, const char* key, const char* name_key, Point* point, std::string* name) {
  ASSIGN_OR_RETURN(Fields fields, parent.Object(key));
  RETURN_IF_ERROR(fields.Number("lat", &point->lat, true));
  RETURN_IF_ERROR(fields.Number("lon", &point->lon, true));
  if (name_key) RETURN_IF_ERROR(fields.String(name_key, name, false));
  return OkStatus();
}

Status ReadShelter(const Fields& fields, Shelter* shelter) {
  RETURN_IF_ERROR(fields.String("id", &shelter->id, true));
  RETURN_IF_ERROR(fields.String("city", &shelter->city, false));
  RETURN_IF_ERROR(ReadPoint(fields, "location", nullptr, &shelter->location, nullptr));
  RETURN_IF_ERROR(fields.Strings("languages", &shelter->languages));
  ASSIGN_OR_RETURN(const json* sections, fields.Array("sections"));
  for (size_t index = 0; index < sections->size(); ++index) {
    ASSIGN_OR_RETURN(Fields section_fields,
                     Fields::Of((*sections)[index], fields.Path("sections") + "[" + std::to_string(index) + "]"));
    Section section;
    std::string kind;
    RETURN_IF_ERROR(section_fields.String("id", &section.id, true));
    RETURN_IF_ERROR(section_fields.String("kind", &kind, true));
    if (!ParseSectionKind(kind, &section.kind)) {
      return InvalidArgument(section_fields.Path("kind"), "must be men, women, families, minors, lgbtq or medical");
    }
    RETURN_IF_ERROR(section_fields.Integer("free_beds", &section.free_beds, true));
    RETURN_IF_ERROR(section_fields.Bool("minors_authorised", &section.minors_authorised));
    RETURN_IF_ERROR(section_fields.Bool("accessible", &section.accessible));
    RETURN_IF_ERROR(section_fields.Bool("medical", &section.medical));
    RETURN_IF_ERROR(section_fields.Bool("lgbtq_safe", &section.lgbtq_safe));
    shelter->sections.push_back(std::move(section));
  }
  return OkStatus();
}

Status ReadGroup(const Fields& fields, Group* group) {
  RETURN_IF_ERROR(fields.String("id", &group->id, true));
  RETURN_IF_ERROR(ReadPoint(fields, "arrival", "port", &group->arrival, &group->arrival_port));
  RETURN_IF_ERROR(ReadPoint(fields, "home", "region", &group->home, &group->home_region));
  ASSIGN_OR_RETURN(Fields composition, fields.Object("composition"));
  RETURN_IF_ERROR(composition.Integer("adult_men", &group->composition.adult_men, false));
  RETURN_IF_ERROR(composition.Integer("adult_women", &group->composition.adult_women, false));
  RETURN_IF_ERROR(composition.Integer("children", &group->composition.children, false));
  RETURN_IF_ERROR(composition.Integer("unaccompanied_minors", &group->composition.unaccompanied_minors, false));
  if (fields.Find("needs")) {
    ASSIGN_OR_RETURN(Fields needs, fields.Object("needs"));
    RETURN_IF_ERROR(needs.Bool("wheelchair", &group->needs.wheelchair));
    RETURN_IF_ERROR(needs.Bool("medical", &group->needs.medical));
    RETURN_IF_ERROR(needs.Bool("pregnancy", &group->needs.pregnancy));
    RETURN_IF_ERROR(needs.Bool("lgbtq_safety", &group->needs.lgbtq_safety));
    RETURN_IF_ERROR(needs.String("language", &group->needs.language, false));
  }
  return fields.Strings("member_ids", &group->member_ids);
}

// "line 3, column 14" for a byte offset (1-based, as nlohmann reports it).
std::string LineAndColumn(const std::string& text, size_t byte) {
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

StatusOr<Problem> ParseScenario(const std::string& text, AllocationOptions* options) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& error) {
    return InvalidArgument(LineAndColumn(text, error.byte), "not valid JSON");
  }
  ASSIGN_OR_RETURN(Fields root, Fields::Of(document, ""));
  if (root.Find("options")) {
    ASSIGN_OR_RETURN(Fields option_fields, root.Object("options"));
    RETURN_IF_ERROR(option_fields.Number("home_weight", &options->home_weight, false));
    RETURN_IF_ERROR(option_fields.Number("language_penalty_km", &options->language_penalty_km, false));
    RETURN_IF_ERROR(option_fields.Number("overflow_km", &options->overflow_km, false));
    if (options->home_weight < 0 || options->home_weight > 10) {
      return InvalidArgument("options.home_weight", "must be between 0 and 10");
    }
    if (options->language_penalty_km < 0 || options->language_penalty_km > 10000) {
      return InvalidArgument("options.language_penalty_km", "must be between 0 and 10000");
    }
    if (options->overflow_km < 1 || options->overflow_km > 100000) {
      return InvalidArgument("options.overflow_km", "must be between 1 and 100000");
    }
  }
  Problem problem;
  ASSIGN_OR_RETURN(const json* shelters, root.Array("shelters"));
  for (size_t index = 0; index < shelters->size(); ++index) {
    ASSIGN_OR_RETURN(Fields fields, Fields::Of((*shelters)[index], "shelters[" + std::to_string(index) + "]"));
    problem.shelters.emplace_back();
    RETURN_IF_ERROR(ReadShelter(fields, &problem.shelters.back()));
  }
  ASSIGN_OR_RETURN(const json* groups, root.Array("groups"));
  for (size_t index = 0; index < groups->size(); ++index) {
    ASSIGN_OR_RETURN(Fields fields, Fields::Of((*groups)[index], "groups[" + std::to_string(index) + "]"));
    problem.groups.emplace_back();
    RETURN_IF_ERROR(ReadGroup(fields, &problem.groups.back()));
  }
  return problem;
}

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPlaced: return "placed";
    case Outcome::kNoSuitableSection: return "no_suitable_section";
    case Outcome::kNoRoom: return "no_room";
  }
  return "?";
}

double Rounded(double value) { return std::round(value * 10) / 10; }

json PlacementJson(const Problem& problem, const Placement& placement, const std::string& method) {
  json out;
  out["method"] = method;
  out["objective_km"] = placement.cost / 10.0;
  if (placement.lower_bound > 0) {
    out["lower_bound_km"] = placement.lower_bound / 10.0;
    out["gap_percent"] = Rounded(1000.0 * (placement.cost - placement.lower_bound) / placement.lower_bound) / 10.0;
  }
  out["placed_people"] = placement.placed_people;
  out["unplaced_people"] = placement.unplaced_people;
  json placements = json::array();
  for (size_t index = 0; index < problem.groups.size(); ++index) {
    const GroupPlacement& group = placement.groups[index];
    json row;
    row["group"] = problem.groups[index].id;
    row["outcome"] = OutcomeName(group.outcome);
    if (group.shelter >= 0) {
      const Shelter& shelter = problem.shelters[group.shelter];
      row["shelter"] = shelter.id;
      row["section"] = shelter.sections[group.section].id;
      row["travel_km"] = Rounded(group.travel_km);
    }
    row["people"] = problem.groups[index].composition.size();
    row["reason"] = group.reason;
    placements.push_back(std::move(row));
  }
  out["placements"] = std::move(placements);
  json without = json::array();
  for (const PersonWithoutBed& person : placement.people_without_bed) {
    json row;
    row["group"] = person.group_id;
    if (!person.member_id.empty()) row["member"] = person.member_id;
    without.push_back(std::move(row));
  }
  out["people_without_bed"] = std::move(without);
  return out;
}

}  // namespace

AllocateCommand::AllocateCommand(CLI::App& app) {
  command_ = app.add_subcommand("allocate", "Plan the placement of arriving groups in shelter beds");
  command_->add_option("--scenario", scenario_, "JSON file: shelters with free beds per section, arriving groups")
      ->required();
  command_->add_option("--out", out_, "Where to write the placement (JSON)")->required();
  command_->add_option("--method", method_, "flow (optimised) or greedy (first fit by proximity)")
      ->capture_default_str()
      ->check(CLI::IsMember({"flow", "greedy"}));
}

int AllocateCommand::Run() const {
  StatusOr<std::string> text = ReadWholeFile(scenario_);
  if (!text.ok()) return Report(scenario_, text.status());
  AllocationOptions options;
  StatusOr<Problem> problem = ParseScenario(*text, &options);
  if (!problem.ok()) return Report(scenario_, problem.status());
  StatusOr<Placement> placement =
      method_ == "greedy" ? AllocateGreedy(*problem, options) : AllocateBeds(*problem, options);
  if (!placement.ok()) return Report(scenario_, placement.status());
  Status written = WriteAtomically(out_, PlacementJson(*problem, *placement, method_).dump(2) + "\n");
  if (!written.ok()) return Report(out_, written);
  std::fprintf(stderr, "acogida: %d people placed, %d without a bed\n", placement->placed_people,
               placement->unplaced_people);
  return 0;
}

}  // namespace acogida::cli
