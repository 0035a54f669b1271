// Tests for synth/demo_network.h: the demo sites and their capacities, and a week of
// arrival batches within the stated sizes, window and port shares.
#include "synth/demo_network.h"

#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/utc_time.h"
#include "core/validate.h"
#include "testing/status_matchers.h"

namespace acogida::synth {
namespace {

constexpr uint64_t kSeed = 2025;

const DemoSite& CentreOf(const std::vector<DemoSite>& network, std::string_view city) {
  for (const DemoSite& demo : network) {
    if (demo.site.kind == SiteKind::kReceptionCentre && demo.site.city == city) return demo;
  }
  ADD_FAILURE() << "no centre in " << city;
  return network.front();
}

int BedsOf(const DemoSite& demo, SectionKind kind) {
  int beds = 0;
  for (const Section& section : demo.sections) beds += section.kind == kind ? section.beds : 0;
  return beds;
}

TEST(DemoNetwork, HasOneCentrePerCityWithTheKnownCapacities) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  std::map<std::string, int> centres;
  for (const DemoSite& demo : network) centres[demo.site.city] += demo.site.kind == SiteKind::kReceptionCentre;
  ASSERT_EQ(centres.size(), 11u);
  for (const auto& [city, count] : centres) EXPECT_EQ(count, 1) << city;
  EXPECT_EQ(CentreOf(network, "Tijuana").Beds(), 2600);
  EXPECT_EQ(CentreOf(network, "Ciudad Juárez").Beds(), 2500);
  EXPECT_EQ(CentreOf(network, "Tijuana").site.name, "Centro de Atención México te abraza — Tijuana");
  for (const DemoSite& demo : network) {
    if (demo.site.kind != SiteKind::kReceptionCentre) continue;
    if (demo.site.city == "Tijuana" || demo.site.city == "Ciudad Juárez") continue;
    EXPECT_GE(demo.Beds(), 1500) << demo.site.city;
    EXPECT_LE(demo.Beds(), 2000) << demo.site.city;
  }
}

TEST(DemoNetwork, HasOneToFourShelters80To500BedsPerCity) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  std::map<std::string, int> shelters;
  std::set<std::string> names;
  for (const DemoSite& demo : network) {
    if (demo.site.kind != SiteKind::kShelter) continue;
    ++shelters[demo.site.city];
    EXPECT_TRUE(names.insert(demo.site.name).second) << "duplicate " << demo.site.name;
    EXPECT_GE(demo.Beds(), 80) << demo.site.name;
    EXPECT_LE(demo.Beds(), 500) << demo.site.name;
  }
  for (const auto& [city, count] : shelters) {
    EXPECT_GE(count, 1) << city;
    EXPECT_LE(count, 4) << city;
  }
}

TEST(DemoNetwork, SectionsArePositiveAndMenHeavy) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  int total = 0, men = 0;
  for (const DemoSite& demo : network) {
    ASSERT_FALSE(demo.sections.empty());
    std::set<SectionKind> kinds;
    for (const Section& section : demo.sections) {
      EXPECT_GE(section.beds, 2) << demo.site.name << " " << section.name;
      EXPECT_TRUE(kinds.insert(section.kind).second) << "repeated section in " << demo.site.name;
    }
    total += demo.Beds();
    men += BedsOf(demo, SectionKind::kMen);
    if (demo.site.kind == SiteKind::kReceptionCentre) {
      for (const Section& section : demo.sections) {
        if (section.kind == SectionKind::kMen) continue;
        EXPECT_LT(section.beds, BedsOf(demo, SectionKind::kMen)) << demo.site.name;
      }
    }
  }
  EXPECT_GT(men / static_cast<double>(total), 0.5);
}

TEST(DemoNetwork, SitesCarryStateTimezoneCoordinatesAndTheDemoFlag) {
  const std::map<std::string, std::pair<std::string, std::string>> kExpected = {
      {"Tijuana", {"02", "America/Tijuana"}},          {"Mexicali", {"02", "America/Tijuana"}},
      {"San Luis Río Colorado", {"26", "America/Hermosillo"}}, {"Nogales", {"26", "America/Hermosillo"}},
      {"Ciudad Juárez", {"08", "America/Ciudad_Juarez"}}, {"Ojinaga", {"08", "America/Ojinaga"}},
      {"Ciudad Acuña", {"05", "America/Matamoros"}},   {"Piedras Negras", {"05", "America/Matamoros"}},
      {"Nuevo Laredo", {"28", "America/Matamoros"}},   {"Reynosa", {"28", "America/Matamoros"}},
      {"Matamoros", {"28", "America/Matamoros"}},
  };
  for (const DemoSite& demo : DemoNetwork(kSeed)) {
    EXPECT_TRUE(demo.site.demo);
    ASSERT_TRUE(kExpected.count(demo.site.city)) << demo.site.city;
    EXPECT_EQ(demo.site.state, kExpected.at(demo.site.city).first);
    EXPECT_EQ(demo.site.timezone, kExpected.at(demo.site.city).second);
    EXPECT_GT(demo.site.latitude, 25.5);  // the northern border
    EXPECT_LT(demo.site.latitude, 33.0);
    EXPECT_LT(demo.site.longitude, -97.0);
    EXPECT_GT(demo.site.longitude, -117.5);
  }
}

TEST(DemoNetwork, SameSeedSameNetworkDifferentSeedDifferentShelters) {
  auto describe = [](const std::vector<DemoSite>& network) {
    std::string out;
    for (const DemoSite& demo : network) out += demo.site.name + ":" + std::to_string(demo.Beds()) + ";";
    return out;
  };
  EXPECT_EQ(describe(DemoNetwork(1)), describe(DemoNetwork(1)));
  EXPECT_NE(describe(DemoNetwork(1)), describe(DemoNetwork(2)));
}

TEST(DemoNetwork, SitesAndSectionsPassValidation) {
  for (DemoSite demo : DemoNetwork(kSeed)) {
    ASSERT_OK(ValidateSite(demo.site));
    for (Section& section : demo.sections) ASSERT_OK(ValidateSection(section));
  }
}

TEST(DemoArrivals, HouseholdsPassIntakeValidationOnTheirDay) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  for (DemoArrivalBatch batch : DemoArrivals(network, 1000, kSeed, "2025-07-01")) {
    EXPECT_TRUE(ParseUtc(batch.arrived_at, "arrived_at").ok() && batch.arrived_at.back() == 'Z') << batch.arrived_at;
    for (Household& household : batch.households) ASSERT_OK(ValidateHousehold(household, "2025-07-01"));
  }
}

TEST(DemoArrivals, BatchesHold15To100PersonsAtReceptionCentres) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  const std::vector<DemoArrivalBatch> batches = DemoArrivals(network, 5000, kSeed, "2025-07-01");
  ASSERT_FALSE(batches.empty());
  size_t total = 0;
  for (const DemoArrivalBatch& batch : batches) {
    EXPECT_GE(batch.Persons(), 15u) << batch.batch_id;
    EXPECT_LE(batch.Persons(), 100u) << batch.batch_id;
    ASSERT_LT(batch.site_index, network.size());
    EXPECT_EQ(network[batch.site_index].site.kind, SiteKind::kReceptionCentre);
    EXPECT_FALSE(batch.batch_id.empty());
    for (const Household& household : batch.households) {
      EXPECT_EQ(household.created_at, batch.arrived_at);
      int heads = 0;
      for (const Person& member : household.members) heads += member.relationship == Relationship::kHead;
      EXPECT_EQ(heads, 1);
    }
    total += batch.Persons();
  }
  EXPECT_GE(total, 5000u);
  EXPECT_LE(total, 5019u);
}

TEST(DemoArrivals, TotalIsAtLeastTheRequestAndAtMost19More) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  for (int persons : {1, 14, 15, 60, 99, 101, 250, 400}) {
    size_t total = 0;
    for (const DemoArrivalBatch& batch : DemoArrivals(network, persons, persons, "2025-07-01")) {
      EXPECT_GE(batch.Persons(), 15u);
      EXPECT_LE(batch.Persons(), 100u);
      total += batch.Persons();
    }
    EXPECT_GE(total, static_cast<size_t>(persons));
    EXPECT_LE(total, static_cast<size_t>(persons) + 19);
  }
}

TEST(DemoArrivals, TimesFallInTheSevenDaysEndingToday) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  std::set<std::string> days;
  std::string previous;
  for (const DemoArrivalBatch& batch : DemoArrivals(network, 3000, kSeed, "2025-03-01")) {
    ASSERT_EQ(batch.arrived_at.size(), 20u) << batch.arrived_at;
    EXPECT_EQ(batch.arrived_at.back(), 'Z');
    EXPECT_GE(batch.arrived_at, "2025-02-23T00:00:00Z");
    EXPECT_LE(batch.arrived_at, "2025-03-01T23:59:59Z");
    EXPECT_GE(batch.arrived_at, previous);  // sorted by time
    previous = batch.arrived_at;
    days.insert(batch.arrived_at.substr(0, 10));
  }
  EXPECT_EQ(days.size(), 7u);
}

TEST(DemoArrivals, AnInstantEndsTheWindowSoNothingIsInTheFuture) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  for (const DemoArrivalBatch& batch : DemoArrivals(network, 2000, kSeed, "2025-07-01T09:30:00Z")) {
    EXPECT_GE(batch.arrived_at, "2025-06-25T00:00:00Z");
    EXPECT_LE(batch.arrived_at, "2025-07-01T09:30:00Z");
  }
}

TEST(DemoArrivals, PortSharesPutMatamorosFirstThenJuarezAndNogales) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  std::map<std::string, size_t> by_city;
  size_t total = 0;
  for (const DemoArrivalBatch& batch : DemoArrivals(network, 200000, kSeed, "2025-07-01")) {
    by_city[network[batch.site_index].site.city] += batch.Persons();
    total += batch.Persons();
  }
  // Land shares renormalised: Matamoros 20.6 / 80 ≈ 26 %, Juárez ≈ 17 %, Nogales ≈ 16 %.
  EXPECT_NEAR(by_city["Matamoros"] / static_cast<double>(total), 0.2575, 0.03);
  EXPECT_NEAR(by_city["Ciudad Juárez"] / static_cast<double>(total), 0.1675, 0.03);
  EXPECT_NEAR(by_city["Nogales"] / static_cast<double>(total), 0.161, 0.03);
  EXPECT_GT(by_city["Ojinaga"], 0u);
}

TEST(DemoArrivals, ModesAndBatchIdsMatch) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  std::set<ArrivalMode> modes;
  for (const DemoArrivalBatch& batch : DemoArrivals(network, 20000, kSeed, "2025-07-01")) {
    modes.insert(batch.mode);
    switch (batch.mode) {
      case ArrivalMode::kBus: EXPECT_EQ(batch.batch_id.rfind("Autobús ", 0), 0u) << batch.batch_id; break;
      case ArrivalMode::kFlight: EXPECT_EQ(batch.batch_id.rfind("Vuelo AM-", 0), 0u) << batch.batch_id; break;
      case ArrivalMode::kLandPort: EXPECT_EQ(batch.batch_id.rfind("Lista ", 0), 0u) << batch.batch_id; break;
      case ArrivalMode::kOther: ADD_FAILURE() << "unexpected mode"; break;
    }
  }
  EXPECT_EQ(modes.size(), 3u);
}

TEST(DemoArrivals, SameSeedSameBatches) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  const auto a = DemoArrivals(network, 500, 3, "2025-07-01");
  const auto b = DemoArrivals(network, 500, 3, "2025-07-01");
  const auto c = DemoArrivals(network, 500, 4, "2025-07-01");
  ASSERT_EQ(a.size(), b.size());
  for (size_t idx = 0; idx < a.size(); ++idx) {
    EXPECT_EQ(a[idx].arrived_at, b[idx].arrived_at);
    EXPECT_EQ(a[idx].batch_id, b[idx].batch_id);
    EXPECT_EQ(a[idx].households.front().members.front().FullName(),
              b[idx].households.front().members.front().FullName());
  }
  EXPECT_NE(a.front().arrived_at + a.back().arrived_at, c.front().arrived_at + c.back().arrived_at);
}

TEST(DemoArrivals, GivesNothingForBadInput) {
  const std::vector<DemoSite> network = DemoNetwork(kSeed);
  EXPECT_TRUE(DemoArrivals(network, 0, kSeed, "2025-07-01").empty());
  EXPECT_TRUE(DemoArrivals(network, 100, kSeed, "2025-02-30").empty());
  EXPECT_TRUE(DemoArrivals(network, 100, kSeed, "today").empty());
  EXPECT_TRUE(DemoArrivals({}, 100, kSeed, "2025-07-01").empty());
}

}  // namespace
}  // namespace acogida::synth
