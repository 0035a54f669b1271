// Typed JSON field reading with field-named errors.
#include "http/json_fields.h"

namespace acogida::http {
namespace {

// The field's value, nullptr when absent or null; an error when required and missing.
StatusOr<const Json*> Find(const Json& object, const char* key, const std::string& path, Presence presence) {
  auto found = object.find(key);
  if (found == object.end() || found->is_null()) {
    if (presence == Presence::kRequired) return InvalidArgument(path, "is required");
    return static_cast<const Json*>(nullptr);
  }
  return &*found;
}

}  // namespace

std::string JoinPath(const std::string& parent, const char* key) {
  return parent.empty() ? std::string(key) : parent + "." + key;
}

StatusOr<Json> ParseObject(const std::string& body) {
  Json parsed = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return InvalidArgument("body", "is not valid JSON");
  if (!parsed.is_object()) return InvalidArgument("body", "must be a JSON object");
  return parsed;
}

StatusOr<std::string> ReadString(const Json& object, const char* key, const std::string& path, Presence presence,
                                 std::string fallback) {
  ASSIGN_OR_RETURN(const Json* value, Find(object, key, path, presence));
  if (value == nullptr) return fallback;
  if (!value->is_string()) return InvalidArgument(path, "must be a string");
  return value->get<std::string>();
}

StatusOr<int64_t> ReadInt(const Json& object, const char* key, const std::string& path, Presence presence,
                          int64_t fallback) {
  ASSIGN_OR_RETURN(const Json* value, Find(object, key, path, presence));
  if (value == nullptr) return fallback;
  if (!value->is_number_integer()) return InvalidArgument(path, "must be a whole number");
  if (value->is_number_unsigned() && value->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
    return InvalidArgument(path, "is too large");
  }
  return value->get<int64_t>();
}

StatusOr<double> ReadDouble(const Json& object, const char* key, const std::string& path, Presence presence,
                            double fallback) {
  ASSIGN_OR_RETURN(const Json* value, Find(object, key, path, presence));
  if (value == nullptr) return fallback;
  if (!value->is_number()) return InvalidArgument(path, "must be a number");
  return value->get<double>();
}

StatusOr<bool> ReadBool(const Json& object, const char* key, const std::string& path, Presence presence,
                        bool fallback) {
  ASSIGN_OR_RETURN(const Json* value, Find(object, key, path, presence));
  if (value == nullptr) return fallback;
  if (!value->is_boolean()) return InvalidArgument(path, "must be true or false");
  return value->get<bool>();
}

StatusOr<std::vector<std::string>> ReadStrings(const Json& object, const char* key, const std::string& path,
                                               Presence presence) {
  ASSIGN_OR_RETURN(const Json* value, Find(object, key, path, presence));
  std::vector<std::string> out;
  if (value == nullptr) return out;
  if (!value->is_array()) return InvalidArgument(path, "must be a list of strings");
  for (size_t idx = 0; idx < value->size(); ++idx) {
    const Json& item = (*value)[idx];
    if (!item.is_string()) return InvalidArgument(path + "[" + std::to_string(idx) + "]", "must be a string");
    out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace acogida::http
