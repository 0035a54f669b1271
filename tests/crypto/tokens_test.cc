// Tests of bearer tokens, token digests and constant-time comparison.
#include "crypto/tokens.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace acogida {
namespace {

bool IsUrlSafe(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

TEST(NewToken, Is43UrlSafeCharacters) {
  std::string token = NewToken();
  EXPECT_EQ(token.size(), 43u) << token;
  for (char c : token) EXPECT_TRUE(IsUrlSafe(c)) << token;
}

TEST(NewToken, IsDistinctAcrossAThousandDraws) {
  std::set<std::string> seen;
  for (int draw_idx = 0; draw_idx < 1000; ++draw_idx) {
    std::string token = NewToken();
    ASSERT_EQ(token.size(), 43u);
    EXPECT_TRUE(seen.insert(token).second) << "repeated token " << token;
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(TokenDigest, IsStableHexAndNotTheToken) {
  std::string token = NewToken();
  std::string digest = TokenDigest(token);
  EXPECT_EQ(digest, TokenDigest(token));
  EXPECT_EQ(digest.size(), 64u);
  EXPECT_EQ(digest.find_first_not_of("0123456789abcdef"), std::string::npos) << digest;
  EXPECT_NE(digest, token);
  EXPECT_EQ(digest.find(token), std::string::npos);
  EXPECT_NE(TokenDigest(NewToken()), digest);
}

TEST(TokenDigest, MatchesTheBlake2b256TestVector) {
  // BLAKE2b-256("abc"), from the BLAKE2 reference implementation.
  EXPECT_EQ(TokenDigest("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST(ConstantTimeEquals, ComparesContentsAndLengths) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "xbc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
}

TEST(NewGeneratedPassword, IsSixteenSafeCharactersNeverStartingWithADash) {
  for (int draw = 0; draw < 500; ++draw) {
    const std::string password = NewGeneratedPassword();
    ASSERT_EQ(password.size(), 16u);
    ASSERT_NE(password.front(), '-');
    ASSERT_NE(password.front(), '_');
  }
}

}  // namespace

}  // namespace acogida
