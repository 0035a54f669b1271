// The referral directory and referrals (issue #8):
//   GET    /api/v1/organisations                     the directory (?city=, ?service= filter; any session)
//   POST   /api/v1/organisations                     add an organisation (kEditDirectory)
//   GET    /api/v1/organisations/{id}                one organisation (any session)
//   PUT    /api/v1/organisations/{id}                edit it, with its version (kEditDirectory; 409 when stale)
//   DELETE /api/v1/organisations/{id}                remove it (?version=; 409 while referrals name it)
//   GET    /api/v1/organisations/{id}/members        its members (kEditDirectory)
//   POST   /api/v1/organisations/{id}/members        add a member: {username} (kEditDirectory)
//   DELETE /api/v1/organisations/{id}/members/{user_id}
//   GET    /api/v1/organisations/hsds                the directory as Open Referral HSDS JSON (any session)
//   POST   /api/v1/organisations/hsds                import HSDS JSON, all or nothing (kEditDirectory)
//   GET    /api/v1/persons/{id}/referrals            a person's referrals (kReadPersons, in scope)
//   POST   /api/v1/persons/{id}/referrals            refer them: {organisation_id, service, note}
//   GET    /api/v1/referrals                         referrals sent to the caller's organisations (members)
//   PUT    /api/v1/referrals/{id}                    move a referral's status: {status, version}
#include "http/api.h"
#include "http/hsds_json.h"
#include "http/json_codec.h"

namespace acogida::http {
namespace {

StatusOr<ReferralService*> Referrals(ReferralService* service) {
  if (service == nullptr) return Unavailable("referrals are not running on this server");
  return service;
}

Json OrganisationToJson(const Organisation& organisation) {
  return Json{{"id", organisation.id},
              {"hsds_id", organisation.hsds_id},
              {"name", organisation.name},
              {"description", organisation.description},
              {"services", organisation.services},
              {"city", organisation.city},
              {"state", organisation.state},
              {"hours", organisation.hours},
              {"phone", organisation.phone},
              {"email", organisation.email},
              {"url", organisation.url},
              {"languages", organisation.languages},
              {"accepts_referrals", organisation.accepts_referrals},
              {"version", organisation.version},
              {"updated_at", organisation.updated_at},
              {"updated_by", organisation.updated_by}};
}

StatusOr<Organisation> OrganisationFromJson(const Json& body) {
  Organisation out;
  ASSIGN_OR_RETURN(out.hsds_id, ReadString(body, "hsds_id", "hsds_id", Presence::kOptional));
  ASSIGN_OR_RETURN(out.name, ReadString(body, "name", "name", Presence::kRequired));
  ASSIGN_OR_RETURN(out.description, ReadString(body, "description", "description", Presence::kOptional));
  if (body.contains("services")) {
    ASSIGN_OR_RETURN(out.services, ReadStrings(body, "services", "services", Presence::kOptional));
  }
  ASSIGN_OR_RETURN(out.city, ReadString(body, "city", "city", Presence::kOptional));
  ASSIGN_OR_RETURN(out.state, ReadString(body, "state", "state", Presence::kOptional));
  ASSIGN_OR_RETURN(out.hours, ReadString(body, "hours", "hours", Presence::kOptional));
  ASSIGN_OR_RETURN(out.phone, ReadString(body, "phone", "phone", Presence::kOptional));
  ASSIGN_OR_RETURN(out.email, ReadString(body, "email", "email", Presence::kOptional));
  ASSIGN_OR_RETURN(out.url, ReadString(body, "url", "url", Presence::kOptional));
  if (body.contains("languages")) {
    ASSIGN_OR_RETURN(out.languages, ReadStrings(body, "languages", "languages", Presence::kOptional));
  }
  ASSIGN_OR_RETURN(out.accepts_referrals,
                   ReadBool(body, "accepts_referrals", "accepts_referrals", Presence::kOptional, true));
  return out;
}

Json ReferralToJson(const ReferralView& view) {
  const Referral& referral = view.referral;
  return Json{{"id", referral.id},
              {"person_id", referral.person_id},
              {"person_name", view.person_name},
              {"organisation_id", referral.organisation_id},
              {"organisation_name", view.organisation_name},
              {"service", referral.service},
              {"note", referral.note},
              {"status", ReferralStatusName(referral.status)},
              {"created_at", referral.created_at},
              {"created_by", referral.created_by},
              {"updated_at", referral.updated_at},
              {"updated_by", referral.updated_by},
              {"version", referral.version}};
}

Json ReferralsToJson(const std::vector<ReferralView>& views) {
  Json items = Json::array();
  for (const ReferralView& view : views) items.push_back(ReferralToJson(view));
  return Json{{"items", std::move(items)}};
}

bool Matches(const Organisation& organisation, const std::string& city, const std::string& service) {
  if (!city.empty() && organisation.city != city) return false;
  if (service.empty()) return true;
  return std::find(organisation.services.begin(), organisation.services.end(), service) != organisation.services.end();
}

}  // namespace

void AddReferralRoutes(Router& router, const Services& services) {
  ReferralService* referrals = services.referrals;

  router.Add(Method::kGet, "/api/v1/organisations", Needs::AnySession(), [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(std::vector<Organisation> directory, service->ListOrganisations(call.actor()));
    const std::string city = call.req.get_param_value("city");
    const std::string offered = call.req.get_param_value("service");
    Json items = Json::array();
    for (const Organisation& organisation : directory) {
      if (Matches(organisation, city, offered)) items.push_back(OrganisationToJson(organisation));
    }
    return Reply{200, Json{{"items", std::move(items)}}};
  });

  router.Add(Method::kPost, "/api/v1/organisations", Needs::Role(Permission::kEditDirectory),
             [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(Organisation input, OrganisationFromJson(body));
    ASSIGN_OR_RETURN(Organisation created, service->CreateOrganisation(call.actor(), std::move(input)));
    return Reply{201, OrganisationToJson(created)};
  });

  router.Add(Method::kGet, "/api/v1/organisations/hsds", Needs::AnySession(), [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(std::vector<Organisation> directory, service->ExportDirectory(call.actor()));
    return Reply{200, WriteHsds(directory), {{"Content-Disposition", "attachment; filename=\"directorio-hsds.json\""}}};
  });

  router.Add(Method::kPost, "/api/v1/organisations/hsds", Needs::Role(Permission::kEditDirectory),
             [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(std::vector<Organisation> entries, ParseHsds(call.req.body));
    ASSIGN_OR_RETURN(DirectoryImport summary, service->ImportDirectory(call.actor(), std::move(entries)));
    return Reply{200, Json{{"created", summary.created}, {"updated", summary.updated}}};
  });

  router.Add(Method::kGet, "/api/v1/organisations/{id}", Needs::AnySession(), [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(int64_t organisation_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Organisation organisation, service->GetOrganisation(call.actor(), organisation_id));
    return Reply{200, OrganisationToJson(organisation)};
  });

  router.Add(Method::kPut, "/api/v1/organisations/{id}", Needs::Role(Permission::kEditDirectory),
             [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(int64_t organisation_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(Organisation input, OrganisationFromJson(body));
    ASSIGN_OR_RETURN(input.version, ReadInt(body, "version", "version", Presence::kRequired));
    input.id = organisation_id;
    auto saved = service->UpdateOrganisation(call.actor(), std::move(input));
    if (IsStaleVersion(saved.status())) {
      ASSIGN_OR_RETURN(Organisation now, service->GetOrganisation(call.actor(), organisation_id));
      return StaleEdit(saved.status(), OrganisationToJson(now));
    }
    if (!saved.ok()) return saved.status();
    return Reply{200, OrganisationToJson(*saved)};
  });

  router.Add(Method::kDelete, "/api/v1/organisations/{id}", Needs::Role(Permission::kEditDirectory),
             [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(int64_t organisation_id, PathId(call, 1));
    if (!call.req.has_param("version")) return InvalidArgument("version", "is required");
    ASSIGN_OR_RETURN(int version, QueryInt(call.req, "version", 0));
    RETURN_IF_ERROR(service->DeleteOrganisation(call.actor(), organisation_id, version));
    return Reply{204, nullptr};
  });

  router.Add(Method::kGet, "/api/v1/organisations/{id}/members", Needs::Role(Permission::kEditDirectory),
             [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(int64_t organisation_id, PathId(call, 1));
    ASSIGN_OR_RETURN(std::vector<OrganisationMember> members, service->ListMembers(call.actor(), organisation_id));
    Json items = Json::array();
    for (const OrganisationMember& member : members) {
      items.push_back(Json{{"user_id", member.user_id}, {"username", member.username},
                           {"display_name", member.display_name}});
    }
    return Reply{200, Json{{"items", std::move(items)}}};
  });

  router.Add(Method::kPost, "/api/v1/organisations/{id}/members", Needs::Role(Permission::kEditDirectory),
             [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(int64_t organisation_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(std::string username, ReadString(body, "username", "username", Presence::kRequired));
    ASSIGN_OR_RETURN(OrganisationMember member, service->AddMember(call.actor(), organisation_id, username));
    return Reply{201, Json{{"user_id", member.user_id}, {"username", member.username},
                           {"display_name", member.display_name}}};
  });

  router.Add(Method::kDelete, "/api/v1/organisations/{id}/members/{user_id}", Needs::Role(Permission::kEditDirectory),
             [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(int64_t organisation_id, PathId(call, 1));
    ASSIGN_OR_RETURN(int64_t user_id, PathId(call, 2));
    RETURN_IF_ERROR(service->RemoveMember(call.actor(), organisation_id, user_id));
    return Reply{204, nullptr};
  });

  router.Add(Method::kGet, "/api/v1/persons/{id}/referrals", Needs::Role(Permission::kReadPersons, SiteScope::kPersonRecord),
             [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(int64_t person_id, PathId(call, 1));
    ASSIGN_OR_RETURN(std::vector<ReferralView> views, service->ListReferralsOfPerson(call.actor(), person_id));
    return Reply{200, ReferralsToJson(views)};
  });

  router.Add(Method::kPost, "/api/v1/persons/{id}/referrals", Needs::Role(Permission::kReadPersons, SiteScope::kPersonRecord),
             [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    Referral input;
    ASSIGN_OR_RETURN(input.person_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(input.organisation_id, ReadInt(body, "organisation_id", "organisation_id", Presence::kRequired));
    ASSIGN_OR_RETURN(input.service, ReadString(body, "service", "service", Presence::kRequired));
    ASSIGN_OR_RETURN(input.note, ReadString(body, "note", "note", Presence::kOptional));
    ASSIGN_OR_RETURN(ReferralView created, service->CreateReferral(call.actor(), std::move(input)));
    return Reply{201, ReferralToJson(created)};
  });

  router.Add(Method::kGet, "/api/v1/referrals", Needs::AnySession(), [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(std::vector<ReferralView> views, service->Inbox(call.actor()));
    return Reply{200, ReferralsToJson(views)};
  });

  router.Add(Method::kPut, "/api/v1/referrals/{id}", Needs::AnySession(), [referrals](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ReferralService * service, Referrals(referrals));
    ASSIGN_OR_RETURN(int64_t referral_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(std::string status_name, ReadString(body, "status", "status", Presence::kRequired));
    auto status = ParseReferralStatus(status_name);
    if (!status || *status == ReferralStatus::kSent) {
      return InvalidArgument("status", "must be accepted, declined or done");
    }
    ASSIGN_OR_RETURN(int64_t version, ReadInt(body, "version", "version", Presence::kRequired));
    ASSIGN_OR_RETURN(ReferralView updated, service->UpdateReferralStatus(call.actor(), referral_id, *status, version));
    return Reply{200, ReferralToJson(updated)};
  });
}

}  // namespace acogida::http
