// Loading the demo network and synthetic arrivals.
#include "service/demo_data.h"

#include "core/validate.h"
#include "crypto/password.h"
#include "crypto/tokens.h"
#include "service/audit.h"
#include "service/bed_demo.h"
#include "service/intake_service.h"
#include "service/legal_demo.h"
#include "service/site_service.h"
#include "synth/demo_network.h"

namespace acogida {

namespace {

// The first site of `kind` in `city`, or 0.
int64_t FindSite(const std::vector<synth::DemoSite>& network, std::string_view city, SiteKind kind) {
  for (const synth::DemoSite& demo : network) {
    if (demo.site.city == city && demo.site.kind == kind) return demo.site.id;
  }
  return 0;
}

Status AddDemoAccounts(Tx& tx, const std::vector<synth::DemoSite>& network, DemoDataReport& report) {
  const int64_t tijuana_centre = FindSite(network, "Tijuana", SiteKind::kReceptionCentre);
  const int64_t tijuana_shelter = FindSite(network, "Tijuana", SiteKind::kShelter);
  struct Spec {
    const char* username;
    const char* display_name;
    Role role;
    int64_t site_id;
  };
  const Spec specs[] = {
      {"admin", "Administración (demo)", Role::kAdministrator, 0},
      {"coordinacion", "Coordinación de la red (demo)", Role::kCoordinator, 0},
      {"registro.tijuana", "Registro Tijuana (demo)", Role::kRegistrar, tijuana_centre},
      {"albergue.tijuana", "Albergue Tijuana (demo)", Role::kShelterStaff, tijuana_shelter},
      {"abogada", "Asesoría jurídica (demo)", Role::kLawyer, 0},
      {"analista", "Análisis (demo)", Role::kAnalyst, 0},
  };
  for (const Spec& spec : specs) {
    DemoAccount account;
    account.user.username = spec.username;
    account.user.display_name = spec.display_name;
    account.user.role = spec.role;
    if (spec.site_id != 0) account.user.site_ids = {spec.site_id};
    account.password = NewGeneratedPassword();
    ASSIGN_OR_RETURN(std::string hash, HashPassword(account.password));
    RETURN_IF_ERROR(tx.InsertUser(account.user, hash));
    report.accounts.push_back(std::move(account));
  }
  return OkStatus();
}

}  // namespace

StatusOr<DemoDataReport> LoadDemoData(Store& store, const Clock& clock, const DemoDataOptions& options) {
  const std::string today = FormatUtcDate(clock());
  std::vector<synth::DemoSite> network = synth::DemoNetwork(options.seed);
  std::vector<synth::DemoArrivalBatch> batches = synth::DemoArrivals(network, options.persons, options.seed, today);
  DemoDataReport report;
  const Actor actor = CommandLineActor();
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
    RETURN_IF_ERROR(AddDemoAccounts(tx, network, report));
    for (synth::DemoArrivalBatch& batch : batches) {
      Arrival arrival;
      arrival.arrived_at = batch.arrived_at;
      arrival.mode = batch.mode;
      arrival.batch_id = batch.batch_id;
      for (Household& household : batch.households) {
        household.site_id = network[batch.site_index].site.id;
        for (Person& member : household.members) {
          member.consents.services = true;
          member.consents.family_tracing = member.birth_date.year % 3 != 0;  // about two in three
        }
        RETURN_IF_ERROR(ValidateHousehold(household, today));
        RETURN_IF_ERROR(WriteArrivingHousehold(tx, actor, household, arrival));
        ++report.households;
        report.persons += static_cast<int>(household.members.size());
      }
    }
    RETURN_IF_ERROR(AddBedDemo(tx, FormatUtc(clock())));
    RETURN_IF_ERROR(AddLegalDemo(tx, report.accounts, today).status());
    return OkStatus();
  }));
  return report;
}

}  // namespace acogida
