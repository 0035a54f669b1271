// Use cases on sites and their sections: list, read, create, edit (with the version the
// editor loaded, so a concurrent edit is refused rather than overwritten), delete.
// Every logged-in role may read sites (no personal data); administrators and coordinators
// edit them; shelter staff also edit the sections of their own sites. Validates with core,
// runs each use case in one store transaction with its audit row. Thread-safe.
#pragma once

#include <vector>

#include "core/account.h"
#include "core/site.h"
#include "store/store.h"

namespace acogida {

struct SiteSummary {
  Site site;
  int64_t beds = 0;  // sum of its sections' beds
};

struct SiteDetail {
  Site site;
  int64_t beds = 0;
  std::vector<Section> sections;
};

// core's ValidateSite (which checks the zone name's shape) plus: the zone exists in the
// system's time-zone database. InvalidArgument("timezone") otherwise.
Status ValidateSiteWithZone(Site& site);

class SiteService {
 public:
  explicit SiteService(Store& store) : store_(store) {}

  StatusOr<std::vector<SiteSummary>> List(const Actor& actor);
  // NotFound if there is no such site.
  StatusOr<SiteDetail> Get(const Actor& actor, int64_t site_id);
  // InvalidArgument naming the field when the input is not valid.
  StatusOr<Site> Create(const Actor& actor, Site input);
  // `input.version` must be the stored version: Aborted otherwise.
  StatusOr<Site> Update(const Actor& actor, Site input);
  // FailedPrecondition if arrivals were registered at the site.
  Status Delete(const Actor& actor, int64_t site_id);

  StatusOr<std::vector<Section>> ListSections(const Actor& actor, int64_t site_id);
  StatusOr<Section> GetSection(const Actor& actor, int64_t section_id);
  StatusOr<Section> CreateSection(const Actor& actor, Section input);
  StatusOr<Section> UpdateSection(const Actor& actor, Section input);
  Status DeleteSection(const Actor& actor, int64_t section_id);

 private:
  Store& store_;
};

}  // namespace acogida
