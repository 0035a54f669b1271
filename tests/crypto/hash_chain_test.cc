// Tests of the audit hash chain and the canonical record encoding.
#include "crypto/hash_chain.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace acogida {
namespace {

// Hashes a chain of records from the empty start and returns every row's hash.
std::vector<std::string> HashChain(const std::vector<std::string>& records) {
  std::vector<std::string> hashes;
  std::string previous;
  for (const std::string& record : records) {
    previous = ChainHash(previous, record);
    hashes.push_back(previous);
  }
  return hashes;
}

TEST(ChainHash, IsStableLowerCaseHex) {
  std::string hash = ChainHash("", "record");
  EXPECT_EQ(hash, ChainHash("", "record"));
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos) << hash;
}

// Stored audit chains must stay verifiable, so the encoding may never change silently.
// Expected values computed independently (Python hashlib.blake2b, digest_size=32) over
// le64(len) || bytes for "acogida audit chain v1", the previous hash, and the record.
TEST(ChainHash, MatchesKnownValues) {
  const std::string first = ChainHash("", "6:action=4:read\n");
  EXPECT_EQ(first, "3055e364a200b88bbbeb62df73be3d6c5530790bb1d7f6177b6ad48d5d95b649");
  EXPECT_EQ(ChainHash(first, "6:action=6:update\n"),
            "532dee7a1328456a39feb9758994fac027dc6dc3af3a951ecf90a1b2507ea06e");
}

TEST(ChainHash, SeparatesThePreviousHashFromTheRecord) {
  EXPECT_NE(ChainHash("ab", "c"), ChainHash("a", "bc"));
  EXPECT_NE(ChainHash("", "abc"), ChainHash("abc", ""));
  EXPECT_NE(ChainHash("", ""), ChainHash("", std::string(1, '\0')));
}

TEST(ChainHash, ChangesWhenAnyRecordChanges) {
  const std::vector<std::string> records = {"first", "second", "third", "fourth"};
  const std::vector<std::string> original = HashChain(records);
  for (size_t record_idx = 0; record_idx < records.size(); ++record_idx) {
    std::vector<std::string> altered = records;
    altered[record_idx] += "!";
    const std::vector<std::string> hashes = HashChain(altered);
    for (size_t row_idx = 0; row_idx < records.size(); ++row_idx) {
      if (row_idx < record_idx) {
        EXPECT_EQ(hashes[row_idx], original[row_idx]);
      } else {
        EXPECT_NE(hashes[row_idx], original[row_idx]) << "altered " << record_idx << ", row " << row_idx;
      }
    }
  }
}

TEST(ChainHash, ChangesWhenTheOrderChangesOrARowIsRemoved) {
  const std::vector<std::string> original = HashChain({"first", "second", "third"});
  EXPECT_NE(HashChain({"second", "first", "third"}).back(), original.back());
  EXPECT_NE(HashChain({"first", "third", "second"}).back(), original.back());
  EXPECT_NE(HashChain({"first", "third"}).back(), original.back());
  EXPECT_NE(HashChain({"first", "second", "third", "fourth"})[2], HashChain({"first", "second", "fourth"})[2]);
}

TEST(CanonicalRecord, HasTheDocumentedFormat) {
  EXPECT_EQ(CanonicalRecord({{"action", "read"}, {"record_id", "42"}}), "6:action=4:read\n9:record_id=2:42\n");
  EXPECT_EQ(CanonicalRecord({}), "");
  EXPECT_EQ(CanonicalRecord({{"reason", ""}}), "6:reason=0:\n");
}

TEST(CanonicalRecord, IsUnambiguous) {
  // Each pair differs only in where bytes fall between names, values and fields.
  const std::set<std::string> encodings = {
      CanonicalRecord({{"a", "bc"}}),
      CanonicalRecord({{"ab", "c"}}),
      CanonicalRecord({{"a", "b"}, {"c", ""}}),
      CanonicalRecord({{"a", "b\n1:c=0:"}}),
      CanonicalRecord({{"a", "b=c"}}),
      CanonicalRecord({{"a=b", "c"}}),
      CanonicalRecord({{"a", ""}, {"b", "c"}}),
      CanonicalRecord({{"", "abc"}}),
      CanonicalRecord({{"abc", ""}}),
  };
  EXPECT_EQ(encodings.size(), 9u);
  // A value that imitates the next field's encoding stays distinct from the real fields.
  EXPECT_NE(CanonicalRecord({{"a", "1\n1:b=1:2"}}), CanonicalRecord({{"a", "1"}, {"b", "2"}}));
}

TEST(CanonicalRecord, DependsOnFieldOrder) {
  EXPECT_NE(CanonicalRecord({{"a", "1"}, {"b", "2"}}), CanonicalRecord({{"b", "2"}, {"a", "1"}}));
}

}  // namespace
}  // namespace acogida
