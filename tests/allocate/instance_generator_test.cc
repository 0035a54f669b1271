// GenerateInstance: the same spec gives the same instance; the load sets beds against
// people; every kind of section exists; the instance passes validation.
#include "allocate/instance_generator.h"

#include <gtest/gtest.h>

#include <set>

namespace acogida::allocate {
namespace {

int People(const Problem& problem) {
  int people = 0;
  for (const Group& group : problem.groups) people += group.composition.size();
  return people;
}

int Beds(const Problem& problem) {
  int beds = 0;
  for (const Shelter& shelter : problem.shelters) {
    for (const Section& section : shelter.sections) beds += section.free_beds;
  }
  return beds;
}

TEST(GenerateInstance, GivesTheSameInstanceForTheSameSeed) {
  const Problem a = GenerateInstance({500, 30, 0.95, 5});
  const Problem b = GenerateInstance({500, 30, 0.95, 5});
  const Problem c = GenerateInstance({500, 30, 0.95, 6});
  ASSERT_EQ(a.groups.size(), b.groups.size());
  for (size_t index = 0; index < a.groups.size(); ++index) {
    EXPECT_EQ(a.groups[index].arrival_port, b.groups[index].arrival_port);
    EXPECT_EQ(a.groups[index].composition.size(), b.groups[index].composition.size());
  }
  EXPECT_EQ(Beds(a), Beds(b));
  int differing = 0;
  for (size_t index = 0; index < a.groups.size(); ++index) differing += a.groups[index].arrival_port != c.groups[index].arrival_port;
  EXPECT_GT(differing, 100);
}

TEST(GenerateInstance, SetsBedsToPeopleOverTheLoad) {
  for (double load : {0.95, 1.10}) {
    const Problem problem = GenerateInstance({1000, 50, load, 42});
    EXPECT_TRUE(ValidateProblem(problem).ok());
    EXPECT_EQ(problem.groups.size(), 1000u);
    EXPECT_EQ(problem.shelters.size(), 50u);
    EXPECT_NEAR(static_cast<double>(People(problem)) / Beds(problem), load, 0.02) << load;
  }
}

TEST(GenerateInstance, UsesBorderPortsAndEveryKindOfSection) {
  const Problem problem = GenerateInstance({2000, 60, 0.95, 3});
  std::set<std::string> ports;
  for (const Group& group : problem.groups) ports.insert(group.arrival_port);
  EXPECT_TRUE(ports.count("Tijuana") && ports.count("Matamoros") && ports.count("Ciudad Juárez"));
  std::set<SectionKind> kinds;
  for (const Shelter& shelter : problem.shelters) {
    for (const Section& section : shelter.sections) kinds.insert(section.kind);
  }
  EXPECT_EQ(kinds.size(), 6u);
}

}  // namespace
}  // namespace acogida::allocate
