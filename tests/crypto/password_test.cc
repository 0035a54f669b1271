// Tests of Argon2id password hashing and the password policy. Each Argon2id hash takes
// ~0.1-0.5 s, so the hashing tests share as few hashes as they can.
#include "crypto/password.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/status_matchers.h"

namespace acogida {
namespace {

using ::acogida::testing::StatusIs;

constexpr std::string_view kPassword = "caballo correcto batería grapa";

// One hash shared by the round-trip tests.
const std::string& SharedHash() {
  static const std::string hash = [] {
    StatusOr<std::string> hashed = HashPassword(kPassword, PasswordCost::kInteractive);
    EXPECT_TRUE(hashed.ok()) << hashed.status().ToString();
    return hashed.ok() ? *hashed : std::string();
  }();
  return hash;
}

TEST(HashPassword, ProducesAnArgon2idString) {
  EXPECT_TRUE(SharedHash().starts_with("$argon2id$")) << SharedHash();
  EXPECT_EQ(SharedHash().find(kPassword), std::string::npos);
}

TEST(VerifyPassword, AcceptsTheRightPassword) { EXPECT_TRUE(VerifyPassword(SharedHash(), kPassword)); }

TEST(VerifyPassword, RejectsAWrongPassword) {
  EXPECT_FALSE(VerifyPassword(SharedHash(), "caballo correcto batería grapA"));
  EXPECT_FALSE(VerifyPassword(SharedHash(), ""));
}

TEST(VerifyPassword, RejectsMalformedHashesWithoutCrashing) {
  EXPECT_FALSE(VerifyPassword("", kPassword));
  EXPECT_FALSE(VerifyPassword("$argon2id$", kPassword));
  EXPECT_FALSE(VerifyPassword("not a hash", kPassword));
  EXPECT_FALSE(VerifyPassword(SharedHash().substr(0, SharedHash().size() - 5), kPassword));
  EXPECT_FALSE(VerifyPassword(std::string(1000, 'x'), kPassword));
  std::string with_nul = SharedHash();
  with_nul[12] = '\0';
  EXPECT_FALSE(VerifyPassword(with_nul, kPassword));
}

TEST(HashPassword, SaltsEachHash) {
  StatusOr<std::string> again = HashPassword(kPassword);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_NE(*again, SharedHash());
  EXPECT_TRUE(VerifyPassword(*again, kPassword));
}

TEST(PasswordNeedsRehash, IsFalseForTheSameCostAndTrueOtherwise) {
  EXPECT_FALSE(PasswordNeedsRehash(SharedHash(), PasswordCost::kInteractive));
  EXPECT_TRUE(PasswordNeedsRehash(SharedHash(), PasswordCost::kModerate));
  EXPECT_TRUE(PasswordNeedsRehash("garbage", PasswordCost::kInteractive));
  EXPECT_TRUE(PasswordNeedsRehash("", PasswordCost::kInteractive));
}

TEST(CheckPasswordPolicy, AcceptsAGoodPassword) {
  EXPECT_OK(CheckPasswordPolicy("caballo correcto batería grapa", "mlopez"));
  EXPECT_OK(CheckPasswordPolicy("Xq7!vR2#pL9z", "mlopez"));
}

TEST(CheckPasswordPolicy, CountsCharactersNotBytes) {
  // 11 characters, 16 bytes: too short although longer than 12 bytes.
  EXPECT_THAT(CheckPasswordPolicy("ñáéíóúñáéíx", "mlopez"), StatusIs(StatusCode::kInvalidArgument, "password"));
  // 12 characters.
  EXPECT_OK(CheckPasswordPolicy("ñáéíóúñáéíxy", "mlopez"));
}

TEST(CheckPasswordPolicy, RejectsShortPasswords) {
  Status status = CheckPasswordPolicy("Xq7!vR2#pL9", "mlopez");
  EXPECT_THAT(status, StatusIs(StatusCode::kInvalidArgument, "password"));
  EXPECT_NE(status.message().find("12"), std::string::npos) << status.message();
  EXPECT_THAT(CheckPasswordPolicy("", "mlopez"), StatusIs(StatusCode::kInvalidArgument, "password"));
}

TEST(CheckPasswordPolicy, RejectsMoreThan256Bytes) {
  EXPECT_OK(CheckPasswordPolicy(std::string(255, 'a') + "b", "mlopez"));
  EXPECT_THAT(CheckPasswordPolicy(std::string(256, 'a') + "b", "mlopez"),
              StatusIs(StatusCode::kInvalidArgument, "password"));
}

TEST(CheckPasswordPolicy, RejectsTheUsernameInAnyCase) {
  Status status = CheckPasswordPolicy("xx-MLopez-2024-yy", "mlopez");
  EXPECT_THAT(status, StatusIs(StatusCode::kInvalidArgument, "password"));
  EXPECT_NE(status.message().find("username"), std::string::npos) << status.message();
  EXPECT_EQ(status.message().find("MLopez"), std::string::npos) << "the message must not echo the password";
}

TEST(CheckPasswordPolicy, RejectsOneRepeatedCharacter) {
  EXPECT_THAT(CheckPasswordPolicy("aaaaaaaaaaaaaaaa", "mlopez"), StatusIs(StatusCode::kInvalidArgument, "password"));
  EXPECT_THAT(CheckPasswordPolicy("ññññññññññññ", "mlopez"), StatusIs(StatusCode::kInvalidArgument, "password"));
  EXPECT_OK(CheckPasswordPolicy("aaaaaaaaaaaaaaab", "mlopez"));
}

TEST(CheckPasswordPolicy, RejectsCommonPasswordsIgnoringCase) {
  for (std::string_view common : {"password1234", "123456789012", "qwertyuiopas", "contraseña123", "acogida12345",
                                  "Password1234", "CONTRASEÑA123"}) {
    EXPECT_THAT(CheckPasswordPolicy(common, "mlopez"), StatusIs(StatusCode::kInvalidArgument, "password"))
        << common;
  }
}

TEST(CheckPasswordPolicy, RejectsInvalidUtf8) {
  EXPECT_THAT(CheckPasswordPolicy("abcdefghijk\xff\xfe", "mlopez"), StatusIs(StatusCode::kInvalidArgument, "password"));
  EXPECT_THAT(CheckPasswordPolicy("abcdefghijkl\xc3", "mlopez"), StatusIs(StatusCode::kInvalidArgument, "password"));
}

}  // namespace
}  // namespace acogida
