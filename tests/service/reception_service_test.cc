// The reception flow through its services on each backend (a real SQLite file, a real
// PostgreSQL database) with a fixed clock: the checklist's transitions and versions, a site's
// choice of items, transport home, the batch view of a bus, the dashboard's counts with small
// cells hidden from analysts, and the CSV and HXL exports.
#include <gtest/gtest.h>

#include "service/dashboard_service.h"
#include "service/intake_service.h"
#include "service/reception_service.h"
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
using S = ServiceStatus;
using I = ServiceItem;

// 10:00 in Tijuana on 2026-11-29.
UtcTime FixedNow() {
  return UtcTime(std::chrono::sys_days(std::chrono::year(2026) / 11 / 29)) + std::chrono::hours(18);
}

class ReceptionServiceTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto opened = database_.Open();
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    sites_ = std::make_unique<SiteService>(*store_);
    intake_ = std::make_unique<IntakeService>(*store_, FixedNow);
    reception_ = std::make_unique<ReceptionService>(*store_, FixedNow);
    dashboards_ = std::make_unique<DashboardService>(*store_, FixedNow);
    auto site = sites_->Create(coordinator_, testing::TijuanaCentre());
    ASSERT_OK(site);
    site_ = *site;
  }

  // A bus of `count` one-person households at the centre; returns the person ids.
  std::vector<int64_t> Bus(int count, const std::string& batch = "Autobús 9") {
    std::vector<int64_t> ids;
    for (int idx = 0; idx < count; ++idx) {
      NewHousehold input;
      input.site_id = site_.id;
      input.mode = ArrivalMode::kBus;
      input.batch_id = batch;
      input.arrived_at = "2026-11-29T17:00:00Z";
      input.members = {MakePerson("Viajera", "Número", std::string(1, static_cast<char>('A' + idx)))};
      auto household = intake_->Register(coordinator_, input);
      EXPECT_OK(household);
      if (household.ok()) ids.push_back(household->members[0].id);
    }
    return ids;
  }

  StatusOr<ServiceRecord> Move(int64_t person, I item, S status, int64_t version, TransportHome transport = {}) {
    return reception_->UpdateItem(coordinator_, person, ServiceUpdate{site_.id, item, status, transport, version});
  }

  const Actor coordinator_ = testing::TestActor(Role::kCoordinator);
  const Actor analyst_ = testing::TestActor(Role::kAnalyst);
  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<SiteService> sites_;
  std::unique_ptr<IntakeService> intake_;
  std::unique_ptr<ReceptionService> reception_;
  std::unique_ptr<DashboardService> dashboards_;
  Site site_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ReceptionServiceTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(ReceptionServiceTest, AnItemMovesAlongTheFlowWithVersionsAndRefusesIllegalMoves) {
  const int64_t person = Bus(1)[0];
  auto checklist = reception_->GetChecklist(coordinator_, person);
  ASSERT_OK(checklist);
  EXPECT_EQ(checklist->site.id, site_.id);
  ASSERT_EQ(checklist->items.size(), 11u);
  EXPECT_EQ(checklist->items[0].record.status, S::kPending);

  auto offered = Move(person, I::kImss, S::kOffered, 0);
  ASSERT_OK(offered);
  EXPECT_EQ(offered->version, 1);
  EXPECT_THAT(Move(person, I::kImss, S::kAccepted, 0), StatusIs(StatusCode::kAborted, "version"));
  auto accepted = Move(person, I::kImss, S::kAccepted, 1);
  ASSERT_OK(accepted);
  auto done = Move(person, I::kImss, S::kDone, 2);
  ASSERT_OK(done);
  EXPECT_EQ(done->updated_by, coordinator_.user.username);
  EXPECT_EQ(done->updated_at, "2026-11-29T18:00:00Z");
  EXPECT_THAT(Move(person, I::kImss, S::kDeclined, 3), StatusIs(StatusCode::kFailedPrecondition, "status"));

  checklist = reception_->GetChecklist(coordinator_, person);
  ASSERT_OK(checklist);
  EXPECT_EQ(checklist->items[static_cast<int>(I::kImss)].record.status, S::kDone);
  EXPECT_EQ(checklist->items[static_cast<int>(I::kImss)].record.version, 3);
}

TEST_P(ReceptionServiceTest, SitesOfferTheirItemsAndTransportHomeNeedsADestination) {
  const int64_t person = Bus(1)[0];
  Site limited = site_;
  limited.services_offered = {I::kRepatriationLetter, I::kFoodKit, I::kTransportHome};
  ASSERT_OK(sites_->Update(coordinator_, limited));
  EXPECT_THAT(Move(person, I::kImss, S::kOffered, 0), StatusIs(StatusCode::kFailedPrecondition, "item"));
  auto checklist = reception_->GetChecklist(coordinator_, person);
  ASSERT_OK(checklist);
  EXPECT_FALSE(checklist->items[static_cast<int>(I::kImss)].offered_here);
  EXPECT_TRUE(checklist->items[static_cast<int>(I::kFoodKit)].offered_here);

  EXPECT_THAT(Move(person, I::kTransportHome, S::kAccepted, 0), StatusIs(StatusCode::kInvalidArgument, "transport.state"));
  auto accepted = Move(person, I::kTransportHome, S::kAccepted, 0, TransportHome{"16", "053", "ETN 221", ""});
  ASSERT_OK(accepted);
  EXPECT_EQ(accepted->transport.state, "16");
  // Anonymisation keeps where home is (the state, for counts) but not the journey's details.
  ASSERT_OK(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.AnonymisePerson(person); }));
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(std::vector<ServiceRecord> records, tx.ListServiceRecords({person}));
    EXPECT_EQ(records.size(), 1u);
    if (records.empty()) return OkStatus();
    EXPECT_EQ(records[0].transport.state, "16");
    EXPECT_EQ(records[0].transport.municipality, "");
    EXPECT_EQ(records[0].transport.bus, "");
    EXPECT_EQ(records[0].status, ServiceStatus::kAccepted);
    return OkStatus();
  }));
  const Actor elsewhere = testing::TestActor(Role::kRegistrar, {site_.id + 100});
  EXPECT_THAT(reception_->UpdateItem(elsewhere, person, ServiceUpdate{site_.id, I::kFoodKit, S::kDone, {}, 0}),
              StatusCodeIs(StatusCode::kPermissionDenied));
  EXPECT_THAT(reception_->GetChecklist(elsewhere, person), StatusCodeIs(StatusCode::kNotFound));
}

TEST_P(ReceptionServiceTest, TheBatchViewShowsWhoStillNeedsWhatAndTheQueuePerDesk) {
  std::vector<int64_t> bus = Bus(5);
  Bus(2, "Vuelo 3");
  ASSERT_OK(Move(bus[0], I::kFoodKit, S::kDone, 0));
  ASSERT_OK(Move(bus[1], I::kFoodKit, S::kDone, 0));
  ASSERT_OK(Move(bus[2], I::kFoodKit, S::kDeclined, 0));
  ASSERT_OK(Move(bus[3], I::kMedicalCare, S::kAccepted, 0));

  auto batches = reception_->ListBatches(coordinator_, site_.id, "2026-11-29");
  ASSERT_OK(batches);
  ASSERT_EQ(batches->size(), 2u);
  EXPECT_EQ((*batches)[0].batch_id, "Autobús 9");
  EXPECT_EQ((*batches)[0].persons, 5);

  auto view = reception_->GetBatch(coordinator_, site_.id, "2026-11-29", "Autobús 9");
  ASSERT_OK(view);
  ASSERT_EQ(view->persons.size(), 5u);
  const DeskQueue& food = view->desks[static_cast<int>(I::kFoodKit)];
  EXPECT_EQ(food.done, 2);
  EXPECT_EQ(food.declined, 1);
  EXPECT_EQ(food.pending, 2);
  EXPECT_EQ(view->desks[static_cast<int>(I::kMedicalCare)].waiting, 1);
  EXPECT_EQ(view->persons[0].still_needed.size(), 10u);  // all but the kit she received
  EXPECT_EQ(view->persons[4].still_needed.size(), 11u);
}

TEST_P(ReceptionServiceTest, TheDashboardCountsAndHidesSmallCellsFromAnalysts) {
  std::vector<int64_t> bus = Bus(3);
  ASSERT_OK(Move(bus[0], I::kTransportHome, S::kDone, 0, TransportHome{"16", "", "", ""}));
  auto exact = dashboards_->Get(coordinator_, 30);
  ASSERT_OK(exact);
  EXPECT_FALSE(exact->suppressed);
  EXPECT_EQ(exact->total_arrivals, 3);
  EXPECT_EQ(exact->arrived_today, 3);
  EXPECT_EQ(exact->per_day.back(), 3);
  EXPECT_EQ(exact->by_sex.at("F"), 3);
  EXPECT_EQ(exact->services[static_cast<int>(I::kTransportHome)].done, 1);
  ASSERT_EQ(exact->transport_home.size(), 1u);
  EXPECT_EQ(exact->transport_home[0].first, "16");

  auto hidden = dashboards_->Get(analyst_, 30);
  ASSERT_OK(hidden);
  EXPECT_TRUE(hidden->suppressed);
  EXPECT_EQ(hidden->total_arrivals, kSuppressed);
  EXPECT_EQ(hidden->transport_home[0].second, kSuppressed);
  EXPECT_EQ(hidden->per_day.front(), 0);  // zero is not a small cell

  Bus(3);
  auto larger = dashboards_->Get(analyst_, 30);
  ASSERT_OK(larger);
  EXPECT_EQ(larger->total_arrivals, 6);
  EXPECT_THAT(dashboards_->Get(coordinator_, 3), StatusIs(StatusCode::kInvalidArgument, "days"));
  EXPECT_THAT(dashboards_->Get(testing::TestActor(Role::kRegistrar, {site_.id}), 30),
              StatusCodeIs(StatusCode::kPermissionDenied));
}

TEST_P(ReceptionServiceTest, ExportsAreCsvWithHxlTagsAndSuppression) {
  std::vector<int64_t> bus = Bus(2, "=HYPERLINK(\"x\")");
  ASSERT_OK(Move(bus[0], I::kFoodKit, S::kDone, 0));
  auto worklist = dashboards_->WorklistCsv(coordinator_, site_.id, "2026-11-29");
  ASSERT_OK(worklist);
  EXPECT_EQ(worklist->rfind("person_id,full_name,batch,arrived_at,repatriation_letter,food_kit", 0), 0u);
  EXPECT_NE(worklist->find("Viajera Número A"), std::string::npos);
  EXPECT_NE(worklist->find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << *worklist;
  EXPECT_NE(worklist->find(",done,"), std::string::npos);

  auto hxl = dashboards_->ArrivalsHxlCsv(analyst_, 30);
  ASSERT_OK(hxl);
  EXPECT_NE(hxl->find("\r\n#date,#loc+name,#adm2+name,#adm1+code,#affected+arrived+total"), std::string::npos);
  EXPECT_NE(hxl->find("2026-11-29,Centro de Atención Tijuana,Tijuana,MX02,<5,<5,0,0,<5,0"), std::string::npos) << *hxl;
  EXPECT_THAT(dashboards_->ArrivalsHxlCsv(testing::TestActor(Role::kRegistrar, {site_.id}), 30),
              StatusCodeIs(StatusCode::kPermissionDenied));
  EXPECT_THAT(dashboards_->WorklistCsv(analyst_, site_.id, "2026-11-29"), StatusCodeIs(StatusCode::kPermissionDenied));
}

}  // namespace
}  // namespace acogida
