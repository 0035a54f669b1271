// Health, households, persons and arrivals:
//   GET  /api/v1/health                       liveness and version
//   POST /api/v1/households                   register an arriving household (one transaction)
//   GET  /api/v1/households/{id}              a household with its members
//   GET  /api/v1/persons?q=&limit=&offset=    search by partial name, any accents or case
//                                             (&fuzzy=true: ranked by the identity index)
//   POST /api/v1/persons/matches              likely earlier records of a draft person
//   POST /api/v1/persons/{id}/links           staff decide: same human being, or different people
//   GET  /api/v1/persons/{id}/links           those decisions
//   DELETE /api/v1/person-links/{id}          undo a "same" link (kept as history)
//   GET  /api/v1/persons/{id}                 one person with their arrivals
//   GET  /api/v1/sites/{id}/arrivals?date=    arrivals at a site on a local day
//   PUT  /api/v1/persons/{id}/consents        record consents given or withdrawn
//   GET  /api/v1/tracing?q=                   family tracing: consenting persons, name and birth year only
//                                             (&fuzzy=true: through the identity index)
#include "http/api.h"
#include "http/json_codec.h"

namespace acogida::http {
namespace {

bool WantsFuzzy(const Call& call) { return call.req.get_param_value("fuzzy") == "true"; }

StatusOr<IdentityService*> Identity(IdentityService* identity) {
  if (identity == nullptr) return Unavailable("identity resolution is not running on this server");
  return identity;
}

// A draft person typed at intake: names, sex (F, M, X), birth date, state, CURP.
StatusOr<Person> DraftFromJson(const Json& body) {
  Person draft;
  ASSIGN_OR_RETURN(draft.given_names, ReadString(body, "given_names", "given_names", Presence::kOptional));
  ASSIGN_OR_RETURN(draft.paternal_surname, ReadString(body, "paternal_surname", "paternal_surname", Presence::kOptional));
  ASSIGN_OR_RETURN(draft.maternal_surname, ReadString(body, "maternal_surname", "maternal_surname", Presence::kOptional));
  ASSIGN_OR_RETURN(std::string sex, ReadString(body, "sex", "sex", Presence::kOptional));
  auto parsed_sex = ParseSex(sex);
  if (!parsed_sex) return InvalidArgument("sex", "must be F, M, X or empty");
  draft.sex = *parsed_sex;
  ASSIGN_OR_RETURN(std::string birth_date, ReadString(body, "birth_date", "birth_date", Presence::kOptional));
  ASSIGN_OR_RETURN(draft.birth_date, ParseBirthDate(birth_date, "birth_date"));
  ASSIGN_OR_RETURN(draft.birth_state, ReadString(body, "birth_state", "birth_state", Presence::kOptional));
  ASSIGN_OR_RETURN(draft.curp, ReadString(body, "curp", "curp", Presence::kOptional));
  return draft;
}

Json MatchToJson(const IdentityMatch& match) {
  Json explanation = Json::array();
  for (const linkage::FieldContribution& field : match.explanation.fields) {
    explanation.push_back(Json{{"field", field.comparison}, {"level", field.level},
                               {"weight", field.weight + field.tf_adjustment}});
  }
  auto or_null = [&](const std::string& value) { return match.visible ? Json(value) : Json(nullptr); };
  return Json{{"visible", match.visible},
              {"person_id", match.visible ? Json(match.person_id) : Json(nullptr)},
              {"probability", match.probability},
              {"full_name", or_null(match.full_name)},
              {"birth_date", or_null(match.birth_date)},
              {"site_name", match.site_name},
              {"registered_at", match.registered_at},
              {"explanation", std::move(explanation)}};
}

Json LinkToJson(const PersonLink& link) {
  auto or_null = [](const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); };
  return Json{{"id", link.id},
              {"person_id", link.person_id},
              {"other_id", link.other_id},
              {"decision", std::string(LinkDecisionName(link.decision))},
              {"reason", link.reason},
              {"created_at", link.created_at},
              {"created_by", link.created_by},
              {"undone_at", or_null(link.undone_at)},
              {"undone_by", or_null(link.undone_by)}};
}

Json PageToJson(const PersonPage& page, const PersonQuery& query) {
  Json items = Json::array();
  for (const Person& person : page.items) items.push_back(PersonToJson(person));
  return Json{{"items", std::move(items)}, {"total", page.total}, {"limit", query.limit}, {"offset", query.offset}};
}

}  // namespace

void AddHealthRoutes(Router& router, const Services& services) {
  router.Add(Method::kGet, "/api/v1/health", Needs::Public(), [backend = services.backend](const Call& call) -> StatusOr<Reply> {
    return Reply{200, Json{{"status", "ok"}, {"version", ACOGIDA_VERSION}, {"database", backend}}};
  });
}

void AddHouseholdRoutes(Router& router, const Services& services) {
  IntakeService& intake = services.intake;
  PersonService& persons = services.persons;

  router.Add(Method::kPost, "/api/v1/households", Needs::Role(Permission::kRegisterArrivals, SiteScope::kActAtSite), [&intake](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(NewHousehold input, NewHouseholdFromJson(body));
    ASSIGN_OR_RETURN(Household household, intake.Register(call.actor(), std::move(input)));
    return Reply{201, HouseholdToJson(household)};
  });

  router.Add(Method::kGet, "/api/v1/households/{id}", Needs::Role(Permission::kReadPersons, SiteScope::kPersonRecord), [&persons](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t household_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Household household, persons.GetHousehold(call.actor(), household_id));
    return Reply{200, HouseholdToJson(household)};
  });
}

void AddPersonRoutes(Router& router, const Services& services) {
  PersonService& persons = services.persons;

  IdentityService* identity = services.identity;

  router.Add(Method::kGet, "/api/v1/persons", Needs::Role(Permission::kReadPersons), [&persons, identity](const Call& call) -> StatusOr<Reply> {
    PersonQuery query;
    query.text = call.req.get_param_value("q");
    ASSIGN_OR_RETURN(query.limit, QueryInt(call.req, "limit", 20));
    ASSIGN_OR_RETURN(query.offset, QueryInt(call.req, "offset", 0));
    if (WantsFuzzy(call)) {
      ASSIGN_OR_RETURN(IdentityService * index, Identity(identity));
      ASSIGN_OR_RETURN(PersonPage page, index->Search(call.actor(), query));
      return Reply{200, PageToJson(page, query)};
    }
    ASSIGN_OR_RETURN(PersonPage page, persons.Search(call.actor(), query));
    return Reply{200, PageToJson(page, query)};
  });

  // Who may register arrivals or read persons: checked by the service (either permission).
  router.Add(Method::kPost, "/api/v1/persons/matches", Needs::Role(Permission::kRegisterArrivals), [identity](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(IdentityService * index, Identity(identity));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(Person draft, DraftFromJson(body));
    ASSIGN_OR_RETURN(int64_t checked, ReadInt(body, "person_id", "person_id", Presence::kOptional));
    ASSIGN_OR_RETURN(std::vector<IdentityMatch> matches, index->Matches(call.actor(), draft, checked));
    Json items = Json::array();
    for (const IdentityMatch& match : matches) items.push_back(MatchToJson(match));
    return Reply{200, Json{{"items", std::move(items)}}};
  });

  router.Add(Method::kPost, "/api/v1/persons/{id}/links", Needs::Role(Permission::kReadPersons, SiteScope::kPersonRecord), [identity](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(IdentityService * index, Identity(identity));
    ASSIGN_OR_RETURN(int64_t person_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(int64_t other_id, ReadInt(body, "other_id", "other_id", Presence::kRequired));
    ASSIGN_OR_RETURN(std::string decision_name, ReadString(body, "decision", "decision", Presence::kRequired));
    auto decision = ParseLinkDecision(decision_name);
    if (!decision) return InvalidArgument("decision", "must be same or different");
    ASSIGN_OR_RETURN(std::string reason, ReadString(body, "reason", "reason", Presence::kRequired));
    ASSIGN_OR_RETURN(PersonLink link, index->Decide(call.actor(), person_id, other_id, *decision, reason));
    return Reply{201, LinkToJson(link)};
  });

  router.Add(Method::kGet, "/api/v1/persons/{id}/links", Needs::Role(Permission::kReadPersons, SiteScope::kPersonRecord), [identity](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(IdentityService * index, Identity(identity));
    ASSIGN_OR_RETURN(int64_t person_id, PathId(call, 1));
    ASSIGN_OR_RETURN(std::vector<PersonLink> links, index->Links(call.actor(), person_id));
    Json items = Json::array();
    for (const PersonLink& link : links) items.push_back(LinkToJson(link));
    return Reply{200, Json{{"items", std::move(items)}}};
  });

  router.Add(Method::kDelete, "/api/v1/person-links/{id}", Needs::Role(Permission::kReadPersons, SiteScope::kPersonRecord), [identity](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(IdentityService * index, Identity(identity));
    ASSIGN_OR_RETURN(int64_t link_id, PathId(call, 1));
    ASSIGN_OR_RETURN(PersonLink link, index->Undo(call.actor(), link_id));
    return Reply{200, LinkToJson(link)};
  });

  router.Add(Method::kGet, "/api/v1/persons/{id}", Needs::Role(Permission::kReadPersons, SiteScope::kPersonRecord), [&persons](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t person_id, PathId(call, 1));
    ASSIGN_OR_RETURN(PersonDetail detail, persons.Get(call.actor(), person_id));
    Json out = PersonToJson(detail.person);
    out["consents"] = ConsentsToJson(detail.person.consents);
    out["linked_ids"] = detail.linked_ids;
    out["arrivals"] = Json::array();
    for (const ArrivalView& view : detail.arrivals) out["arrivals"].push_back(ArrivalViewToJson(view));
    return Reply{200, std::move(out)};
  });

  router.Add(Method::kPut, "/api/v1/persons/{id}/consents", Needs::Role(Permission::kReadPersons, SiteScope::kPersonRecord), [&persons](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t person_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(Consents consents, ConsentsFromJson(body, "consents"));
    ASSIGN_OR_RETURN(Consents in_force, persons.UpdateConsents(call.actor(), person_id, std::move(consents)));
    return Reply{200, ConsentsToJson(in_force)};
  });

  router.Add(Method::kGet, "/api/v1/tracing", Needs::Role(Permission::kReadPersons), [&persons, identity](const Call& call) -> StatusOr<Reply> {
    PersonQuery query;
    query.text = call.req.get_param_value("q");
    ASSIGN_OR_RETURN(query.limit, QueryInt(call.req, "limit", 20));
    std::vector<TracingMatch> matches;
    if (WantsFuzzy(call)) {
      ASSIGN_OR_RETURN(IdentityService * index, Identity(identity));
      ASSIGN_OR_RETURN(matches, index->Trace(call.actor(), query));
    } else {
      ASSIGN_OR_RETURN(matches, persons.Trace(call.actor(), query));
    }
    Json items = Json::array();
    for (const TracingMatch& match : matches) {
      items.push_back(Json{{"match_id", match.match_id}, {"full_name", match.full_name}, {"birth_year", match.birth_year}});
    }
    return Reply{200, Json{{"items", std::move(items)}}};
  });

  router.Add(Method::kGet, "/api/v1/sites/{id}/arrivals", Needs::Role(Permission::kReadPersons, SiteScope::kActAtSite), [&persons](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t site_id, PathId(call, 1));
    if (!call.req.has_param("date")) return InvalidArgument("date", "is required (YYYY-MM-DD)");
    ASSIGN_OR_RETURN(SiteDayArrivals day, persons.ArrivalsAtSite(call.actor(), site_id, call.req.get_param_value("date")));
    Json items = Json::array();
    for (const ArrivalView& view : day.items) items.push_back(ArrivalViewToJson(view));
    return Reply{200, Json{{"site_id", day.site.id},
                           {"date", day.date},
                           {"timezone", day.site.timezone},
                           {"items", std::move(items)}}};
  });
}

}  // namespace acogida::http
