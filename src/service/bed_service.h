// Use cases of the bed board (issue #5): each shelter's live board (sections, who is in which
// bed, holds, overdue stays), check-in and check-out, holds for groups in transit, the network
// view of free beds, placement of an arriving bus with the allocation engine and its
// confirmation as holds, the jobs that expire holds and reconcile stale stays, and the public
// capacity that a shelter may publish (no personal data).
//
// Capacity is never exceeded: every booking locks its section's board (Tx::LockSectionBoard)
// and counts what is committed before it writes, on SQLite and on PostgreSQL alike, so when
// two staff book the last bed at once exactly one wins; the other gets FailedPrecondition.
// Rules: the named board, check-ins and holds need kManageBeds at the site; proposing and
// confirming placements (holds at any shelter) need kPlaceGroups; the network view needs only kReadSites (counts). Every read
// of names on the board is audited as a search listing the persons shown. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "allocate/types.h"
#include "core/account.h"
#include "core/bed_board.h"
#include "core/site.h"
#include "service/clock.h"
#include "store/store.h"

namespace acogida {

struct StayOnBoard {
  Stay stay;
  std::string full_name;
  bool overdue = false;
};

struct SectionBoard {
  Section section;
  Occupancy occupancy;
  std::string updated_at;
  std::vector<StayOnBoard> stays;
  std::vector<BedHold> holds;  // active now
};

struct BedBoard {
  Site site;
  std::string today;  // the site's local date
  std::vector<SectionBoard> sections;
};

struct SectionCapacity {
  Section section;
  Occupancy occupancy;
  std::string updated_at;
};

struct SiteCapacity {
  Site site;
  std::vector<SectionCapacity> sections;
};

struct CheckInRequest {
  int64_t person_id = 0;
  int64_t section_id = 0;
  std::string expected_checkout;  // "YYYY-MM-DD", the site's local date
  int64_t hold_id = 0;            // a hold of this section the person's bed comes from; 0: none
};

struct HoldRequest {
  int64_t section_id = 0;
  int beds = 0;
  std::string label;
  int hours = kDefaultHoldHours;
};

// One arriving household as staff describe it: who travels, what they need, where home is.
struct PlacementGroup {
  std::string id;     // the caller's key, unique in the request
  std::string label;  // "Familia 3", no names needed
  allocate::Composition composition;
  allocate::Needs needs;
  std::string home_state;  // INEGI code, "" if unknown
};

struct PlacementRequest {
  int64_t arrival_site_id = 0;  // where the bus or flight arrives
  std::vector<PlacementGroup> groups;
};

struct ProposedGroup {
  std::string group_id;
  std::string label;
  int people = 0;
  int64_t site_id = 0;     // 0 when left without a bed
  std::string site_name;
  int64_t section_id = 0;
  std::string section_name;
  double travel_km = 0;
  std::string outcome;     // "placed", "no_suitable_section", "no_room"
  std::string reason;
};

struct PlacementProposal {
  // "batch": the whole request solved together (flow, rounding, local search); "online": one group
  // placed alone with the bed prices of the last batch, so it does not take the beds later arrivals need.
  std::string method = "batch";
  std::vector<ProposedGroup> groups;  // in request order
  int placed_people = 0;
  int unplaced_people = 0;
  int64_t cost = 0;
  int64_t lower_bound = 0;
};

struct ConfirmItem {
  std::string label;
  int64_t section_id = 0;
  int beds = 0;
};

struct PlacementConfirmation {
  std::vector<ConfirmItem> items;
  int hours = kDefaultHoldHours;
};

// A section's capacity as Open Referral HSDS service_capacity publishes it.
struct PublicCapacity {
  Site site;
  Section section;
  int available = 0;
  int maximum = 0;
  std::string updated;
};

class BedService {
 public:
  BedService(Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  StatusOr<BedBoard> Board(const Actor& actor, int64_t site_id);
  // Every site with sections, each section's counts (no personal data).
  StatusOr<std::vector<SiteCapacity>> Network(const Actor& actor);

  // FailedPrecondition (field "section_id") when the section is full, ("hold_id") when the
  // hold is not an active hold of that section. A person already in a bed elsewhere is moved.
  StatusOr<Stay> CheckIn(const Actor& actor, CheckInRequest request);
  StatusOr<Stay> CheckOut(const Actor& actor, int64_t stay_id);
  // Changes the expected check-out; `version` must be the stay's (StaleVersion otherwise).
  StatusOr<Stay> ExtendStay(const Actor& actor, int64_t stay_id, const std::string& expected_checkout,
                            int64_t version);

  StatusOr<BedHold> Hold(const Actor& actor, HoldRequest request);
  StatusOr<BedHold> ReleaseHold(const Actor& actor, int64_t hold_id);

  // Proposes beds for a batch with the allocation engine over the free beds now. Writes nothing.
  // A request of one group is placed online, priced by the last batch proposal of this server.
  StatusOr<PlacementProposal> Propose(const Actor& actor, const PlacementRequest& request);
  // Holds the beds of every item, or none: FailedPrecondition naming "items[i].section_id"
  // when a section no longer has room for all the items placed in it.
  StatusOr<std::vector<BedHold>> Confirm(const Actor& actor, PlacementConfirmation confirmation);

  // Jobs: marks holds past their expiry released ("expired"); closes open stays more than
  // kReconcileGraceDays past their expected check-out ("reconciled"). Each returns how many.
  StatusOr<int64_t> ReleaseExpiredHolds(const Actor& job);
  StatusOr<int64_t> Reconcile(const Actor& job);

  // Every section of the sites that publish their capacity. No actor: public.
  StatusOr<std::vector<PublicCapacity>> PublishedCapacity();

 private:
  std::string Now() const;
  Store& store_;
  Clock clock_;
  std::mutex prices_mutex_;
  std::map<int64_t, int64_t> bed_price_;  // section id → the last batch relaxation's price of a bed
};

}  // namespace acogida
