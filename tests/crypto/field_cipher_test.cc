// Tests of sealing and opening field values with XChaCha20-Poly1305.
#include "crypto/field_cipher.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/status_matchers.h"

namespace acogida {
namespace {

using ::acogida::testing::StatusCodeIs;

constexpr std::string_view kPhone = "+52 664 123 4567";
constexpr std::string_view kWhere = "person.phone.42";

TEST(SealField, RoundTrips) {
  KeyRing ring = KeyRing::Generate("k1");
  StatusOr<std::string> sealed = SealField(ring, kPhone, kWhere);
  ASSERT_OK(sealed);
  EXPECT_TRUE(sealed->starts_with("v1.k1.")) << *sealed;
  StatusOr<std::string> opened = OpenField(ring, *sealed, kWhere);
  ASSERT_OK(opened);
  EXPECT_EQ(*opened, kPhone);
}

TEST(SealField, SealsTheEmptyString) {
  KeyRing ring = KeyRing::Generate("k1");
  StatusOr<std::string> sealed = SealField(ring, "", kWhere);
  ASSERT_OK(sealed);
  StatusOr<std::string> opened = OpenField(ring, *sealed, kWhere);
  ASSERT_OK(opened);
  EXPECT_EQ(*opened, "");
  EXPECT_THAT(OpenField(ring, *sealed, "person.phone.43"), StatusCodeIs(StatusCode::kInternal));
}

TEST(SealField, RoundTripsBinaryAndLongValues) {
  KeyRing ring = KeyRing::Generate("k1");
  std::string value(std::string_view("a\0b\n\xff", 5));
  value += std::string(10000, 'z');
  StatusOr<std::string> sealed = SealField(ring, value, kWhere);
  ASSERT_OK(sealed);
  StatusOr<std::string> opened = OpenField(ring, *sealed, kWhere);
  ASSERT_OK(opened);
  EXPECT_EQ(*opened, value);
}

TEST(SealField, NeverContainsThePlaintext) {
  KeyRing ring = KeyRing::Generate("k1");
  for (std::string_view plaintext : {std::string_view("AAAAAAAAAAAAAAAAAAAAAAAA"), kPhone,
                                     std::string_view("GOMEZ LOPEZ MARIA")}) {
    StatusOr<std::string> sealed = SealField(ring, plaintext, kWhere);
    ASSERT_OK(sealed);
    EXPECT_EQ(sealed->find(plaintext), std::string::npos) << *sealed;
    EXPECT_EQ(sealed->find(plaintext.substr(0, 6)), std::string::npos) << *sealed;
  }
}

TEST(SealField, UsesAFreshNonceEachTime) {
  KeyRing ring = KeyRing::Generate("k1");
  StatusOr<std::string> first = SealField(ring, kPhone, kWhere);
  StatusOr<std::string> second = SealField(ring, kPhone, kWhere);
  ASSERT_OK(first);
  ASSERT_OK(second);
  EXPECT_NE(*first, *second);
}

TEST(OpenField, FailsAfterChangingAnyOneCharacter) {
  KeyRing ring = KeyRing::Generate("k1");
  StatusOr<std::string> sealed = SealField(ring, kPhone, kWhere);
  ASSERT_OK(sealed);
  for (size_t char_idx = 0; char_idx < sealed->size(); ++char_idx) {
    // Replacements from the url-safe alphabet (still decodable) and outside it.
    for (char replacement : {'A', 'B', 'f', 'g', '0', '_', '-', '.', '='}) {
      if ((*sealed)[char_idx] == replacement) continue;
      std::string tampered = *sealed;
      tampered[char_idx] = replacement;
      EXPECT_FALSE(OpenField(ring, tampered, kWhere).ok()) << "changed position " << char_idx << " to " << replacement;
    }
  }
}

TEST(OpenField, FailsAfterFlippingAnyBitOfTheDecodedBytes) {
  KeyRing ring = KeyRing::Generate("k1");
  StatusOr<std::string> sealed = SealField(ring, kPhone, kWhere);
  ASSERT_OK(sealed);
  // Flip each bit of each character's 6-bit value within the base64url body.
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const size_t body_start = std::string_view("v1.k1.").size();
  for (size_t char_idx = body_start; char_idx < sealed->size(); ++char_idx) {
    size_t value = kAlphabet.find((*sealed)[char_idx]);
    ASSERT_NE(value, std::string_view::npos);
    for (int bit = 0; bit < 6; ++bit) {
      std::string tampered = *sealed;
      tampered[char_idx] = kAlphabet[value ^ (1u << bit)];
      StatusOr<std::string> opened = OpenField(ring, tampered, kWhere);
      EXPECT_THAT(opened, StatusCodeIs(StatusCode::kInternal)) << "position " << char_idx << " bit " << bit;
    }
  }
}

TEST(OpenField, FailsForTruncatedOrExtendedValues) {
  KeyRing ring = KeyRing::Generate("k1");
  StatusOr<std::string> sealed = SealField(ring, kPhone, kWhere);
  ASSERT_OK(sealed);
  for (size_t length = 0; length < sealed->size(); ++length) {
    EXPECT_FALSE(OpenField(ring, sealed->substr(0, length), kWhere).ok()) << length;
  }
  EXPECT_FALSE(OpenField(ring, *sealed + "A", kWhere).ok());
  EXPECT_FALSE(OpenField(ring, *sealed + "AA", kWhere).ok());
}

TEST(OpenField, FailsWithOtherAssociatedData) {
  KeyRing ring = KeyRing::Generate("k1");
  StatusOr<std::string> sealed = SealField(ring, kPhone, kWhere);
  ASSERT_OK(sealed);
  for (std::string_view other : {"person.phone.43", "person.email.42", "person.phone.4", ""}) {
    StatusOr<std::string> opened = OpenField(ring, *sealed, other);
    EXPECT_THAT(opened, StatusCodeIs(StatusCode::kInternal)) << other;
    EXPECT_TRUE(opened.status().message().starts_with("cannot decrypt")) << opened.status().message();
  }
}

TEST(OpenField, FailsWithARingThatLacksTheKey) {
  KeyRing ring = KeyRing::Generate("k3");
  StatusOr<std::string> sealed = SealField(ring, kPhone, kWhere);
  ASSERT_OK(sealed);
  StatusOr<std::string> opened = OpenField(KeyRing::Generate("k1"), *sealed, kWhere);
  EXPECT_THAT(opened, StatusCodeIs(StatusCode::kFailedPrecondition));
  EXPECT_EQ(opened.status().message(), "unknown key id k3");
}

TEST(OpenField, FailsWithAnotherKeyUnderTheSameId) {
  KeyRing ring = KeyRing::Generate("k1");
  StatusOr<std::string> sealed = SealField(ring, kPhone, kWhere);
  ASSERT_OK(sealed);
  EXPECT_THAT(OpenField(KeyRing::Generate("k1"), *sealed, kWhere), StatusCodeIs(StatusCode::kInternal));
}

TEST(OpenField, RefusesMalformedValuesWithoutEchoingThem) {
  KeyRing ring = KeyRing::Generate("k1");
  for (std::string_view junk : {"", "v1.", "v1.k1", "v1.k1.", "v2.k1.AAAA", "+52 664 123 4567", "v1.K1.AAAA"}) {
    StatusOr<std::string> opened = OpenField(ring, junk, kWhere);
    EXPECT_THAT(opened, StatusCodeIs(StatusCode::kInternal)) << junk;
    if (junk.size() > 6) {
      EXPECT_EQ(opened.status().message().find(junk), std::string::npos);
    }
  }
}

TEST(SealField, OldValuesOpenAfterRotationAndNewOnesUseTheNewKey) {
  KeyRing ring = KeyRing::Generate("k1");
  StatusOr<std::string> old_value = SealField(ring, kPhone, kWhere);
  ASSERT_OK(old_value);
  ASSERT_OK(ring.Rotate("k2"));
  StatusOr<std::string> new_value = SealField(ring, kPhone, kWhere);
  ASSERT_OK(new_value);
  EXPECT_EQ(SealedKeyId(*old_value), "k1");
  EXPECT_EQ(SealedKeyId(*new_value), "k2");
  StatusOr<std::string> opened = OpenField(ring, *old_value, kWhere);
  ASSERT_OK(opened);
  EXPECT_EQ(*opened, kPhone);
}

TEST(SealedKeyId, IsEmptyForValuesThatAreNotSealed) {
  EXPECT_EQ(SealedKeyId("v1.2024-01.abcd"), "2024-01");
  EXPECT_EQ(SealedKeyId(""), "");
  EXPECT_EQ(SealedKeyId("v1.k1"), "");
  EXPECT_EQ(SealedKeyId("v2.k1.abcd"), "");
  EXPECT_EQ(SealedKeyId("plain text"), "");
}

}  // namespace
}  // namespace acogida
