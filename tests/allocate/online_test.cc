// OnlinePlacer: one group at a time, within capacity and the section rules, steered by the
// last batch's bed prices.
#include "allocate/online.h"

#include <gtest/gtest.h>

#include "allocate/instance_generator.h"
#include "allocate/rules.h"
#include "testing/status_matchers.h"

namespace acogida::allocate {
namespace {

using acogida::testing::StatusIs;

TEST(OnlinePlacer, RespectsCapacityAndRulesUntilEveryBedIsGone) {
  const Problem problem = GenerateInstance({3000, 60, 0.95, 11});
  auto batch = AllocateBeds(GenerateInstance({3000, 60, 0.95, 11}));
  ASSERT_OK(batch);
  auto placer = OnlinePlacer::Make(problem.shelters, batch->bed_price);
  ASSERT_OK(placer);
  int placed = 0, refused = 0;
  for (const Group& group : problem.groups) {
    auto result = placer->Place(group);
    ASSERT_OK(result);
    if (result->shelter < 0) {
      ++refused;
      EXPECT_NE(result->outcome, Outcome::kPlaced);
      // Nothing suitable had room for the whole household.
      for (const Shelter& shelter : placer->shelters()) {
        for (const Section& section : shelter.sections) {
          EXPECT_FALSE(Eligible(group, section) && section.free_beds >= group.composition.size()) << group.id;
        }
      }
      continue;
    }
    ++placed;
    const Section& section = placer->shelters()[result->shelter].sections[result->section];
    EXPECT_TRUE(Eligible(group, section)) << group.id;
    EXPECT_GE(section.free_beds, 0) << group.id;
  }
  EXPECT_GT(placed, 2500);
  for (const Shelter& shelter : placer->shelters()) {
    for (const Section& section : shelter.sections) EXPECT_GE(section.free_beds, 0);
  }
}

TEST(OnlinePlacer, AvoidsTheBedsThatTheBatchPricedHigh) {
  Shelter near;
  near.id = "matamoros";
  near.city = "Matamoros";
  near.location = {25.8797, -97.5042};
  near.sections = {Section{.id = "men", .kind = SectionKind::kMen, .free_beds = 10}};
  Shelter far = near;
  far.id = "reynosa";
  far.city = "Reynosa";
  far.location = {26.0922, -98.2778};
  Group man;
  man.id = "g1";
  man.composition.adult_men = 1;
  man.arrival = near.location;
  man.home = {19.7060, -101.1950};

  auto plain = OnlinePlacer::Make({near, far}, {});
  ASSERT_OK(plain);
  EXPECT_EQ(plain->Place(man)->shelter, 0);
  // The batch expects the Matamoros beds to be needed: a bed there costs 2,000 km.
  auto priced = OnlinePlacer::Make({near, far}, {20000, 0});
  ASSERT_OK(priced);
  auto result = priced->Place(man);
  ASSERT_OK(result);
  EXPECT_EQ(result->shelter, 1);
  EXPECT_EQ(priced->shelters()[1].sections[0].free_beds, 9);
}

TEST(OnlinePlacer, RejectsPricesThatDoNotMatchTheSectionsAndInvalidGroups) {
  Shelter shelter;
  shelter.id = "s";
  shelter.sections = {Section{.id = "men", .kind = SectionKind::kMen, .free_beds = 1}};
  EXPECT_THAT(OnlinePlacer::Make({shelter}, {1, 2}), StatusIs(StatusCode::kInvalidArgument, "bed_price"));
  auto placer = OnlinePlacer::Make({shelter}, {});
  ASSERT_OK(placer);
  Group nobody;
  nobody.id = "g";
  EXPECT_THAT(placer->Place(nobody), StatusIs(StatusCode::kInvalidArgument, "group.composition"));
}

}  // namespace
}  // namespace acogida::allocate
