// Typed reading of JSON request bodies with errors that name the field: a missing required
// field, a wrong type or an out-of-range number becomes InvalidArgument("members[0].sex").
// Only src/http sees nlohmann::json. Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/status.h"

namespace acogida::http {

using Json = nlohmann::json;

enum class Presence { kRequired, kOptional };

// Parses a request body that must be a JSON object. InvalidArgument("body") otherwise.
StatusOr<Json> ParseObject(const std::string& body);

// Each reads `object[key]`; `path` is the field name reported on error (e.g.
// "members[2].given_names"). An optional absent (or null) field yields `fallback`.
StatusOr<std::string> ReadString(const Json& object, const char* key, const std::string& path, Presence presence,
                                 std::string fallback = {});
StatusOr<int64_t> ReadInt(const Json& object, const char* key, const std::string& path, Presence presence,
                          int64_t fallback = 0);
StatusOr<double> ReadDouble(const Json& object, const char* key, const std::string& path, Presence presence,
                            double fallback = 0);
StatusOr<bool> ReadBool(const Json& object, const char* key, const std::string& path, Presence presence,
                        bool fallback = false);
StatusOr<std::vector<std::string>> ReadStrings(const Json& object, const char* key, const std::string& path,
                                               Presence presence);

// Joins a parent path and a key: JoinPath("members[1]", "sex") → "members[1].sex".
std::string JoinPath(const std::string& parent, const char* key);

}  // namespace acogida::http
