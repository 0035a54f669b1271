// Use cases of the reception flow (issue #8): a person's services checklist (what their site
// offers, each item's status, who changed it and when), moving an item along its allowed
// transitions, and the batch view of a bus or flight: who still needs what, and the queue at
// each service desk. Rules: reading needs kReadPersons and the person in the actor's sites
// (NotFound otherwise); changing an item needs kRegisterArrivals at the site where it happens,
// and the site must offer the item. Reads are audited as reads or listings of persons; every
// change as an update. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/account.h"
#include "core/reception.h"
#include "core/site.h"
#include "service/clock.h"
#include "store/store.h"

namespace acogida {

struct ChecklistItem {
  ServiceItem item = ServiceItem::kRepatriationLetter;
  bool offered_here = true;  // the site offers it
  ServiceRecord record;      // status kPending and id 0 when nothing was recorded
};

struct Checklist {
  int64_t person_id = 0;
  Site site;  // where the checklist is worked: the one asked for, or the person's latest arrival
  std::vector<ChecklistItem> items;  // every item, in the flow's order
};

struct ServiceUpdate {
  int64_t site_id = 0;
  ServiceItem item = ServiceItem::kRepatriationLetter;
  ServiceStatus status = ServiceStatus::kOffered;
  TransportHome transport;  // transport_home, when status is accepted or done
  int64_t version = 0;      // the record's version as read; 0 when it was pending (never recorded)
};

struct BatchPerson {
  int64_t person_id = 0;
  std::string full_name;
  std::vector<ServiceRecord> records;  // recorded items only
  std::vector<ServiceItem> still_needed;  // offered items not done and not declined
};

struct DeskQueue {
  ServiceItem item = ServiceItem::kRepatriationLetter;
  int waiting = 0;   // offered or accepted, not done
  int done = 0;
  int declined = 0;
  int pending = 0;   // never offered yet
};

struct BatchView {
  Site site;
  std::string date;      // the site's local date
  std::string batch_id;  // "" for arrivals without a batch
  std::vector<BatchPerson> persons;
  std::vector<DeskQueue> desks;  // the site's offered items, in the flow's order
};

struct BatchSummary {
  std::string batch_id;
  std::string first_arrival;  // ISO 8601 UTC
  int persons = 0;
};

class ReceptionService {
 public:
  ReceptionService(Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // `site_id` 0: the site of the person's latest arrival.
  StatusOr<Checklist> GetChecklist(const Actor& actor, int64_t person_id, int64_t site_id = 0);
  // FailedPrecondition (field "status") for a transition the flow does not allow, or (field
  // "item") for an item the site does not offer; StaleVersion when someone changed it first.
  StatusOr<ServiceRecord> UpdateItem(const Actor& actor, int64_t person_id, ServiceUpdate update);

  // The batches that arrived at a site on a local date, and one batch's view.
  StatusOr<std::vector<BatchSummary>> ListBatches(const Actor& actor, int64_t site_id, const std::string& date);
  StatusOr<BatchView> GetBatch(const Actor& actor, int64_t site_id, const std::string& date,
                               const std::string& batch_id);

 private:
  Store& store_;
  Clock clock_;
};

}  // namespace acogida
