// The directory's validation and the referral status transitions (core/referral.h).
#include "core/referral.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace acogida {
namespace {

using testing::StatusIs;
using R = ReferralStatus;

Organisation Valid() {
  Organisation organisation;
  organisation.name = "  Casa del Migrante  ";
  organisation.services = {"medical_care", "albergue"};
  organisation.city = "Tijuana";
  organisation.state = "02";
  organisation.phone = "+52 664 123 4567";
  organisation.email = "contacto@casa.org.mx";
  organisation.url = "https://casa.org.mx";
  organisation.languages = {"spa", "en"};
  return organisation;
}

TEST(ValidateOrganisation, AcceptsACompleteEntryAndTrimsIt) {
  Organisation organisation = Valid();
  EXPECT_OK(ValidateOrganisation(organisation));
  EXPECT_EQ(organisation.name, "Casa del Migrante");
}

TEST(ValidateOrganisation, NamesTheFieldItRejects) {
  auto with = [](auto change) {
    Organisation organisation = Valid();
    change(organisation);
    return ValidateOrganisation(organisation);
  };
  EXPECT_THAT(with([](Organisation& o) { o.name = " "; }), StatusIs(StatusCode::kInvalidArgument, "name"));
  EXPECT_THAT(with([](Organisation& o) { o.services = {"comedor", "a,b"}; }),
              StatusIs(StatusCode::kInvalidArgument, "services[1]"));
  EXPECT_THAT(with([](Organisation& o) { o.services = {"comedor", "comedor"}; }),
              StatusIs(StatusCode::kInvalidArgument, "services[1]"));
  EXPECT_THAT(with([](Organisation& o) { o.state = "33"; }), StatusIs(StatusCode::kInvalidArgument, "state"));
  EXPECT_THAT(with([](Organisation& o) { o.phone = "llámenos"; }), StatusIs(StatusCode::kInvalidArgument, "phone"));
  EXPECT_THAT(with([](Organisation& o) { o.email = "sin-arroba"; }), StatusIs(StatusCode::kInvalidArgument, "email"));
  EXPECT_THAT(with([](Organisation& o) { o.url = "ftp://x"; }), StatusIs(StatusCode::kInvalidArgument, "url"));
  EXPECT_THAT(with([](Organisation& o) { o.languages = {"spa", "Español"}; }),
              StatusIs(StatusCode::kInvalidArgument, "languages[1]"));
}

TEST(CheckReferralTransition, FollowsSentAcceptedDoneOrDeclined) {
  EXPECT_OK(CheckReferralTransition(R::kSent, R::kAccepted));
  EXPECT_OK(CheckReferralTransition(R::kSent, R::kDeclined));
  EXPECT_OK(CheckReferralTransition(R::kAccepted, R::kDone));
  EXPECT_OK(CheckReferralTransition(R::kAccepted, R::kDeclined));
  EXPECT_THAT(CheckReferralTransition(R::kSent, R::kDone), StatusIs(StatusCode::kFailedPrecondition, "status"));
  EXPECT_THAT(CheckReferralTransition(R::kDone, R::kAccepted), StatusIs(StatusCode::kFailedPrecondition, "status"));
  EXPECT_THAT(CheckReferralTransition(R::kDeclined, R::kAccepted), StatusIs(StatusCode::kFailedPrecondition, "status"));
  EXPECT_THAT(CheckReferralTransition(R::kSent, R::kSent), StatusIs(StatusCode::kFailedPrecondition, "status"));
}

TEST(ValidateReferral, LimitsTheNoteTo500Characters) {
  Referral referral{0, 1, 2, "medical_care", std::string(500, 'n')};
  EXPECT_OK(ValidateReferral(referral));
  referral.note = std::string(501, 'n');
  EXPECT_THAT(ValidateReferral(referral), StatusIs(StatusCode::kInvalidArgument, "note"));
  referral.note = "";
  referral.service = "";
  EXPECT_THAT(ValidateReferral(referral), StatusIs(StatusCode::kInvalidArgument, "service"));
}

TEST(ReferralStatusName, RoundTrips) {
  for (R status : {R::kSent, R::kAccepted, R::kDeclined, R::kDone}) {
    EXPECT_EQ(ParseReferralStatus(ReferralStatusName(status)), status);
  }
  EXPECT_FALSE(ParseReferralStatus("pending"));
}

}  // namespace
}  // namespace acogida
