// JSON codec for sites, sections, persons, households and arrivals.
#include "http/json_codec.h"

#include <algorithm>

namespace acogida::http {
namespace {

constexpr size_t kMaxMembers = 30;

StatusOr<int64_t> ReadVersion(const Json& body, Purpose purpose) {
  if (purpose == Purpose::kCreate) return int64_t{1};
  ASSIGN_OR_RETURN(int64_t version, ReadInt(body, "version", "version", Presence::kRequired));
  if (version < 1) return InvalidArgument("version", "must be 1 or more");
  return version;
}

// Every item when the site chose none (the stored empty list means all).
std::vector<std::string> ServiceItemNames(const std::vector<ServiceItem>& chosen) {
  std::vector<std::string> names;
  for (ServiceItem item : OfferedItems(chosen)) names.emplace_back(ServiceItemName(item));
  return names;
}

}  // namespace

Json SiteToJson(const Site& site, int64_t beds) {
  return Json{{"id", site.id},
              {"name", site.name},
              {"kind", SiteKindName(site.kind)},
              {"operator", site.operator_name},
              {"city", site.city},
              {"state", site.state},
              {"timezone", site.timezone},
              {"latitude", site.latitude},
              {"longitude", site.longitude},
              {"demo", site.demo},
              {"publish_capacity", site.publish_capacity},
              {"services_offered", ServiceItemNames(site.services_offered)},
              {"version", site.version},
              {"beds", beds}};
}

Json SectionToJson(const Section& section) {
  return Json{{"id", section.id},     {"site_id", section.site_id}, {"name", section.name},
              {"kind", SectionKindName(section.kind)}, {"beds", section.beds}, {"accessible", section.accessible},
              {"version", section.version}};
}

Json PersonToJson(const Person& person) {
  return Json{{"id", person.id},
              {"household_id", person.household_id},
              {"given_names", person.given_names},
              {"paternal_surname", person.paternal_surname},
              {"maternal_surname", person.maternal_surname},
              {"full_name", person.FullName()},
              {"sex", SexCode(person.sex)},
              {"birth_date", person.birth_date.ToString()},
              {"birth_state", person.birth_state},
              {"birth_municipality", person.birth_municipality},
              {"curp", person.curp},
              {"languages", person.languages},
              {"phone", person.phone},
              {"notes", person.notes},
              {"relationship", RelationshipName(person.relationship)},
              {"version", person.version},
              {"created_at", person.created_at}};
}

Json ArrivalViewToJson(const ArrivalView& view) {
  return Json{{"id", view.arrival.id},
              {"person_id", view.arrival.person_id},
              {"household_id", view.arrival.household_id},
              {"site_id", view.arrival.site_id},
              {"site_name", view.site_name},
              {"full_name", view.full_name},
              {"arrived_at", view.arrival.arrived_at},
              {"mode", ArrivalModeName(view.arrival.mode)},
              {"batch_id", view.arrival.batch_id}};
}

Json HouseholdToJson(const Household& household) {
  Json members = Json::array();
  for (const Person& member : household.members) members.push_back(PersonToJson(member));
  return Json{{"id", household.id},
              {"site_id", household.site_id},
              {"created_at", household.created_at},
              {"members", std::move(members)}};
}

Json UserToJson(const User& user) {
  return Json{{"id", user.id},
              {"username", user.username},
              {"display_name", user.display_name},
              {"role", RoleName(user.role)},
              {"site_ids", user.site_ids}};
}

Json AccountToJson(const User& user) {
  Json out = UserToJson(user);
  out["disabled"] = user.disabled;
  out["version"] = user.version;
  out["created_at"] = user.created_at;
  return out;
}

StatusOr<Site> SiteFromJson(const Json& body, int64_t id, Purpose purpose) {
  Site site;
  site.id = id;
  ASSIGN_OR_RETURN(site.version, ReadVersion(body, purpose));
  ASSIGN_OR_RETURN(site.name, ReadString(body, "name", "name", Presence::kRequired));
  ASSIGN_OR_RETURN(std::string kind, ReadString(body, "kind", "kind", Presence::kRequired));
  auto parsed_kind = ParseSiteKind(kind);
  if (!parsed_kind) return InvalidArgument("kind", "must be reception_centre or shelter");
  site.kind = *parsed_kind;
  ASSIGN_OR_RETURN(site.operator_name, ReadString(body, "operator", "operator", Presence::kOptional));
  ASSIGN_OR_RETURN(site.city, ReadString(body, "city", "city", Presence::kRequired));
  ASSIGN_OR_RETURN(site.state, ReadString(body, "state", "state", Presence::kRequired));
  ASSIGN_OR_RETURN(site.timezone, ReadString(body, "timezone", "timezone", Presence::kRequired));
  ASSIGN_OR_RETURN(site.latitude, ReadDouble(body, "latitude", "latitude", Presence::kRequired));
  ASSIGN_OR_RETURN(site.longitude, ReadDouble(body, "longitude", "longitude", Presence::kRequired));
  ASSIGN_OR_RETURN(site.publish_capacity,
                   ReadBool(body, "publish_capacity", "publish_capacity", Presence::kOptional));
  ASSIGN_OR_RETURN(std::vector<std::string> offered,
                   ReadStrings(body, "services_offered", "services_offered", Presence::kOptional));
  for (size_t idx = 0; idx < offered.size(); ++idx) {
    auto item = ParseServiceItem(offered[idx]);
    if (!item) return InvalidArgument("services_offered[" + std::to_string(idx) + "]", "is not a checklist item");
    if (std::find(site.services_offered.begin(), site.services_offered.end(), *item) == site.services_offered.end()) {
      site.services_offered.push_back(*item);
    }
  }
  return site;
}

StatusOr<Section> SectionFromJson(const Json& body, int64_t id, int64_t site_id, Purpose purpose) {
  Section section;
  section.id = id;
  section.site_id = site_id;
  ASSIGN_OR_RETURN(section.version, ReadVersion(body, purpose));
  ASSIGN_OR_RETURN(section.name, ReadString(body, "name", "name", Presence::kRequired));
  ASSIGN_OR_RETURN(std::string kind, ReadString(body, "kind", "kind", Presence::kRequired));
  auto parsed_kind = ParseSectionKind(kind);
  if (!parsed_kind) {
    return InvalidArgument("kind", "must be men, women, families, unaccompanied_minors, lgbtq or medical");
  }
  section.kind = *parsed_kind;
  ASSIGN_OR_RETURN(int64_t beds, ReadInt(body, "beds", "beds", Presence::kRequired));
  if (beds < 0 || beds > 5000) return InvalidArgument("beds", "must be 0 to 5000");
  section.beds = static_cast<int>(beds);
  ASSIGN_OR_RETURN(section.accessible, ReadBool(body, "accessible", "accessible", Presence::kOptional));
  return section;
}

StatusOr<Person> PersonFromJson(const Json& body, const std::string& path) {
  if (!body.is_object()) return InvalidArgument(path, "must be an object");
  Person person;
  ASSIGN_OR_RETURN(person.given_names,
                   ReadString(body, "given_names", JoinPath(path, "given_names"), Presence::kRequired));
  ASSIGN_OR_RETURN(person.paternal_surname,
                   ReadString(body, "paternal_surname", JoinPath(path, "paternal_surname"), Presence::kOptional));
  ASSIGN_OR_RETURN(person.maternal_surname,
                   ReadString(body, "maternal_surname", JoinPath(path, "maternal_surname"), Presence::kOptional));
  ASSIGN_OR_RETURN(std::string sex, ReadString(body, "sex", JoinPath(path, "sex"), Presence::kOptional));
  auto parsed_sex = ParseSex(sex);
  if (!parsed_sex) return InvalidArgument(JoinPath(path, "sex"), "must be F, M, X or empty");
  person.sex = *parsed_sex;
  ASSIGN_OR_RETURN(std::string birth_date,
                   ReadString(body, "birth_date", JoinPath(path, "birth_date"), Presence::kOptional));
  ASSIGN_OR_RETURN(person.birth_date, ParseBirthDate(birth_date, JoinPath(path, "birth_date")));
  ASSIGN_OR_RETURN(person.birth_state,
                   ReadString(body, "birth_state", JoinPath(path, "birth_state"), Presence::kOptional));
  ASSIGN_OR_RETURN(person.birth_municipality, ReadString(body, "birth_municipality",
                                                         JoinPath(path, "birth_municipality"), Presence::kOptional));
  ASSIGN_OR_RETURN(person.curp, ReadString(body, "curp", JoinPath(path, "curp"), Presence::kOptional));
  ASSIGN_OR_RETURN(person.languages,
                   ReadStrings(body, "languages", JoinPath(path, "languages"), Presence::kOptional));
  ASSIGN_OR_RETURN(person.phone, ReadString(body, "phone", JoinPath(path, "phone"), Presence::kOptional));
  ASSIGN_OR_RETURN(person.notes, ReadString(body, "notes", JoinPath(path, "notes"), Presence::kOptional));
  ASSIGN_OR_RETURN(std::string relationship, ReadString(body, "relationship", JoinPath(path, "relationship"),
                                                        Presence::kOptional, "head"));
  auto parsed_relationship = ParseRelationship(relationship);
  if (!parsed_relationship) {
    return InvalidArgument(JoinPath(path, "relationship"),
                           "must be head, spouse, child, parent, sibling, grandchild, other_relative or non_relative");
  }
  person.relationship = *parsed_relationship;
  auto consents = body.find("consents");
  if (consents != body.end() && !consents->is_null()) {
    ASSIGN_OR_RETURN(person.consents, ConsentsFromJson(*consents, JoinPath(path, "consents")));
  }
  return person;
}

Json ConsentsToJson(const Consents& consents) {
  return Json{{"services", consents.services},
              {"family_tracing", consents.family_tracing},
              {"share_with", consents.share_with}};
}

StatusOr<Consents> ConsentsFromJson(const Json& body, const std::string& path) {
  Consents consents;
  if (!body.is_object()) return InvalidArgument(path, "must be an object");
  for (auto [key, target] : {std::pair<const char*, bool*>{"services", &consents.services},
                             std::pair<const char*, bool*>{"family_tracing", &consents.family_tracing}}) {
    auto found = body.find(key);
    if (found == body.end() || found->is_null()) continue;
    if (!found->is_boolean()) return InvalidArgument(JoinPath(path, key), "must be true or false");
    *target = found->get<bool>();
  }
  ASSIGN_OR_RETURN(consents.share_with,
                   ReadStrings(body, "share_with", JoinPath(path, "share_with"), Presence::kOptional));
  return consents;
}

StatusOr<NewHousehold> NewHouseholdFromJson(const Json& body) {
  NewHousehold household;
  ASSIGN_OR_RETURN(household.site_id, ReadInt(body, "site_id", "site_id", Presence::kRequired));
  ASSIGN_OR_RETURN(household.arrived_at, ReadString(body, "arrived_at", "arrived_at", Presence::kOptional));
  ASSIGN_OR_RETURN(std::string mode, ReadString(body, "mode", "mode", Presence::kOptional, "land_port"));
  auto parsed_mode = ParseArrivalMode(mode);
  if (!parsed_mode) return InvalidArgument("mode", "must be land_port, flight, bus or other");
  household.mode = *parsed_mode;
  ASSIGN_OR_RETURN(household.batch_id, ReadString(body, "batch_id", "batch_id", Presence::kOptional));
  auto members = body.find("members");
  if (members == body.end() || !members->is_array()) return InvalidArgument("members", "must be a list of persons");
  if (members->empty()) return InvalidArgument("members", "must have at least one person");
  if (members->size() > kMaxMembers) return InvalidArgument("members", "must have at most 30 persons");
  for (size_t idx = 0; idx < members->size(); ++idx) {
    ASSIGN_OR_RETURN(Person member, PersonFromJson((*members)[idx], "members[" + std::to_string(idx) + "]"));
    household.members.push_back(std::move(member));
  }
  return household;
}

}  // namespace acogida::http
