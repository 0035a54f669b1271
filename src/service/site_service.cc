// Site and section use cases.
#include "service/site_service.h"

#include <map>

#include "core/validate.h"
#include "service/audit.h"
#include "service/time_zones.h"

namespace acogida {

Status ValidateSiteWithZone(Site& site) {
  RETURN_IF_ERROR(ValidateSite(site));
  return SystemTimeZones().Find(site.timezone).status();
}

namespace {

const Status kCannotEditSites(StatusCode::kPermissionDenied, "only administrators and coordinators edit sites");

// Sections: administrators, coordinators, and shelter staff at that site.
Status CheckSectionAccess(const Actor& actor, int64_t site_id) {
  if (!actor.Can(Permission::kEditSections) || !actor.CoversSite(site_id)) {
    return Status(StatusCode::kPermissionDenied, "you may not edit the sections of this site");
  }
  return OkStatus();
}

}  // namespace

StatusOr<std::vector<SiteSummary>> SiteService::List(const Actor& actor) {
  std::vector<SiteSummary> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(std::vector<Site> sites, tx.ListSites());
    ASSIGN_OR_RETURN(auto beds, tx.BedsPerSite());
    std::map<int64_t, int64_t> beds_by_site(beds.begin(), beds.end());
    for (Site& site : sites) {
      int64_t site_beds = beds_by_site[site.id];
      out.push_back({std::move(site), site_beds});
    }
    return OkStatus();
  }));
  return out;
}

StatusOr<SiteDetail> SiteService::Get(const Actor& actor, int64_t site_id) {
  SiteDetail detail;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(detail.site, tx.GetSite(site_id));
    ASSIGN_OR_RETURN(detail.sections, tx.ListSections(site_id));
    return OkStatus();
  }));
  for (const Section& section : detail.sections) detail.beds += section.beds;
  return detail;
}

StatusOr<Site> SiteService::Create(const Actor& actor, Site input) {
  if (!actor.Can(Permission::kEditSites)) return kCannotEditSites;
  RETURN_IF_ERROR(ValidateSiteWithZone(input));
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.InsertSite(input));
    return AppendAuditRow(tx, actor, audit_action::kCreate, "site", input.id);
  }));
  return input;
}

StatusOr<Site> SiteService::Update(const Actor& actor, Site input) {
  if (!actor.Can(Permission::kEditSites)) return kCannotEditSites;
  RETURN_IF_ERROR(ValidateSiteWithZone(input));
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Site stored, tx.GetSite(input.id));
    input.demo = stored.demo;
    RETURN_IF_ERROR(tx.UpdateSite(input));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "site", input.id);
  }));
  return input;
}

Status SiteService::Delete(const Actor& actor, int64_t site_id) {
  if (!actor.Can(Permission::kEditSites)) return kCannotEditSites;
  return store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.DeleteSite(site_id));
    return AppendAuditRow(tx, actor, audit_action::kDelete, "site", site_id);
  });
}

StatusOr<std::vector<Section>> SiteService::ListSections(const Actor& actor, int64_t site_id) {
  std::vector<Section> sections;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.GetSite(site_id).status());
    ASSIGN_OR_RETURN(sections, tx.ListSections(site_id));
    return OkStatus();
  }));
  return sections;
}

StatusOr<Section> SiteService::GetSection(const Actor& actor, int64_t section_id) {
  Section section;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(section, tx.GetSection(section_id));
    return OkStatus();
  }));
  return section;
}

StatusOr<Section> SiteService::CreateSection(const Actor& actor, Section input) {
  RETURN_IF_ERROR(ValidateSection(input));
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.GetSite(input.site_id).status());
    RETURN_IF_ERROR(CheckSectionAccess(actor, input.site_id));
    RETURN_IF_ERROR(tx.InsertSection(input));
    return AppendAuditRow(tx, actor, audit_action::kCreate, "section", input.id);
  }));
  return input;
}

StatusOr<Section> SiteService::UpdateSection(const Actor& actor, Section input) {
  RETURN_IF_ERROR(ValidateSection(input));
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Section stored, tx.GetSection(input.id));
    input.site_id = stored.site_id;
    RETURN_IF_ERROR(CheckSectionAccess(actor, input.site_id));
    RETURN_IF_ERROR(tx.UpdateSection(input));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "section", input.id);
  }));
  return input;
}

Status SiteService::DeleteSection(const Actor& actor, int64_t section_id) {
  return store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Section stored, tx.GetSection(section_id));
    RETURN_IF_ERROR(CheckSectionAccess(actor, stored.site_id));
    RETURN_IF_ERROR(tx.DeleteSection(section_id));
    return AppendAuditRow(tx, actor, audit_action::kDelete, "section", section_id);
  });
}

}  // namespace acogida
