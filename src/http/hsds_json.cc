// Open Referral HSDS JSON for the directory (see hsds_json.h).
#include "http/hsds_json.h"

#include "core/mexico.h"

namespace acogida::http {
namespace {

std::string At(const std::string& path, const char* key, size_t idx) {
  return JoinPath(path, key) + "[" + std::to_string(idx) + "]";
}

// `object[key]` as an array (empty when absent or null). InvalidArgument(path) otherwise.
StatusOr<Json> ArrayOf(const Json& object, const char* key, const std::string& path) {
  auto found = object.find(key);
  if (found == object.end() || found->is_null()) return Json::array();
  if (!found->is_array()) return InvalidArgument(JoinPath(path, key), "must be an array");
  for (size_t idx = 0; idx < found->size(); ++idx) {
    if (!(*found)[idx].is_object()) return InvalidArgument(At(path, key, idx), "must be an object");
  }
  return *found;
}

// An INEGI code from HSDS's free-text state_province: the code itself or the state's name.
std::string StateCode(const std::string& text) {
  for (const MexicanState& state : MexicanStates()) {
    if (text == state.inegi_code || text == state.name) return std::string(state.inegi_code);
  }
  return text;  // left for validation to reject, naming the path
}

StatusOr<Organisation> ParseOrganization(const Json& object, const std::string& path) {
  Organisation out;
  ASSIGN_OR_RETURN(out.hsds_id, ReadString(object, "id", JoinPath(path, "id"), Presence::kOptional));
  ASSIGN_OR_RETURN(out.name, ReadString(object, "name", JoinPath(path, "name"), Presence::kOptional));
  ASSIGN_OR_RETURN(out.description, ReadString(object, "description", JoinPath(path, "description"), Presence::kOptional));
  ASSIGN_OR_RETURN(out.email, ReadString(object, "email", JoinPath(path, "email"), Presence::kOptional));
  ASSIGN_OR_RETURN(out.url, ReadString(object, "website", JoinPath(path, "website"), Presence::kOptional));
  ASSIGN_OR_RETURN(out.accepts_referrals, ReadBool(object, "x_accepts_referrals", JoinPath(path, "x_accepts_referrals"),
                                                   Presence::kOptional, true));
  ASSIGN_OR_RETURN(Json services, ArrayOf(object, "services", path));
  for (size_t idx = 0; idx < services.size(); ++idx) {
    const std::string at = At(path, "services", idx);
    ASSIGN_OR_RETURN(std::string name, ReadString(services[idx], "name", JoinPath(at, "name"), Presence::kOptional));
    out.services.push_back(std::move(name));
  }
  ASSIGN_OR_RETURN(Json locations, ArrayOf(object, "locations", path));
  if (!locations.empty()) {
    const std::string at = At(path, "locations", 0);
    ASSIGN_OR_RETURN(Json addresses, ArrayOf(locations[0], "physical_addresses", at));
    if (!addresses.empty()) {
      const std::string address = At(at, "physical_addresses", 0);
      ASSIGN_OR_RETURN(out.city, ReadString(addresses[0], "city", JoinPath(address, "city"), Presence::kOptional));
      ASSIGN_OR_RETURN(std::string state, ReadString(addresses[0], "state_province", JoinPath(address, "state_province"),
                                                     Presence::kOptional));
      out.state = StateCode(state);
    }
  }
  ASSIGN_OR_RETURN(Json phones, ArrayOf(object, "phones", path));
  if (!phones.empty()) {
    const std::string at = At(path, "phones", 0);
    ASSIGN_OR_RETURN(out.phone, ReadString(phones[0], "number", JoinPath(at, "number"), Presence::kOptional));
  }
  ASSIGN_OR_RETURN(Json languages, ArrayOf(object, "languages", path));
  for (size_t idx = 0; idx < languages.size(); ++idx) {
    const std::string at = At(path, "languages", idx);
    ASSIGN_OR_RETURN(std::string code, ReadString(languages[idx], "code", JoinPath(at, "code"), Presence::kOptional));
    out.languages.push_back(std::move(code));
  }
  ASSIGN_OR_RETURN(Json schedules, ArrayOf(object, "schedules", path));
  if (!schedules.empty()) {
    const std::string at = At(path, "schedules", 0);
    ASSIGN_OR_RETURN(out.hours, ReadString(schedules[0], "description", JoinPath(at, "description"), Presence::kOptional));
  }
  return out;
}

}  // namespace

StatusOr<std::vector<Organisation>> ParseHsds(const std::string& body) {
  Json document = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return InvalidArgument("body", "is not valid JSON");
  if (!document.is_array()) return InvalidArgument("body", "must be an array of HSDS organization objects");
  std::vector<Organisation> out;
  for (size_t idx = 0; idx < document.size(); ++idx) {
    const std::string path = "[" + std::to_string(idx) + "]";
    if (!document[idx].is_object()) return InvalidArgument(path, "must be an object");
    ASSIGN_OR_RETURN(Organisation organisation, ParseOrganization(document[idx], path));
    out.push_back(std::move(organisation));
  }
  return out;
}

Json WriteHsds(const std::vector<Organisation>& organisations) {
  Json out = Json::array();
  for (const Organisation& organisation : organisations) {
    Json services = Json::array();
    for (const std::string& name : organisation.services) services.push_back(Json{{"name", name}});
    Json locations = Json::array();
    if (!organisation.city.empty() || !organisation.state.empty()) {
      const MexicanState* state = StateByInegiCode(organisation.state);
      locations.push_back(Json{{"physical_addresses",
                                {{{"city", organisation.city},
                                  {"state_province", state ? std::string(state->name) : organisation.state},
                                  {"country", "MX"}}}}});
    }
    Json phones = Json::array();
    if (!organisation.phone.empty()) phones.push_back(Json{{"number", organisation.phone}});
    Json languages = Json::array();
    for (const std::string& code : organisation.languages) languages.push_back(Json{{"code", code}});
    Json schedules = Json::array();
    if (!organisation.hours.empty()) schedules.push_back(Json{{"description", organisation.hours}});
    out.push_back(Json{{"id", organisation.hsds_id},
                       {"name", organisation.name},
                       {"description", organisation.description},
                       {"email", organisation.email},
                       {"website", organisation.url},
                       {"services", std::move(services)},
                       {"locations", std::move(locations)},
                       {"phones", std::move(phones)},
                       {"languages", std::move(languages)},
                       {"schedules", std::move(schedules)},
                       {"x_accepts_referrals", organisation.accepts_referrals}});
  }
  return out;
}

}  // namespace acogida::http
