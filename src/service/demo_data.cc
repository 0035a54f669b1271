// Loading the demo network and synthetic arrivals.
#include "service/demo_data.h"

#include "core/validate.h"
#include "service/intake_service.h"
#include "service/site_service.h"
#include "synth/demo_network.h"

namespace acogida {

StatusOr<DemoDataReport> LoadDemoData(Store& store, const Clock& clock, const DemoDataOptions& options) {
  const std::string today = FormatUtcDate(clock());
  std::vector<synth::DemoSite> network = synth::DemoNetwork(options.seed);
  std::vector<synth::DemoArrivalBatch> batches = synth::DemoArrivals(network, options.persons, options.seed, today);
  DemoDataReport report;
  RETURN_IF_ERROR(store.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(std::vector<Site> existing, tx.ListSites());
    if (!existing.empty()) return FailedPrecondition("the database already has sites; demo data needs a fresh one");
    for (synth::DemoSite& demo : network) {
      RETURN_IF_ERROR(ValidateSiteWithZone(demo.site));
      RETURN_IF_ERROR(tx.InsertSite(demo.site));
      ++report.sites;
      for (Section& section : demo.sections) {
        section.site_id = demo.site.id;
        RETURN_IF_ERROR(ValidateSection(section));
        RETURN_IF_ERROR(tx.InsertSection(section));
        ++report.sections;
      }
    }
    for (synth::DemoArrivalBatch& batch : batches) {
      Arrival arrival;
      arrival.arrived_at = batch.arrived_at;
      arrival.mode = batch.mode;
      arrival.batch_id = batch.batch_id;
      for (Household& household : batch.households) {
        household.site_id = network[batch.site_index].site.id;
        RETURN_IF_ERROR(ValidateHousehold(household, today));
        RETURN_IF_ERROR(WriteArrivingHousehold(tx, household, arrival));
        ++report.households;
        report.persons += static_cast<int>(household.members.size());
      }
    }
    return OkStatus();
  }));
  return report;
}

}  // namespace acogida
