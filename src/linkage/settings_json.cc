// JSON → Settings with nlohmann-json; its exceptions are caught here and become Status.
#include "linkage/settings_json.h"

#include <nlohmann/json.hpp>

#include <set>

namespace acogida::linkage {
namespace {

using Json = nlohmann::json;

Status CheckKeys(const Json& object, const std::string& path, const std::set<std::string>& allowed) {
  if (!object.is_object()) return InvalidArgument(path.empty() ? "settings" : path, "must be an object");
  for (const auto& item : object.items()) {
    if (!allowed.count(item.key())) {
      return InvalidArgument(path.empty() ? item.key() : path + "." + item.key(), "is not a known setting");
    }
  }
  return OkStatus();
}

StatusOr<std::vector<std::string>> Strings(const Json& value, const std::string& path) {
  if (!value.is_array()) return InvalidArgument(path, "must be a list of strings");
  std::vector<std::string> out;
  for (const Json& item : value) {
    if (!item.is_string()) return InvalidArgument(path, "must be a list of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

StatusOr<ComparisonKind> ParseKind(const Json& value, const std::string& path) {
  if (!value.is_string()) return InvalidArgument(path, "must be a string");
  const std::string kind = value.get<std::string>();
  if (kind == "exact") return ComparisonKind::kExact;
  if (kind == "name") return ComparisonKind::kName;
  if (kind == "given_names") return ComparisonKind::kGivenNames;
  if (kind == "surnames") return ComparisonKind::kSurnames;
  if (kind == "date") return ComparisonKind::kDate;
  if (kind == "levenshtein") return ComparisonKind::kLevenshtein;
  if (kind == "curp") return ComparisonKind::kCurp;
  if (kind == "name_pair") return ComparisonKind::kNamePair;
  return InvalidArgument(path, "unknown kind '" + kind +
                                   "' (exact, name, given_names, surnames, name_pair, date, levenshtein, curp)");
}

StatusOr<double> Number(const Json& value, const std::string& path) {
  if (!value.is_number()) return InvalidArgument(path, "must be a number");
  return value.get<double>();
}

StatusOr<ComparisonSettings> ParseComparison(const Json& object, const std::string& path) {
  RETURN_IF_ERROR(
      CheckKeys(object, path, {"name", "kind", "columns", "thresholds", "term_frequency", "m", "u", "veto_levels"}));
  ComparisonSettings comparison;
  if (object.contains("veto_levels")) {
    ASSIGN_OR_RETURN(comparison.veto_levels, Strings(object["veto_levels"], path + ".veto_levels"));
  }
  if (!object.contains("name") || !object["name"].is_string()) return InvalidArgument(path + ".name", "is required");
  comparison.name = object["name"].get<std::string>();
  if (!object.contains("kind")) return InvalidArgument(path + ".kind", "is required");
  ASSIGN_OR_RETURN(comparison.kind, ParseKind(object["kind"], path + ".kind"));
  if (!object.contains("columns")) return InvalidArgument(path + ".columns", "is required");
  ASSIGN_OR_RETURN(comparison.columns, Strings(object["columns"], path + ".columns"));
  if (object.contains("thresholds")) {
    const Json& thresholds = object["thresholds"];
    if (!thresholds.is_array()) return InvalidArgument(path + ".thresholds", "must be a list of numbers");
    for (const Json& threshold : thresholds) {
      ASSIGN_OR_RETURN(double value, Number(threshold, path + ".thresholds"));
      comparison.thresholds.push_back(value);
    }
  }
  for (const char* key : {"m", "u"}) {
    if (!object.contains(key)) continue;
    const Json& values = object[key];
    if (!values.is_array()) return InvalidArgument(path + "." + key, "must be a list of numbers");
    for (const Json& value : values) {
      ASSIGN_OR_RETURN(double number, Number(value, path + "." + key));
      (std::string(key) == "m" ? comparison.m : comparison.u).push_back(number);
    }
  }
  if (object.contains("term_frequency")) {
    if (!object["term_frequency"].is_boolean()) return InvalidArgument(path + ".term_frequency", "must be true or false");
    comparison.term_frequency = object["term_frequency"].get<bool>();
  }
  return comparison;
}

StatusOr<BlockingKey> ParseBlockingKey(const Json& object, const std::string& path) {
  RETURN_IF_ERROR(CheckKeys(object, path, {"name", "key"}));
  BlockingKey key;
  if (!object.contains("name") || !object["name"].is_string()) return InvalidArgument(path + ".name", "is required");
  key.name = object["name"].get<std::string>();
  if (!object.contains("key")) return InvalidArgument(path + ".key", "is required");
  ASSIGN_OR_RETURN(key.parts, Strings(object["key"], path + ".key"));
  return key;
}

StatusOr<Settings> FromJson(const Json& root) {
  RETURN_IF_ERROR(CheckKeys(root, "", {"id_column", "trim_fields", "threshold", "max_block_size", "required_columns",
                                       "missing_columns_are_unknown", "comparisons", "blocking", "em", "description"}));
  Settings settings;
  if (root.contains("id_column")) {
    if (!root["id_column"].is_string()) return InvalidArgument("id_column", "must be a string");
    settings.id_column = root["id_column"].get<std::string>();
  }
  for (const char* flag : {"trim_fields", "missing_columns_are_unknown"}) {
    if (!root.contains(flag)) continue;
    if (!root[flag].is_boolean()) return InvalidArgument(flag, "must be true or false");
    (std::string(flag) == "trim_fields" ? settings.trim_fields : settings.missing_columns_are_unknown) =
        root[flag].get<bool>();
  }
  if (root.contains("threshold")) {
    ASSIGN_OR_RETURN(settings.threshold, Number(root["threshold"], "threshold"));
    if (!(settings.threshold > 0 && settings.threshold < 1)) {
      return InvalidArgument("threshold", "must be between 0 and 1 (exclusive)");
    }
  }
  if (root.contains("max_block_size")) {
    if (!root["max_block_size"].is_number_unsigned() || root["max_block_size"].get<size_t>() < 2) {
      return InvalidArgument("max_block_size", "must be a whole number of at least 2");
    }
    settings.max_block_size = root["max_block_size"].get<size_t>();
  }
  if (root.contains("required_columns")) {
    ASSIGN_OR_RETURN(settings.required_columns, Strings(root["required_columns"], "required_columns"));
  }
  if (!root.contains("comparisons") || !root["comparisons"].is_array() || root["comparisons"].empty()) {
    return InvalidArgument("comparisons", "must be a non-empty list");
  }
  for (size_t idx = 0; idx < root["comparisons"].size(); ++idx) {
    ASSIGN_OR_RETURN(ComparisonSettings comparison,
                     ParseComparison(root["comparisons"][idx], "comparisons[" + std::to_string(idx) + "]"));
    settings.comparisons.push_back(std::move(comparison));
  }
  if (!root.contains("blocking") || !root["blocking"].is_array() || root["blocking"].empty()) {
    return InvalidArgument("blocking", "must be a non-empty list");
  }
  for (size_t idx = 0; idx < root["blocking"].size(); ++idx) {
    ASSIGN_OR_RETURN(BlockingKey key, ParseBlockingKey(root["blocking"][idx], "blocking[" + std::to_string(idx) + "]"));
    settings.blocking.push_back(std::move(key));
  }
  if (root.contains("em")) {
    const Json& em = root["em"];
    RETURN_IF_ERROR(CheckKeys(em, "em", {"max_iterations", "tolerance", "max_training_pairs", "initial_match_share",
                                         "u_from_random_pairs", "random_pairs", "seed", "min_training_pairs"}));
    if (em.contains("min_training_pairs")) {
      if (!em["min_training_pairs"].is_number_unsigned()) {
        return InvalidArgument("em.min_training_pairs", "must be a whole number");
      }
      settings.em.min_training_pairs = em["min_training_pairs"].get<size_t>();
    }
    if (em.contains("u_from_random_pairs")) {
      if (!em["u_from_random_pairs"].is_boolean()) return InvalidArgument("em.u_from_random_pairs", "must be true or false");
      settings.em.u_from_random_pairs = em["u_from_random_pairs"].get<bool>();
    }
    for (const char* count : {"random_pairs", "seed"}) {
      if (!em.contains(count)) continue;
      if (!em[count].is_number_unsigned()) return InvalidArgument(std::string("em.") + count, "must be a whole number");
      (std::string(count) == "seed" ? settings.em.seed : settings.em.random_pairs) = em[count].get<uint64_t>();
    }
    if (em.contains("max_iterations")) {
      if (!em["max_iterations"].is_number_unsigned()) return InvalidArgument("em.max_iterations", "must be a whole number");
      settings.em.max_iterations = em["max_iterations"].get<int>();
    }
    if (em.contains("tolerance")) {
      ASSIGN_OR_RETURN(settings.em.tolerance, Number(em["tolerance"], "em.tolerance"));
    }
    if (em.contains("max_training_pairs")) {
      if (!em["max_training_pairs"].is_number_unsigned()) {
        return InvalidArgument("em.max_training_pairs", "must be a whole number");
      }
      settings.em.max_training_pairs = em["max_training_pairs"].get<size_t>();
    }
    if (em.contains("initial_match_share")) {
      ASSIGN_OR_RETURN(settings.em.initial_match_share, Number(em["initial_match_share"], "em.initial_match_share"));
      if (!(settings.em.initial_match_share > 0 && settings.em.initial_match_share < 1)) {
        return InvalidArgument("em.initial_match_share", "must be between 0 and 1 (exclusive)");
      }
    }
  }
  return settings;
}

}  // namespace

StatusOr<Settings> ParseSettingsJson(std::string_view json_text) {
  Json root;
  try {
    root = Json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/true,
                       /*ignore_comments=*/true);
  } catch (const Json::parse_error& error) {
    return InvalidArgument("settings", std::string("is not valid JSON: ") + error.what());
  }
  try {
    return FromJson(root);
  } catch (const Json::exception& error) {
    return InvalidArgument("settings", std::string("could not be read: ") + error.what());
  }
}

}  // namespace acogida::linkage
