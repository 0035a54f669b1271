// Sites and sections:
//   GET    /api/v1/sites                      list, with total beds
//   POST   /api/v1/sites                      create
//   GET    /api/v1/sites/{id}                 one site with its sections
//   PUT    /api/v1/sites/{id}                 edit (body carries the version it was read at)
//   DELETE /api/v1/sites/{id}                 delete (refused once arrivals exist)
//   GET    /api/v1/sites/{id}/sections        list sections
//   POST   /api/v1/sites/{id}/sections        add a section
//   PUT    /api/v1/sections/{id}              edit a section
//   DELETE /api/v1/sections/{id}              delete a section
#include "http/api.h"
#include "http/json_codec.h"

namespace acogida::http {

void AddSiteRoutes(Router& router, const Services& services) {
  SiteService& sites = services.sites;

  router.Add(Method::kGet, "/api/v1/sites", Needs::AnySession(), [&sites](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(auto summaries, sites.List(call.actor()));
    Json items = Json::array();
    for (const SiteSummary& summary : summaries) items.push_back(SiteToJson(summary.site, summary.beds));
    return Reply{200, Json{{"items", std::move(items)}}};
  });

  router.Add(Method::kPost, "/api/v1/sites", Needs::Role(Permission::kEditSites), [&sites](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(Site input, SiteFromJson(body, 0, Purpose::kCreate));
    ASSIGN_OR_RETURN(Site created, sites.Create(call.actor(), std::move(input)));
    return Reply{201, SiteToJson(created, 0)};
  });

  router.Add(Method::kGet, "/api/v1/sites/{id}", Needs::AnySession(), [&sites](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t site_id, PathId(call, 1));
    ASSIGN_OR_RETURN(SiteDetail detail, sites.Get(call.actor(), site_id));
    Json out = SiteToJson(detail.site, detail.beds);
    out["sections"] = Json::array();
    for (const Section& section : detail.sections) out["sections"].push_back(SectionToJson(section));
    return Reply{200, std::move(out)};
  });

  router.Add(Method::kPut, "/api/v1/sites/{id}", Needs::Role(Permission::kEditSites), [&sites](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t site_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(Site input, SiteFromJson(body, site_id, Purpose::kUpdate));
    auto updated = sites.Update(call.actor(), std::move(input));
    if (IsStaleVersion(updated.status())) {
      ASSIGN_OR_RETURN(SiteDetail now, sites.Get(call.actor(), site_id));
      return StaleEdit(updated.status(), SiteToJson(now.site, now.beds));
    }
    if (!updated.ok()) return updated.status();
    ASSIGN_OR_RETURN(SiteDetail detail, sites.Get(call.actor(), updated->id));
    return Reply{200, SiteToJson(*updated, detail.beds)};
  });

  router.Add(Method::kDelete, "/api/v1/sites/{id}", Needs::Role(Permission::kEditSites), [&sites](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t site_id, PathId(call, 1));
    RETURN_IF_ERROR(sites.Delete(call.actor(), site_id));
    return Reply{204, nullptr};
  });

  router.Add(Method::kGet, "/api/v1/sites/{id}/sections", Needs::AnySession(), [&sites](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t site_id, PathId(call, 1));
    ASSIGN_OR_RETURN(std::vector<Section> sections, sites.ListSections(call.actor(), site_id));
    Json items = Json::array();
    for (const Section& section : sections) items.push_back(SectionToJson(section));
    return Reply{200, Json{{"items", std::move(items)}}};
  });

  router.Add(Method::kPost, "/api/v1/sites/{id}/sections", Needs::Role(Permission::kEditSections, SiteScope::kActAtSite), [&sites](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t site_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(Section input, SectionFromJson(body, 0, site_id, Purpose::kCreate));
    ASSIGN_OR_RETURN(Section created, sites.CreateSection(call.actor(), std::move(input)));
    return Reply{201, SectionToJson(created)};
  });

  router.Add(Method::kPut, "/api/v1/sections/{id}", Needs::Role(Permission::kEditSections, SiteScope::kActAtSite), [&sites](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t section_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(Section input, SectionFromJson(body, section_id, 0, Purpose::kUpdate));
    auto updated = sites.UpdateSection(call.actor(), std::move(input));
    if (IsStaleVersion(updated.status())) {
      ASSIGN_OR_RETURN(Section now, sites.GetSection(call.actor(), section_id));
      return StaleEdit(updated.status(), SectionToJson(now));
    }
    if (!updated.ok()) return updated.status();
    return Reply{200, SectionToJson(*updated)};
  });

  router.Add(Method::kDelete, "/api/v1/sections/{id}", Needs::Role(Permission::kEditSections, SiteScope::kActAtSite), [&sites](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t section_id, PathId(call, 1));
    RETURN_IF_ERROR(sites.DeleteSection(call.actor(), section_id));
    return Reply{204, nullptr};
  });
}

}  // namespace acogida::http
