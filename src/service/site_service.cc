// Site and section use cases.
#include "service/site_service.h"

#include <map>

#include "core/validate.h"
#include "service/time_zones.h"

namespace acogida {

Status ValidateSiteWithZone(Site& site) {
  RETURN_IF_ERROR(ValidateSite(site));
  return SystemTimeZones().Find(site.timezone).status();
}

StatusOr<std::vector<SiteSummary>> SiteService::List() {
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

StatusOr<SiteDetail> SiteService::Get(int64_t site_id) {
  SiteDetail detail;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(detail.site, tx.GetSite(site_id));
    ASSIGN_OR_RETURN(detail.sections, tx.ListSections(site_id));
    return OkStatus();
  }));
  for (const Section& section : detail.sections) detail.beds += section.beds;
  return detail;
}

StatusOr<Site> SiteService::Create(Site input) {
  RETURN_IF_ERROR(ValidateSiteWithZone(input));
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.InsertSite(input); }));
  return input;
}

StatusOr<Site> SiteService::Update(Site input) {
  RETURN_IF_ERROR(ValidateSiteWithZone(input));
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Site stored, tx.GetSite(input.id));
    input.demo = stored.demo;
    return tx.UpdateSite(input);
  }));
  return input;
}

Status SiteService::Delete(int64_t site_id) {
  return store_.InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.DeleteSite(site_id); });
}

StatusOr<std::vector<Section>> SiteService::ListSections(int64_t site_id) {
  std::vector<Section> sections;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.GetSite(site_id).status());
    ASSIGN_OR_RETURN(sections, tx.ListSections(site_id));
    return OkStatus();
  }));
  return sections;
}

StatusOr<Section> SiteService::CreateSection(Section input) {
  RETURN_IF_ERROR(ValidateSection(input));
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.GetSite(input.site_id).status());
    return tx.InsertSection(input);
  }));
  return input;
}

StatusOr<Section> SiteService::UpdateSection(Section input) {
  RETURN_IF_ERROR(ValidateSection(input));
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Section stored, tx.GetSection(input.id));
    input.site_id = stored.site_id;
    return tx.UpdateSection(input);
  }));
  return input;
}

Status SiteService::DeleteSection(int64_t section_id) {
  return store_.InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.DeleteSection(section_id); });
}

}  // namespace acogida
