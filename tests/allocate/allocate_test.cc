// AllocateBeds and AllocateGreedy: whole households, section rules, capacity, overflow
// only as the last resort, cost between the relaxation's bound and the greedy's, reasons,
// validation, determinism.
#include "allocate/allocate.h"

#include <gtest/gtest.h>

#include "allocate/instance_generator.h"
#include "allocate/rules.h"
#include "placement_checks.h"
#include "testing/status_matchers.h"

namespace acogida::allocate {
namespace {

using acogida::testing::StatusIs;
using testing::ExpectValidPlacement;

constexpr Point kMatamoros{25.8797, -97.5042};
constexpr Point kReynosa{26.0922, -98.2778};
constexpr Point kMonterrey{25.6866, -100.3161};
constexpr Point kMichoacan{19.7060, -101.1950};

Section MakeSection(std::string id, SectionKind kind, int beds) {
  Section section;
  section.id = std::move(id);
  section.kind = kind;
  section.free_beds = beds;
  return section;
}

Shelter MakeShelter(std::string id, Point location, std::vector<Section> sections) {
  Shelter shelter;
  shelter.id = id;
  shelter.city = id;
  shelter.location = location;
  shelter.sections = std::move(sections);
  return shelter;
}

Group MakeGroup(std::string id, Composition composition, Point arrival = kMatamoros) {
  Group group;
  group.id = std::move(id);
  group.composition = composition;
  group.arrival_port = "Matamoros";
  group.arrival = arrival;
  group.home_region = "Michoacán";
  group.home = kMichoacan;
  return group;
}

TEST(AllocateBeds, KeepsAHouseholdWholeRatherThanSplitItAcrossSections) {
  Problem problem;
  problem.shelters = {MakeShelter("matamoros", kMatamoros,
                                  {MakeSection("families-a", SectionKind::kFamilies, 3),
                                   MakeSection("families-b", SectionKind::kFamilies, 3)})};
  problem.groups = {MakeGroup("family-of-5", {.adult_men = 1, .adult_women = 1, .children = 3})};
  problem.groups[0].member_ids = {"p1", "p2", "p3", "p4", "p5"};
  auto placement = AllocateBeds(problem);
  ASSERT_OK(placement);
  ExpectValidPlacement(problem, *placement, "split");
  EXPECT_EQ(placement->groups[0].shelter, -1);
  EXPECT_EQ(placement->groups[0].outcome, Outcome::kNoRoom);
  ASSERT_EQ(placement->people_without_bed.size(), 5u);
  EXPECT_EQ(placement->people_without_bed[4].member_id, "p5");
  EXPECT_NE(placement->groups[0].reason.find("5 beds together"), std::string::npos) << placement->groups[0].reason;
}

TEST(AllocateBeds, PlacesAHouseholdWholeWhereOneSectionFits) {
  Problem problem;
  problem.shelters = {MakeShelter("matamoros", kMatamoros, {MakeSection("families-a", SectionKind::kFamilies, 3)}),
                      MakeShelter("reynosa", kReynosa, {MakeSection("families", SectionKind::kFamilies, 6)})};
  problem.groups = {MakeGroup("family-of-5", {.adult_men = 1, .adult_women = 1, .children = 3})};
  auto placement = AllocateBeds(problem);
  ASSERT_OK(placement);
  ExpectValidPlacement(problem, *placement, "whole");
  EXPECT_EQ(placement->groups[0].shelter, 1);
}

TEST(AllocateBeds, NeverPlacesUnaccompaniedMinorsOutsideAuthorisedSections) {
  Problem problem;
  Section unauthorised = MakeSection("minors", SectionKind::kMinors, 10);
  Section authorised = MakeSection("minors", SectionKind::kMinors, 10);
  authorised.minors_authorised = true;
  problem.shelters = {MakeShelter("matamoros", kMatamoros,
                                  {MakeSection("families", SectionKind::kFamilies, 10),
                                   MakeSection("women", SectionKind::kWomen, 10), unauthorised}),
                      MakeShelter("monterrey", kMonterrey, {authorised})};
  problem.groups = {MakeGroup("two-minors", {.unaccompanied_minors = 2})};
  auto placement = AllocateBeds(problem);
  ASSERT_OK(placement);
  ExpectValidPlacement(problem, *placement, "minors");
  EXPECT_EQ(placement->groups[0].shelter, 1);  // far, but the only authorised section

  problem.shelters.pop_back();
  placement = AllocateBeds(problem);
  ASSERT_OK(placement);
  EXPECT_EQ(placement->groups[0].shelter, -1);
  EXPECT_EQ(placement->groups[0].outcome, Outcome::kNoSuitableSection);
}

TEST(AllocateBeds, SendsAWheelchairUserOnlyToAnAccessibleSection) {
  Problem problem;
  Section accessible = MakeSection("men", SectionKind::kMen, 5);
  accessible.accessible = true;
  problem.shelters = {MakeShelter("matamoros", kMatamoros, {MakeSection("men", SectionKind::kMen, 5)}),
                      MakeShelter("reynosa", kReynosa, {accessible})};
  problem.groups = {MakeGroup("man", {.adult_men = 1})};
  problem.groups[0].needs.wheelchair = true;
  auto placement = AllocateBeds(problem);
  ASSERT_OK(placement);
  ExpectValidPlacement(problem, *placement, "wheelchair");
  EXPECT_EQ(placement->groups[0].shelter, 1);
}

TEST(AllocateBeds, PrefersTheNearerShelterAndExplainsIt) {
  Problem problem;
  problem.shelters = {MakeShelter("monterrey", kMonterrey, {MakeSection("women", SectionKind::kWomen, 5)}),
                      MakeShelter("matamoros", kMatamoros, {MakeSection("women", SectionKind::kWomen, 5)})};
  problem.groups = {MakeGroup("woman", {.adult_women = 1})};
  auto placement = AllocateBeds(problem);
  ASSERT_OK(placement);
  EXPECT_EQ(placement->groups[0].shelter, 1);
  EXPECT_NE(placement->groups[0].reason.find("closest suitable"), std::string::npos) << placement->groups[0].reason;
  EXPECT_EQ(placement->cost, placement->lower_bound);
}

TEST(AllocateBeds, GivesTheLastBedsToTheLargerHouseholdWhenOnlyOneCanFit) {
  // Four beds: the family of four, not the family of three, is placed (fewer people out).
  Problem problem;
  problem.shelters = {MakeShelter("matamoros", kMatamoros, {MakeSection("families", SectionKind::kFamilies, 4)})};
  problem.groups = {MakeGroup("three", {.adult_women = 1, .children = 2}),
                    MakeGroup("four", {.adult_men = 1, .adult_women = 1, .children = 2})};
  auto placement = AllocateBeds(problem);
  ASSERT_OK(placement);
  ExpectValidPlacement(problem, *placement, "last beds");
  EXPECT_EQ(placement->groups[1].shelter, 0);
  EXPECT_EQ(placement->unplaced_people, 3);
  auto greedy = AllocateGreedy(problem);
  ASSERT_OK(greedy);
  EXPECT_EQ(greedy->unplaced_people, 4);  // first come, first served
}

TEST(AllocateBeds, LeavesEveryoneWithoutABedWhenNoShelterHasBeds) {
  Problem problem;
  EXPECT_OK(AllocateBeds(problem));
  problem.groups = {MakeGroup("man", {.adult_men = 1}), MakeGroup("woman", {.adult_women = 1})};
  auto placement = AllocateBeds(problem);
  ASSERT_OK(placement);
  EXPECT_EQ(placement->unplaced_people, 2);
  EXPECT_EQ(placement->groups[0].outcome, Outcome::kNoSuitableSection);
  problem.shelters = {MakeShelter("matamoros", kMatamoros, {MakeSection("men", SectionKind::kMen, 0)})};
  placement = AllocateBeds(problem);
  ASSERT_OK(placement);
  ExpectValidPlacement(problem, *placement, "no beds");
  EXPECT_EQ(placement->groups[0].outcome, Outcome::kNoRoom);
  EXPECT_EQ(placement->cost, placement->lower_bound);
}

TEST(AllocateBeds, RejectsMinorsMarkedUnaccompaniedWithAnAdult) {
  Problem problem;
  problem.groups = {MakeGroup("mixed", {.adult_women = 1, .unaccompanied_minors = 1})};
  EXPECT_THAT(AllocateBeds(problem),
              StatusIs(StatusCode::kInvalidArgument, "groups[0].composition.unaccompanied_minors"));
  problem.groups = {MakeGroup("nobody", {})};
  EXPECT_THAT(AllocateBeds(problem), StatusIs(StatusCode::kInvalidArgument, "groups[0].composition"));
}

TEST(AllocateBeds, RejectsNegativeFreeBedsNamingTheSection) {
  Problem problem;
  problem.shelters = {MakeShelter("matamoros", kMatamoros, {MakeSection("men", SectionKind::kMen, -1)})};
  EXPECT_THAT(AllocateGreedy(problem), StatusIs(StatusCode::kInvalidArgument, "shelters[0].sections[0].free_beds"));
}

struct Generated {
  int groups, shelters;
  double load;
  uint64_t seed;
};

class GeneratedInstances : public ::testing::TestWithParam<Generated> {};

TEST_P(GeneratedInstances, AreValidAndCostBetweenTheBoundAndTheGreedy) {
  const Generated& param = GetParam();
  const Problem problem = GenerateInstance({param.groups, param.shelters, param.load, param.seed});
  const std::string label = "seed " + std::to_string(param.seed) + " load " + std::to_string(param.load);
  auto placement = AllocateBeds(problem);
  ASSERT_OK(placement);
  ExpectValidPlacement(problem, *placement, label);
  auto greedy = AllocateGreedy(problem);
  ASSERT_OK(greedy);
  ExpectValidPlacement(problem, *greedy, label + " greedy");
  EXPECT_GE(placement->cost, placement->lower_bound) << label;
  EXPECT_LE(placement->cost, greedy->cost) << label;
  EXPECT_LE(placement->unplaced_people, greedy->unplaced_people) << label;
  // The relaxation leaves at most as many without a bed as any whole-household placement.
  EXPECT_LE(placement->relaxation_unplaced_people, placement->unplaced_people) << label;
  // Bed prices are never negative, and zero where the relaxation leaves beds free.
  for (int64_t price : placement->bed_price) EXPECT_GE(price, 0) << label;
}

INSTANTIATE_TEST_SUITE_P(Seeds, GeneratedInstances,
                         ::testing::Values(Generated{300, 20, 0.95, 1}, Generated{300, 20, 1.10, 2},
                                           Generated{1000, 50, 0.95, 42}, Generated{1000, 50, 1.10, 42},
                                           Generated{2000, 100, 0.80, 7}, Generated{2000, 100, 1.30, 8}));

TEST(AllocateBeds, IsDeterministicForASeed) {
  const Problem first = GenerateInstance({800, 40, 1.05, 99});
  const Problem second = GenerateInstance({800, 40, 1.05, 99});
  auto a = AllocateBeds(first);
  auto b = AllocateBeds(second);
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_EQ(a->cost, b->cost);
  EXPECT_EQ(a->lower_bound, b->lower_bound);
  for (size_t group = 0; group < first.groups.size(); ++group) {
    EXPECT_EQ(a->groups[group].shelter, b->groups[group].shelter);
    EXPECT_EQ(a->groups[group].section, b->groups[group].section);
  }
}

}  // namespace
}  // namespace acogida::allocate
