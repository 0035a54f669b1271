// The bed board's use cases: board, network view, check-in and check-out, holds, placement
// of arriving groups (allocation engine) and its confirmation, the expiry and reconciliation
// jobs, and published capacity.
#include "service/bed_service.h"

#include <algorithm>
#include <map>

#include "allocate/allocate.h"
#include "allocate/online.h"
#include "core/mexico.h"
#include "service/audit.h"
#include "service/person_access.h"
#include "service/time_zones.h"

namespace acogida {
namespace {

Status Denied(const std::string& message) { return Status(StatusCode::kPermissionDenied, message); }

Status Refused(const std::string& field, const std::string& message) {
  return Status(StatusCode::kFailedPrecondition, message, field);
}

Status CheckActsAtSite(const Actor& actor, Permission permission, int64_t site_id) {
  if (!actor.Can(permission)) return Denied("your role may not do this");
  if (!actor.CoversSite(site_id)) return Denied("you do not work at site " + std::to_string(site_id));
  return OkStatus();
}

std::chrono::sys_days LocalToday(const Site& site, UtcTime now) {
  auto zone = SystemTimeZones().Find(site.timezone);
  if (!zone.ok()) return std::chrono::floor<std::chrono::days>(now);
  return (*zone)->LocalDate(now);
}

StatusOr<SectionUsage> UsageOf(Tx& tx, const Section& section, const std::string& now) {
  ASSIGN_OR_RETURN(std::vector<SectionUsage> usage, tx.ListSectionUsage(section.site_id, now));
  for (const SectionUsage& one : usage) {
    if (one.section_id == section.id) return one;
  }
  return NotFound("section " + std::to_string(section.id) + " does not exist");
}

std::string Ref(const char* type, int64_t id) { return std::string(type) + ":" + std::to_string(id); }

allocate::SectionKind EngineKind(SectionKind kind) {
  switch (kind) {
    case SectionKind::kMen: return allocate::SectionKind::kMen;
    case SectionKind::kWomen: return allocate::SectionKind::kWomen;
    case SectionKind::kFamilies: return allocate::SectionKind::kFamilies;
    case SectionKind::kUnaccompaniedMinors: return allocate::SectionKind::kMinors;
    case SectionKind::kLgbtq: return allocate::SectionKind::kLgbtq;
    case SectionKind::kMedical: return allocate::SectionKind::kMedical;
  }
  return allocate::SectionKind::kMen;
}

const char* OutcomeName(allocate::Outcome outcome) {
  switch (outcome) {
    case allocate::Outcome::kPlaced: return "placed";
    case allocate::Outcome::kNoSuitableSection: return "no_suitable_section";
    case allocate::Outcome::kNoRoom: return "no_room";
  }
  return "";
}

// The shelters as the engine sees them: every site with sections, each section's free beds
// now, and the site and section each index stands for.
struct LiveShelters {
  std::vector<allocate::Shelter> shelters;
  std::vector<Site> sites;                      // parallel to shelters
  std::vector<std::vector<Section>> sections;   // parallel to each shelter's sections
};

StatusOr<LiveShelters> ReadLiveShelters(Tx& tx, const std::string& now) {
  LiveShelters live;
  ASSIGN_OR_RETURN(std::vector<Site> sites, tx.ListSites());
  ASSIGN_OR_RETURN(std::vector<SectionUsage> usage, tx.ListSectionUsage(0, now));
  std::map<int64_t, Occupancy> by_section;
  for (const SectionUsage& one : usage) by_section[one.section_id] = one.occupancy;
  for (const Site& site : sites) {
    ASSIGN_OR_RETURN(std::vector<Section> sections, tx.ListSections(site.id));
    if (sections.empty()) continue;
    allocate::Shelter shelter;
    shelter.id = std::to_string(site.id);
    shelter.city = site.city;
    shelter.location = {site.latitude, site.longitude};
    for (const Section& section : sections) {
      allocate::Section engine;
      engine.id = std::to_string(section.id);
      engine.kind = EngineKind(section.kind);
      engine.free_beds = std::max(0, by_section[section.id].free());
      engine.minors_authorised = section.kind == SectionKind::kUnaccompaniedMinors;
      engine.accessible = section.accessible;
      engine.medical = section.kind == SectionKind::kMedical;
      engine.lgbtq_safe = section.kind == SectionKind::kLgbtq;
      shelter.sections.push_back(engine);
    }
    live.shelters.push_back(std::move(shelter));
    live.sites.push_back(site);
    live.sections.push_back(std::move(sections));
  }
  return live;
}

}  // namespace

std::string BedService::Now() const { return FormatUtc(clock_()); }

StatusOr<BedBoard> BedService::Board(const Actor& actor, int64_t site_id) {
  RETURN_IF_ERROR(CheckActsAtSite(actor, Permission::kManageBeds, site_id));
  const UtcTime now_time = clock_();
  const std::string now = FormatUtc(now_time);
  BedBoard board;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    board = BedBoard{};
    ASSIGN_OR_RETURN(board.site, tx.GetSite(site_id));
    const std::chrono::sys_days today = LocalToday(board.site, now_time);
    board.today = FormatUtcDate(UtcTime(today));
    ASSIGN_OR_RETURN(std::vector<Section> sections, tx.ListSections(site_id));
    ASSIGN_OR_RETURN(std::vector<SectionUsage> usage, tx.ListSectionUsage(site_id, now));
    ASSIGN_OR_RETURN(std::vector<StayView> stays, tx.ListOpenStays(site_id));
    ASSIGN_OR_RETURN(std::vector<BedHold> holds, tx.ListActiveHolds(site_id, now));
    std::vector<std::string> shown;
    for (const Section& section : sections) {
      SectionBoard one;
      one.section = section;
      for (const SectionUsage& counted : usage) {
        if (counted.section_id == section.id) {
          one.occupancy = counted.occupancy;
          one.updated_at = counted.updated_at;
        }
      }
      for (const StayView& view : stays) {
        if (view.stay.section_id != section.id) continue;
        one.stays.push_back({view.stay, view.full_name, IsOverdue(view.stay, today)});
        shown.push_back(Ref("person", view.stay.person_id));
      }
      for (const BedHold& hold : holds) {
        if (hold.section_id == section.id) one.holds.push_back(hold);
      }
      board.sections.push_back(std::move(one));
    }
    return AppendAuditRow(tx, actor, audit_action::kSearch, "person", 0, std::move(shown));
  }));
  return board;
}

StatusOr<std::vector<SiteCapacity>> BedService::Network(const Actor& actor) {
  if (!actor.Can(Permission::kReadSites)) return Denied("your role may not do this");
  const std::string now = Now();
  std::vector<SiteCapacity> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(std::vector<Site> sites, tx.ListSites());
    ASSIGN_OR_RETURN(std::vector<SectionUsage> usage, tx.ListSectionUsage(0, now));
    std::map<int64_t, const SectionUsage*> by_section;
    for (const SectionUsage& one : usage) by_section[one.section_id] = &one;
    for (const Site& site : sites) {
      ASSIGN_OR_RETURN(std::vector<Section> sections, tx.ListSections(site.id));
      if (sections.empty()) continue;
      SiteCapacity capacity{site, {}};
      for (const Section& section : sections) {
        const SectionUsage* counted = by_section[section.id];
        capacity.sections.push_back(
            {section, counted ? counted->occupancy : Occupancy{section.beds}, counted ? counted->updated_at : ""});
      }
      out.push_back(std::move(capacity));
    }
    return OkStatus();
  }));
  return out;
}

StatusOr<Stay> BedService::CheckIn(const Actor& actor, CheckInRequest request) {
  if (!actor.Can(Permission::kManageBeds)) return Denied("your role may not do this");
  const UtcTime now_time = clock_();
  const std::string now = FormatUtc(now_time);
  Stay stay;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    auto section = tx.GetSection(request.section_id);
    if (!section.ok()) return InvalidArgument("section_id", "no such section");
    RETURN_IF_ERROR(CheckActsAtSite(actor, Permission::kManageBeds, section->site_id));
    ASSIGN_OR_RETURN(Site site, tx.GetSite(section->site_id));
    ASSIGN_OR_RETURN(Person person, tx.GetPerson(request.person_id));
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, person.id));
    if (!person.anonymised_at.empty()) return Refused("person_id", "the person's record was anonymised");
    RETURN_IF_ERROR(ValidateExpectedCheckout(request.expected_checkout, LocalToday(site, now_time)));
    // Wait for every other booking of this section, then count what they committed.
    RETURN_IF_ERROR(tx.LockSectionBoard(section->id, now));
    ASSIGN_OR_RETURN(SectionUsage usage, UsageOf(tx, *section, now));
    if (request.hold_id != 0) {
      auto hold = tx.GetHold(request.hold_id);
      if (!hold.ok() || hold->section_id != section->id || !hold->ActiveAt(now)) {
        return Refused("hold_id", "not an active hold of section " + std::to_string(section->id));
      }
      if (hold->beds > 1) {
        hold->beds -= 1;
      } else {
        hold->released = HoldRelease::kCheckedIn;
        hold->released_at = now;
        hold->released_by = actor.user.username;
      }
      RETURN_IF_ERROR(tx.UpdateHold(*hold));
    } else if (usage.occupancy.free() < 1) {
      return Refused("section_id", "no free bed in " + section->name + " (" + std::to_string(usage.occupancy.beds) +
                                       " beds, " + std::to_string(usage.occupancy.occupied) + " occupied, " +
                                       std::to_string(usage.occupancy.held) + " held)");
    }
    ASSIGN_OR_RETURN(std::optional<Stay> current, tx.OpenStayOfPerson(person.id));
    if (current) {
      if (current->section_id == section->id) return Refused("person_id", "is already in a bed of this section");
      current->checked_out_at = now;
      current->checked_out_by = actor.user.username;
      current->closed = StayClose::kMoved;
      RETURN_IF_ERROR(tx.CloseStay(*current));
      RETURN_IF_ERROR(tx.LockSectionBoard(current->section_id, now));
      RETURN_IF_ERROR(AppendAuditRow(tx, actor, audit_action::kUpdate, "stay", current->id,
                                     {Ref("person", person.id), "checked_out_at", "closed_reason"}));
    }
    stay = Stay{};
    stay.person_id = person.id;
    stay.site_id = section->site_id;
    stay.section_id = section->id;
    stay.checked_in_at = now;
    stay.checked_in_by = actor.user.username;
    stay.expected_checkout = request.expected_checkout;
    RETURN_IF_ERROR(tx.InsertStay(stay));
    return AppendAuditRow(tx, actor, audit_action::kCreate, "stay", stay.id,
                          {Ref("person", person.id), Ref("section", section->id)});
  }));
  return stay;
}

StatusOr<Stay> BedService::CheckOut(const Actor& actor, int64_t stay_id) {
  if (!actor.Can(Permission::kManageBeds)) return Denied("your role may not do this");
  const std::string now = Now();
  Stay stay;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(stay, tx.GetStay(stay_id));
    if (!actor.CoversSite(stay.site_id)) return NotFound("stay " + std::to_string(stay_id) + " does not exist");
    if (!stay.open()) return Refused("stay", "the stay was already closed");
    stay.checked_out_at = now;
    stay.checked_out_by = actor.user.username;
    stay.closed = StayClose::kCheckedOut;
    RETURN_IF_ERROR(tx.CloseStay(stay));
    RETURN_IF_ERROR(tx.LockSectionBoard(stay.section_id, now));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "stay", stay.id,
                          {Ref("person", stay.person_id), "checked_out_at"});
  }));
  return stay;
}

StatusOr<Stay> BedService::ExtendStay(const Actor& actor, int64_t stay_id, const std::string& expected_checkout,
                                      int64_t version) {
  if (!actor.Can(Permission::kManageBeds)) return Denied("your role may not do this");
  const UtcTime now_time = clock_();
  Stay stay;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(stay, tx.GetStay(stay_id));
    if (!actor.CoversSite(stay.site_id)) return NotFound("stay " + std::to_string(stay_id) + " does not exist");
    ASSIGN_OR_RETURN(Site site, tx.GetSite(stay.site_id));
    RETURN_IF_ERROR(ValidateExpectedCheckout(expected_checkout, LocalToday(site, now_time)));
    stay.expected_checkout = expected_checkout;
    stay.version = version;
    RETURN_IF_ERROR(tx.UpdateStay(stay));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "stay", stay.id,
                          {Ref("person", stay.person_id), "expected_checkout"});
  }));
  return stay;
}

StatusOr<BedHold> BedService::Hold(const Actor& actor, HoldRequest request) {
  if (!actor.Can(Permission::kManageBeds)) return Denied("your role may not do this");
  BedHold hold;
  hold.beds = request.beds;
  hold.label = request.label;
  RETURN_IF_ERROR(ValidateHold(hold, request.hours));
  const UtcTime now_time = clock_();
  const std::string now = FormatUtc(now_time);
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    auto section = tx.GetSection(request.section_id);
    if (!section.ok()) return InvalidArgument("section_id", "no such section");
    RETURN_IF_ERROR(CheckActsAtSite(actor, Permission::kManageBeds, section->site_id));
    RETURN_IF_ERROR(tx.LockSectionBoard(section->id, now));
    ASSIGN_OR_RETURN(SectionUsage usage, UsageOf(tx, *section, now));
    if (usage.occupancy.free() < hold.beds) {
      return Refused("beds", std::to_string(hold.beds) + " beds asked, " +
                                 std::to_string(std::max(0, usage.occupancy.free())) + " free in " + section->name);
    }
    hold.site_id = section->site_id;
    hold.section_id = section->id;
    hold.created_at = now;
    hold.created_by = actor.user.username;
    hold.expires_at = FormatUtc(now_time + std::chrono::hours(request.hours));
    RETURN_IF_ERROR(tx.InsertHold(hold));
    return AppendAuditRow(tx, actor, audit_action::kCreate, "bed_hold", hold.id, {Ref("section", section->id)});
  }));
  return hold;
}

StatusOr<BedHold> BedService::ReleaseHold(const Actor& actor, int64_t hold_id) {
  const std::string now = Now();
  BedHold hold;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(hold, tx.GetHold(hold_id));
    RETURN_IF_ERROR(CheckActsAtSite(actor, Permission::kManageBeds, hold.site_id));
    if (!hold.ActiveAt(now)) return Refused("hold", "the hold was already released or expired");
    hold.released = HoldRelease::kCancelled;
    hold.released_at = now;
    hold.released_by = actor.user.username;
    RETURN_IF_ERROR(tx.UpdateHold(hold));
    RETURN_IF_ERROR(tx.LockSectionBoard(hold.section_id, now));
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "bed_hold", hold.id, {"released_at"});
  }));
  return hold;
}

StatusOr<PlacementProposal> BedService::Propose(const Actor& actor, const PlacementRequest& request) {
  if (!actor.Can(Permission::kPlaceGroups)) return Denied("your role may not do this");
  if (request.groups.empty()) return InvalidArgument("groups", "must list at least one group");
  if (request.groups.size() > 500) return InvalidArgument("groups", "must be at most 500 groups");
  const std::string now = Now();
  LiveShelters live;
  Site arrival;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    auto site = tx.GetSite(request.arrival_site_id);
    if (!site.ok()) return InvalidArgument("arrival_site_id", "no such site");
    arrival = *site;
    ASSIGN_OR_RETURN(live, ReadLiveShelters(tx, now));
    return OkStatus();
  }));
  allocate::Problem problem;
  problem.shelters = live.shelters;
  for (size_t idx = 0; idx < request.groups.size(); ++idx) {
    const PlacementGroup& input = request.groups[idx];
    const std::string path = "groups[" + std::to_string(idx) + "]";
    allocate::Group group;
    group.id = input.id;
    group.composition = input.composition;
    group.needs = input.needs;
    group.arrival_port = arrival.name;
    group.arrival = {arrival.latitude, arrival.longitude};
    group.home = group.arrival;
    if (!input.home_state.empty()) {
      const MexicanState* state = StateByInegiCode(input.home_state);
      if (!state) return InvalidArgument(path + ".home_state", "must be an INEGI state code 01 to 32");
      group.home_region = std::string(state->name);
      group.home = {state->capital_lat, state->capital_lon};
    }
    problem.groups.push_back(std::move(group));
  }
  allocate::Placement placement;
  PlacementProposal proposal;
  if (problem.groups.size() == 1) {
    // Online: the beds keep the prices of the last batch, where sections still exist.
    std::vector<int64_t> prices;
    {
      std::lock_guard<std::mutex> lock(prices_mutex_);
      for (const std::vector<Section>& sections : live.sections) {
        for (const Section& section : sections) {
          auto found = bed_price_.find(section.id);
          prices.push_back(found == bed_price_.end() ? 0 : found->second);
        }
      }
    }
    ASSIGN_OR_RETURN(allocate::OnlinePlacer placer, allocate::OnlinePlacer::Make(live.shelters, std::move(prices)));
    auto placed = placer.Place(problem.groups[0]);
    if (!placed.ok()) {
      const Status& status = placed.status();
      std::string field = status.field();
      if (field.rfind("group", 0) == 0) field = "groups[0]" + field.substr(5);
      return InvalidArgument(field, status.message());
    }
    placement.groups.push_back(*placed);
    const int people = problem.groups[0].composition.size();
    (placed->shelter >= 0 ? placement.placed_people : placement.unplaced_people) = people;
    placement.cost = placed->cost;
    proposal.method = "online";
  } else {
    ASSIGN_OR_RETURN(placement, allocate::AllocateBeds(problem));
    std::lock_guard<std::mutex> lock(prices_mutex_);
    bed_price_.clear();
    size_t flat = 0;
    for (const std::vector<Section>& sections : live.sections) {
      for (const Section& section : sections) bed_price_[section.id] = placement.bed_price[flat++];
    }
  }
  proposal.placed_people = placement.placed_people;
  proposal.unplaced_people = placement.unplaced_people;
  proposal.cost = placement.cost;
  proposal.lower_bound = placement.lower_bound;
  for (size_t idx = 0; idx < request.groups.size(); ++idx) {
    const allocate::GroupPlacement& placed = placement.groups[idx];
    ProposedGroup out;
    out.group_id = request.groups[idx].id;
    out.label = request.groups[idx].label;
    out.people = request.groups[idx].composition.size();
    out.outcome = OutcomeName(placed.outcome);
    out.reason = placed.reason;
    out.travel_km = placed.travel_km;
    if (placed.shelter >= 0) {
      const Site& site = live.sites[placed.shelter];
      const Section& section = live.sections[placed.shelter][placed.section];
      out.site_id = site.id;
      out.site_name = site.name;
      out.section_id = section.id;
      out.section_name = section.name;
    }
    proposal.groups.push_back(std::move(out));
  }
  return proposal;
}

StatusOr<std::vector<BedHold>> BedService::Confirm(const Actor& actor, PlacementConfirmation confirmation) {
  if (!actor.Can(Permission::kPlaceGroups)) return Denied("your role may not do this");
  if (confirmation.items.empty()) return InvalidArgument("items", "must list at least one placement");
  if (confirmation.items.size() > 500) return InvalidArgument("items", "must be at most 500 placements");
  std::vector<BedHold> holds(confirmation.items.size());
  for (size_t idx = 0; idx < confirmation.items.size(); ++idx) {
    holds[idx].beds = confirmation.items[idx].beds;
    holds[idx].label = confirmation.items[idx].label;
    Status valid = ValidateHold(holds[idx], confirmation.hours);
    if (!valid.ok()) {
      return valid.field() == "hours" ? valid : valid.WithFieldPrefix("items[" + std::to_string(idx) + "]");
    }
  }
  const UtcTime now_time = clock_();
  const std::string now = FormatUtc(now_time);
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    // Lock the sections in id order (no two confirmations wait on each other in a cycle).
    std::map<int64_t, Section> sections;
    std::map<int64_t, int> asked;
    for (size_t idx = 0; idx < confirmation.items.size(); ++idx) {
      const int64_t section_id = confirmation.items[idx].section_id;
      auto section = tx.GetSection(section_id);
      if (!section.ok()) return InvalidArgument("items[" + std::to_string(idx) + "].section_id", "no such section");
      sections.emplace(section_id, *section);
      asked[section_id] += holds[idx].beds;
    }
    for (const auto& [section_id, section] : sections) RETURN_IF_ERROR(tx.LockSectionBoard(section_id, now));
    for (size_t idx = 0; idx < confirmation.items.size(); ++idx) {
      const Section& section = sections.at(confirmation.items[idx].section_id);
      ASSIGN_OR_RETURN(SectionUsage usage, UsageOf(tx, section, now));
      if (usage.occupancy.free() < asked[section.id]) {
        return Refused("items[" + std::to_string(idx) + "].section_id",
                       section.name + " has " + std::to_string(std::max(0, usage.occupancy.free())) +
                           " free beds; this placement needs " + std::to_string(asked[section.id]));
      }
    }
    for (size_t idx = 0; idx < holds.size(); ++idx) {
      BedHold& hold = holds[idx];
      const Section& section = sections.at(confirmation.items[idx].section_id);
      hold.site_id = section.site_id;
      hold.section_id = section.id;
      hold.created_at = now;
      hold.created_by = actor.user.username;
      hold.expires_at = FormatUtc(now_time + std::chrono::hours(confirmation.hours));
      RETURN_IF_ERROR(tx.InsertHold(hold));
      RETURN_IF_ERROR(AppendAuditRow(tx, actor, audit_action::kCreate, "bed_hold", hold.id,
                                     {Ref("section", section.id)}));
    }
    return OkStatus();
  }));
  return holds;
}

StatusOr<int64_t> BedService::ReleaseExpiredHolds(const Actor& job) {
  const std::string now = Now();
  int64_t released = 0;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    released = 0;
    ASSIGN_OR_RETURN(std::vector<BedHold> expired, tx.ListExpiredHolds(now));
    for (BedHold& hold : expired) {
      hold.released = HoldRelease::kExpired;
      hold.released_at = now;
      hold.released_by = job.user.username;
      RETURN_IF_ERROR(tx.UpdateHold(hold));
      RETURN_IF_ERROR(tx.LockSectionBoard(hold.section_id, now));
      RETURN_IF_ERROR(AppendAuditRow(tx, job, audit_action::kUpdate, "bed_hold", hold.id, {"released_at"}));
      ++released;
    }
    return OkStatus();
  }));
  return released;
}

StatusOr<int64_t> BedService::Reconcile(const Actor& job) {
  const UtcTime now_time = clock_();
  const std::string now = FormatUtc(now_time);
  // The UTC date runs at most a day ahead of the border's local dates; the grace absorbs it.
  const std::string before = ReconcileBefore(std::chrono::floor<std::chrono::days>(now_time));
  int64_t closed = 0;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    closed = 0;
    ASSIGN_OR_RETURN(std::vector<Stay> stale, tx.OpenStaysDueBefore(before));
    for (Stay& stay : stale) {
      stay.checked_out_at = now;
      stay.checked_out_by = job.user.username;
      stay.closed = StayClose::kReconciled;
      RETURN_IF_ERROR(tx.CloseStay(stay));
      RETURN_IF_ERROR(tx.LockSectionBoard(stay.section_id, now));
      RETURN_IF_ERROR(AppendAuditRow(tx, job, audit_action::kUpdate, "stay", stay.id,
                                     {Ref("person", stay.person_id), "checked_out_at", "closed_reason"}));
      ++closed;
    }
    return OkStatus();
  }));
  return closed;
}

StatusOr<std::vector<PublicCapacity>> BedService::PublishedCapacity() {
  const std::string now = Now();
  std::vector<PublicCapacity> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(std::vector<Site> sites, tx.ListSites());
    for (const Site& site : sites) {
      if (!site.publish_capacity) continue;
      ASSIGN_OR_RETURN(std::vector<Section> sections, tx.ListSections(site.id));
      ASSIGN_OR_RETURN(std::vector<SectionUsage> usage, tx.ListSectionUsage(site.id, now));
      for (const Section& section : sections) {
        PublicCapacity one{site, section, 0, section.beds, ""};
        for (const SectionUsage& counted : usage) {
          if (counted.section_id != section.id) continue;
          one.available = std::max(0, counted.occupancy.free());
          one.updated = counted.updated_at;
        }
        out.push_back(std::move(one));
      }
    }
    return OkStatus();
  }));
  return out;
}

}  // namespace acogida
