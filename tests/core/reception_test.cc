// The services checklist's rules: every transition of the table (allowed and refused, with the
// field named), transport checks, the site's choice of items, age bands and small-cell suppression.
#include <gtest/gtest.h>

#include "core/reception.h"
#include "testing/status_matchers.h"

namespace acogida {
namespace {

using testing::StatusIs;
using S = ServiceStatus;

TEST(ServiceTransition, FollowsTheFlowAndRefusesTheRestNamingStatus) {
  const std::vector<std::pair<S, S>> allowed = {
      {S::kPending, S::kOffered},  {S::kPending, S::kAccepted}, {S::kPending, S::kDeclined}, {S::kPending, S::kDone},
      {S::kOffered, S::kAccepted}, {S::kOffered, S::kDeclined}, {S::kOffered, S::kDone},     {S::kAccepted, S::kDone},
      {S::kAccepted, S::kDeclined}, {S::kDeclined, S::kOffered}, {S::kDeclined, S::kAccepted}};
  int checked = 0;
  for (S from : {S::kPending, S::kOffered, S::kAccepted, S::kDeclined, S::kDone}) {
    for (S to : {S::kPending, S::kOffered, S::kAccepted, S::kDeclined, S::kDone}) {
      const bool ok = std::find(allowed.begin(), allowed.end(), std::make_pair(from, to)) != allowed.end();
      Status status = CheckServiceTransition(from, to);
      if (ok) {
        EXPECT_TRUE(status.ok()) << ServiceStatusName(from) << " → " << ServiceStatusName(to) << ": " << status.ToString();
      } else {
        EXPECT_THAT(status, StatusIs(StatusCode::kFailedPrecondition, "status"))
            << ServiceStatusName(from) << " → " << ServiceStatusName(to);
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 25);
  EXPECT_NE(CheckServiceTransition(S::kDone, S::kDeclined).message().find("done"), std::string::npos);
}

TEST(ServiceItems, HaveStableNamesInTheFlowsOrder) {
  ASSERT_EQ(AllServiceItems().size(), 11u);
  EXPECT_EQ(ServiceItemName(AllServiceItems().front()), "repatriation_letter");
  EXPECT_EQ(ServiceItemName(AllServiceItems().back()), "transport_home");
  for (ServiceItem item : AllServiceItems()) EXPECT_EQ(ParseServiceItem(ServiceItemName(item)), item);
  EXPECT_FALSE(ParseServiceItem("massage").has_value());
  EXPECT_TRUE(Offers({}, ServiceItem::kImss));
  EXPECT_FALSE(Offers({ServiceItem::kFoodKit}, ServiceItem::kImss));
  EXPECT_EQ(OfferedItems({}).size(), 11u);
}

TEST(Transport, NeedsAStateAndChecksTheRest) {
  TransportHome transport{"16", "053", "  ADO 1432 ", "2026-11-29T18:30:00-06:00"};
  ASSERT_OK(ValidateTransport(transport));
  EXPECT_EQ(transport.bus, "ADO 1432");
  EXPECT_EQ(transport.departure_at, "2026-11-30T00:30:00Z");
  TransportHome no_state{"", "", "", ""};
  EXPECT_THAT(ValidateTransport(no_state), StatusIs(StatusCode::kInvalidArgument, "transport.state"));
  TransportHome bad_municipality{"16", "53", "", ""};
  EXPECT_THAT(ValidateTransport(bad_municipality), StatusIs(StatusCode::kInvalidArgument, "transport.municipality"));
  TransportHome bad_time{"16", "", "", "mañana"};
  EXPECT_THAT(ValidateTransport(bad_time), StatusIs(StatusCode::kInvalidArgument, "transport.departure_at"));
}

TEST(AgeBands, CoverEveryAgeAndUnknown) {
  EXPECT_EQ(AgeBand(2026, 2026), "0-4");
  EXPECT_EQ(AgeBand(2021, 2026), "5-11");
  EXPECT_EQ(AgeBand(2014, 2026), "12-17");
  EXPECT_EQ(AgeBand(2008, 2026), "18-29");
  EXPECT_EQ(AgeBand(1996, 2026), "30-44");
  EXPECT_EQ(AgeBand(1981, 2026), "45-59");
  EXPECT_EQ(AgeBand(1966, 2026), "60+");
  EXPECT_EQ(AgeBand(0, 2026), "unknown");
}

TEST(Suppression, HidesOneToFourOnly) {
  EXPECT_EQ(SuppressedText(0), "0");
  for (int count = 1; count <= 4; ++count) {
    EXPECT_TRUE(IsSuppressed(count));
    EXPECT_EQ(SuppressedText(count), "<5");
  }
  EXPECT_EQ(SuppressedText(5), "5");
  EXPECT_EQ(SuppressedText(1234), "1234");
}

}  // namespace
}  // namespace acogida
