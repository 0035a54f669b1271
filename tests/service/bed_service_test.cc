// The bed board through BedService on each backend (a real SQLite file, a real PostgreSQL
// database) with a clock the tests move: capacity is never exceeded (also when several staff
// book the last bed at once), holds count and expire, confirmations are all or nothing,
// placements keep households whole and minors in authorised sections, stale stays are
// reconciled, and the site rules hold.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "service/bed_service.h"
#include "service/intake_service.h"
#include "service/site_service.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using testing::Backend;
using testing::MakePerson;
using testing::StatusCodeIs;
using testing::StatusIs;

const UtcTime kStart = UtcTime(std::chrono::sys_days(std::chrono::year(2026) / 11 / 29)) + std::chrono::hours(18);

class BedServiceTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto opened = database_.Open();
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    Clock clock = [this] { return kStart + std::chrono::seconds(offset_seconds_.load()); };
    sites_ = std::make_unique<SiteService>(*store_);
    intake_ = std::make_unique<IntakeService>(*store_, clock);
    beds_ = std::make_unique<BedService>(*store_, clock);
    Site shelter = testing::TijuanaCentre();
    shelter.name = "Albergue Juventud 2000";
    shelter.kind = SiteKind::kShelter;
    auto site = sites_->Create(coordinator_, shelter);
    ASSERT_OK(site);
    site_id_ = site->id;
  }

  int64_t AddSection(SectionKind kind, int beds, const std::string& name, int64_t site_id = 0) {
    Section section;
    section.site_id = site_id ? site_id : site_id_;
    section.name = name;
    section.kind = kind;
    section.beds = beds;
    auto created = sites_->CreateSection(coordinator_, section);
    EXPECT_OK(created);
    return created.ok() ? created->id : 0;
  }

  // Registers `count` one-person households at the shelter; returns their person ids.
  std::vector<int64_t> Register(int count) {
    std::vector<int64_t> ids;
    for (int idx = 0; idx < count; ++idx) {
      NewHousehold input;
      input.site_id = site_id_;
      input.members = {MakePerson("Persona", "Número", std::string(1, static_cast<char>('A' + idx % 26)))};
      input.members[0].sex = Sex::kMale;
      auto household = intake_->Register(coordinator_, input);
      EXPECT_OK(household);
      if (household.ok()) ids.push_back(household->members[0].id);
    }
    return ids;
  }

  Occupancy OccupancyOf(int64_t section_id) {
    auto board = beds_->Board(coordinator_, site_id_);
    EXPECT_OK(board);
    if (!board.ok()) return {};
    for (const SectionBoard& section : board->sections) {
      if (section.section.id == section_id) return section.occupancy;
    }
    ADD_FAILURE() << "section " << section_id << " not on the board";
    return {};
  }

  StatusOr<Stay> CheckIn(int64_t person_id, int64_t section_id, int64_t hold_id = 0) {
    return beds_->CheckIn(coordinator_, CheckInRequest{person_id, section_id, "2026-12-02", hold_id});
  }

  const Actor coordinator_ = testing::TestActor(Role::kCoordinator);
  std::atomic<int64_t> offset_seconds_{0};
  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<SiteService> sites_;
  std::unique_ptr<IntakeService> intake_;
  std::unique_ptr<BedService> beds_;
  int64_t site_id_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, BedServiceTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(BedServiceTest, CheckInsFillTheSectionAndTheNextOneIsRefused) {
  const int64_t men = AddSection(SectionKind::kMen, 2, "Hombres");
  std::vector<int64_t> people = Register(3);
  ASSERT_OK(CheckIn(people[0], men));
  ASSERT_OK(CheckIn(people[1], men));
  EXPECT_THAT(CheckIn(people[2], men), StatusIs(StatusCode::kFailedPrecondition, "section_id"));
  Occupancy occupancy = OccupancyOf(men);
  EXPECT_EQ(occupancy.occupied, 2);
  EXPECT_EQ(occupancy.free(), 0);
}

TEST_P(BedServiceTest, TwoStaffBookingTheLastBedAtOnceExactlyOneWins) {
  const int64_t men = AddSection(SectionKind::kMen, 1, "Hombres");
  constexpr int kStaff = 6;
  std::vector<int64_t> people = Register(kStaff);
  for (int round = 0; round < 3; ++round) {
    std::atomic<int> go{0}, won{0}, full{0}, other{0};
    std::vector<std::thread> staff;
    for (int idx = 0; idx < kStaff; ++idx) {
      staff.emplace_back([&, idx] {
        while (go.load() == 0) std::this_thread::yield();
        auto stay = CheckIn(people[idx], men);
        if (stay.ok()) ++won;
        else if (stay.status().code() == StatusCode::kFailedPrecondition) ++full;
        else ++other;
      });
    }
    go = 1;
    for (std::thread& thread : staff) thread.join();
    EXPECT_EQ(won.load(), 1) << "round " << round;
    EXPECT_EQ(full.load(), kStaff - 1) << "round " << round;
    EXPECT_EQ(other.load(), 0) << "round " << round;
    auto board = beds_->Board(coordinator_, site_id_);
    ASSERT_OK(board);
    ASSERT_EQ(board->sections[0].stays.size(), 1u);
    // Free the bed for the next round.
    ASSERT_OK(beds_->CheckOut(coordinator_, board->sections[0].stays[0].stay.id));
  }
}

TEST_P(BedServiceTest, HoldsCountAgainstFreeBedsUntilTheyExpire) {
  const int64_t women = AddSection(SectionKind::kWomen, 3, "Mujeres");
  auto hold = beds_->Hold(coordinator_, HoldRequest{women, 2, "Autobús 7, familia 2", 2});
  ASSERT_OK(hold);
  EXPECT_EQ(hold->expires_at, "2026-11-29T20:00:00Z");
  EXPECT_EQ(OccupancyOf(women).free(), 1);
  EXPECT_THAT(beds_->Hold(coordinator_, HoldRequest{women, 2, "Otro grupo", 2}),
              StatusIs(StatusCode::kFailedPrecondition, "beds"));
  offset_seconds_ = 2 * 3600;  // the expiry instant: the hold holds nothing any more
  EXPECT_EQ(OccupancyOf(women).free(), 3);
  auto released = beds_->ReleaseExpiredHolds(coordinator_);
  ASSERT_OK(released);
  EXPECT_EQ(*released, 1);
  auto again = beds_->ReleaseExpiredHolds(coordinator_);
  ASSERT_OK(again);
  EXPECT_EQ(*again, 0);
  EXPECT_THAT(beds_->ReleaseHold(coordinator_, hold->id), StatusCodeIs(StatusCode::kFailedPrecondition));
}

TEST_P(BedServiceTest, CheckInAgainstAHoldTakesItsBeds) {
  const int64_t men = AddSection(SectionKind::kMen, 2, "Hombres");
  std::vector<int64_t> people = Register(3);
  auto hold = beds_->Hold(coordinator_, HoldRequest{men, 2, "Autobús 3", 12});
  ASSERT_OK(hold);
  EXPECT_THAT(CheckIn(people[0], men), StatusIs(StatusCode::kFailedPrecondition, "section_id"));
  ASSERT_OK(CheckIn(people[0], men, hold->id));
  Occupancy occupancy = OccupancyOf(men);
  EXPECT_EQ(occupancy.occupied, 1);
  EXPECT_EQ(occupancy.held, 1);
  ASSERT_OK(CheckIn(people[1], men, hold->id));
  EXPECT_EQ(OccupancyOf(men).held, 0);
  EXPECT_THAT(CheckIn(people[2], men, hold->id), StatusIs(StatusCode::kFailedPrecondition, "hold_id"));
}

TEST_P(BedServiceTest, ConfirmationHoldsEveryItemOrNothing) {
  const int64_t men = AddSection(SectionKind::kMen, 4, "Hombres");
  const int64_t families = AddSection(SectionKind::kFamilies, 3, "Familias");
  PlacementConfirmation confirmation;
  confirmation.items = {{"Grupo 1", men, 2}, {"Grupo 2", families, 2}, {"Grupo 3", families, 2}};
  EXPECT_THAT(beds_->Confirm(coordinator_, confirmation),
              StatusIs(StatusCode::kFailedPrecondition, "items[1].section_id"));
  EXPECT_EQ(OccupancyOf(men).held, 0);
  EXPECT_EQ(OccupancyOf(families).held, 0);
  confirmation.items.pop_back();
  auto holds = beds_->Confirm(coordinator_, confirmation);
  ASSERT_OK(holds);
  ASSERT_EQ(holds->size(), 2u);
  EXPECT_EQ(OccupancyOf(men).held, 2);
  EXPECT_EQ(OccupancyOf(families).held, 2);
  confirmation.items = {{"", men, 1}};
  EXPECT_THAT(beds_->Confirm(coordinator_, confirmation), StatusIs(StatusCode::kInvalidArgument, "items[0].label"));
}

TEST_P(BedServiceTest, ProposalKeepsHouseholdsWholeAndMinorsInAuthorisedSections) {
  const int64_t men = AddSection(SectionKind::kMen, 10, "Hombres");
  const int64_t families = AddSection(SectionKind::kFamilies, 8, "Familias");
  const int64_t minors = AddSection(SectionKind::kUnaccompaniedMinors, 3, "Menores");
  PlacementRequest request;
  request.arrival_site_id = site_id_;
  for (int idx = 0; idx < 4; ++idx) {
    PlacementGroup group;
    group.id = "fam" + std::to_string(idx);
    group.label = "Familia " + std::to_string(idx);
    group.composition = {1, 1, 1, 0};
    group.home_state = "16";
    request.groups.push_back(group);
  }
  for (int idx = 0; idx < 3; ++idx) {
    PlacementGroup group;
    group.id = "nna" + std::to_string(idx);
    group.label = "Menor " + std::to_string(idx);
    group.composition = {0, 0, 0, 1};
    request.groups.push_back(group);
  }
  auto proposal = beds_->Propose(coordinator_, request);
  ASSERT_OK(proposal);
  ASSERT_EQ(proposal->groups.size(), request.groups.size());
  std::map<int64_t, int> used;
  int family_people_without_bed = 0;
  for (size_t idx = 0; idx < proposal->groups.size(); ++idx) {
    const ProposedGroup& group = proposal->groups[idx];
    EXPECT_EQ(group.people, request.groups[idx].composition.size());
    if (group.section_id == 0) {
      family_people_without_bed += group.people;
      continue;
    }
    used[group.section_id] += group.people;  // one section per household: whole by construction
    if (group.group_id.rfind("nna", 0) == 0) EXPECT_EQ(group.section_id, minors) << group.group_id;
    else EXPECT_NE(group.section_id, minors) << group.group_id;
    EXPECT_NE(group.section_id, men) << "a family with a child in the men's section";
  }
  EXPECT_LE(used[families], 8);
  EXPECT_LE(used[minors], 3);
  EXPECT_EQ(used[minors], 3);
  EXPECT_EQ(used[families], 6);
  EXPECT_EQ(family_people_without_bed, 6);  // 4 families of 3 and 8 family beds: two wait, none split
  EXPECT_EQ(proposal->unplaced_people, 6);
  request.groups[0].home_state = "99";
  EXPECT_THAT(beds_->Propose(coordinator_, request), StatusIs(StatusCode::kInvalidArgument, "groups[0].home_state"));
}

TEST_P(BedServiceTest, OneArrivingGroupIsPlacedOnlineWithTheLastBatchPrices) {
  AddSection(SectionKind::kMen, 4, "Hombres");
  const int64_t families = AddSection(SectionKind::kFamilies, 6, "Familias");
  PlacementRequest batch;
  batch.arrival_site_id = site_id_;
  for (int idx = 0; idx < 3; ++idx) {
    PlacementGroup group;
    group.id = "h" + std::to_string(idx);
    group.composition = {1, 0, 0, 0};
    batch.groups.push_back(group);
  }
  auto batched = beds_->Propose(coordinator_, batch);
  ASSERT_OK(batched);
  EXPECT_EQ(batched->method, "batch");
  PlacementRequest one{site_id_, {batch.groups[0]}};
  one.groups[0].composition = {1, 1, 2, 0};
  auto online = beds_->Propose(coordinator_, one);
  ASSERT_OK(online);
  EXPECT_EQ(online->method, "online");
  ASSERT_EQ(online->groups.size(), 1u);
  EXPECT_EQ(online->groups[0].section_id, families);  // a family: never the men's section
  EXPECT_EQ(online->placed_people, 4);
  one.groups[0].composition = {0, 0, 0, 0};
  auto empty = beds_->Propose(coordinator_, one);
  EXPECT_THAT(empty, StatusCodeIs(StatusCode::kInvalidArgument));
  EXPECT_EQ(empty.status().field().rfind("groups[0]", 0), 0u) << empty.status().ToString();
}

TEST_P(BedServiceTest, OverdueStaysAreFlaggedAndReconciledAfterTheGrace) {
  const int64_t men = AddSection(SectionKind::kMen, 5, "Hombres");
  std::vector<int64_t> people = Register(2);
  ASSERT_OK(beds_->CheckIn(coordinator_, CheckInRequest{people[0], men, "2026-11-30", 0}));
  ASSERT_OK(beds_->CheckIn(coordinator_, CheckInRequest{people[1], men, "2026-12-20", 0}));
  EXPECT_THAT(beds_->CheckIn(coordinator_, CheckInRequest{people[1], men, "2026-11-28", 0}),
              StatusIs(StatusCode::kInvalidArgument, "expected_checkout"));
  offset_seconds_ = 2 * 86400;  // 2026-12-01, local morning in Tijuana
  auto board = beds_->Board(coordinator_, site_id_);
  ASSERT_OK(board);
  EXPECT_EQ(board->today, "2026-12-01");
  ASSERT_EQ(board->sections[0].stays.size(), 2u);
  EXPECT_TRUE(board->sections[0].stays[0].overdue);
  EXPECT_FALSE(board->sections[0].stays[1].overdue);
  auto early = beds_->Reconcile(coordinator_);
  ASSERT_OK(early);
  EXPECT_EQ(*early, 0);  // within the grace: still counted, flagged overdue
  offset_seconds_ = 3 * 86400;  // 2026-12-02: two days past the expected check-out, not more
  auto still = beds_->Reconcile(coordinator_);
  ASSERT_OK(still);
  EXPECT_EQ(*still, 0);
  offset_seconds_ = 4 * 86400;  // 2026-12-03: more than two days past
  auto closed = beds_->Reconcile(coordinator_);
  ASSERT_OK(closed);
  EXPECT_EQ(*closed, 1);
  EXPECT_EQ(OccupancyOf(men).occupied, 1);
}

TEST_P(BedServiceTest, CheckingInElsewhereMovesThePerson) {
  const int64_t men = AddSection(SectionKind::kMen, 5, "Hombres");
  const int64_t medical = AddSection(SectionKind::kMedical, 2, "Enfermería");
  std::vector<int64_t> people = Register(1);
  auto first = CheckIn(people[0], men);
  ASSERT_OK(first);
  EXPECT_THAT(CheckIn(people[0], men), StatusIs(StatusCode::kFailedPrecondition, "person_id"));
  ASSERT_OK(CheckIn(people[0], medical));
  EXPECT_EQ(OccupancyOf(men).occupied, 0);
  EXPECT_EQ(OccupancyOf(medical).occupied, 1);
}

TEST_P(BedServiceTest, StaffActOnlyAtTheirSitesAndTheNetworkShowsCountsToAll) {
  const int64_t men = AddSection(SectionKind::kMen, 5, "Hombres");
  std::vector<int64_t> people = Register(1);
  const Actor own = testing::TestActor(Role::kShelterStaff, {site_id_});
  const Actor elsewhere = testing::TestActor(Role::kShelterStaff, {site_id_ + 1000});
  const Actor analyst = testing::TestActor(Role::kAnalyst);
  EXPECT_THAT(beds_->CheckIn(elsewhere, CheckInRequest{people[0], men, "2026-12-02", 0}),
              StatusCodeIs(StatusCode::kPermissionDenied));
  EXPECT_THAT(beds_->Board(elsewhere, site_id_), StatusCodeIs(StatusCode::kPermissionDenied));
  EXPECT_THAT(beds_->Board(analyst, site_id_), StatusCodeIs(StatusCode::kPermissionDenied));
  EXPECT_THAT(beds_->Propose(own, PlacementRequest{site_id_, {}}), StatusCodeIs(StatusCode::kPermissionDenied));
  ASSERT_OK(beds_->CheckIn(own, CheckInRequest{people[0], men, "2026-12-02", 0}));
  auto network = beds_->Network(analyst);
  ASSERT_OK(network);
  ASSERT_EQ(network->size(), 1u);
  EXPECT_EQ((*network)[0].sections[0].occupancy.occupied, 1);
  EXPECT_EQ((*network)[0].sections[0].updated_at, "2026-11-29T18:00:00Z");
}

TEST_P(BedServiceTest, OnlySitesThatPublishShowTheirCapacity) {
  AddSection(SectionKind::kMen, 5, "Hombres");
  auto none = beds_->PublishedCapacity();
  ASSERT_OK(none);
  EXPECT_TRUE(none->empty());
  auto detail = sites_->Get(coordinator_, site_id_);
  ASSERT_OK(detail);
  Site site = detail->site;
  site.publish_capacity = true;
  ASSERT_OK(sites_->Update(coordinator_, site));
  auto published = beds_->PublishedCapacity();
  ASSERT_OK(published);
  ASSERT_EQ(published->size(), 1u);
  EXPECT_EQ((*published)[0].available, 5);
  EXPECT_EQ((*published)[0].maximum, 5);
}

}  // namespace
}  // namespace acogida
