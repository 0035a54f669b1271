// Health, households, persons and arrivals:
//   GET  /api/v1/health                       liveness and version
//   POST /api/v1/households                   register an arriving household (one transaction)
//   GET  /api/v1/households/{id}              a household with its members
//   GET  /api/v1/persons?q=&limit=&offset=    search by partial name, any accents or case
//   GET  /api/v1/persons/{id}                 one person with their arrivals
//   GET  /api/v1/sites/{id}/arrivals?date=    arrivals at a site on a local day
//   PUT  /api/v1/persons/{id}/consents        record consents given or withdrawn
//   GET  /api/v1/tracing?q=                   family tracing: consenting persons, name and birth year only
#include "http/api.h"
#include "http/json_codec.h"

namespace acogida::http {

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

  router.Add(Method::kGet, "/api/v1/persons", Needs::Role(Permission::kReadPersons), [&persons](const Call& call) -> StatusOr<Reply> {
    PersonQuery query;
    query.text = call.req.get_param_value("q");
    ASSIGN_OR_RETURN(query.limit, QueryInt(call.req, "limit", 20));
    ASSIGN_OR_RETURN(query.offset, QueryInt(call.req, "offset", 0));
    ASSIGN_OR_RETURN(PersonPage page, persons.Search(call.actor(), query));
    Json items = Json::array();
    for (const Person& person : page.items) items.push_back(PersonToJson(person));
    return Reply{200, Json{{"items", std::move(items)},
                           {"total", page.total},
                           {"limit", query.limit},
                           {"offset", query.offset}}};
  });

  router.Add(Method::kGet, "/api/v1/persons/{id}", Needs::Role(Permission::kReadPersons, SiteScope::kPersonRecord), [&persons](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t person_id, PathId(call, 1));
    ASSIGN_OR_RETURN(PersonDetail detail, persons.Get(call.actor(), person_id));
    Json out = PersonToJson(detail.person);
    out["consents"] = ConsentsToJson(detail.person.consents);
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

  router.Add(Method::kGet, "/api/v1/tracing", Needs::Role(Permission::kReadPersons), [&persons](const Call& call) -> StatusOr<Reply> {
    PersonQuery query;
    query.text = call.req.get_param_value("q");
    ASSIGN_OR_RETURN(query.limit, QueryInt(call.req, "limit", 20));
    ASSIGN_OR_RETURN(std::vector<TracingMatch> matches, persons.Trace(call.actor(), query));
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
