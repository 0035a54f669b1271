// Tests of KeyRing: generation, rotation, the text form, key files and the environment.
#include "crypto/key_ring.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "testing/status_matchers.h"
#include "testing/temp_dir.h"

namespace acogida {
namespace {

using ::acogida::testing::StatusCodeIs;
using ::acogida::testing::StatusIs;
using ::acogida::testing::TempDir;

constexpr const char* kKeyA = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";  // bytes 0..31

bool SameKey(const KeyRing& a, const KeyRing& b, const std::string& key_id) {
  const SecretKey* key_a = a.Find(key_id);
  const SecretKey* key_b = b.Find(key_id);
  return key_a != nullptr && key_b != nullptr && std::memcmp(key_a->data(), key_b->data(), SecretKey::kSize) == 0;
}

unsigned ModeOf(const std::string& path) {
  struct stat info;
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

void WriteFile(const std::string& path, const std::string& text, unsigned mode) {
  std::ofstream(path) << text;
  ASSERT_EQ(::chmod(path.c_str(), mode), 0);
}

TEST(KeyRing, GenerateMakesOneCurrentKey) {
  KeyRing ring = KeyRing::Generate("k1");
  EXPECT_EQ(ring.current_id(), "k1");
  EXPECT_TRUE(ring.Has("k1"));
  EXPECT_FALSE(ring.Has("k2"));
  EXPECT_EQ(ring.size(), 1u);
  EXPECT_FALSE(SameKey(ring, KeyRing::Generate("k1"), "k1")) << "two generated keys must differ";
}

TEST(KeyRing, RotationKeepsOldKeysAndSwitchesCurrent) {
  KeyRing ring = KeyRing::Generate("k1");
  KeyRing before = ring;
  ASSERT_OK(ring.Rotate("k2"));
  EXPECT_EQ(ring.current_id(), "k2");
  EXPECT_TRUE(ring.Has("k1"));
  EXPECT_TRUE(ring.Has("k2"));
  EXPECT_TRUE(SameKey(ring, before, "k1"));
  EXPECT_NE(std::memcmp(ring.Find("k1")->data(), ring.Find("k2")->data(), SecretKey::kSize), 0);
}

TEST(KeyRing, RotationRefusesADuplicateOrMalformedId) {
  KeyRing ring = KeyRing::Generate("k1");
  ASSERT_OK(ring.Rotate("k2"));
  EXPECT_THAT(ring.Rotate("k1"), StatusCodeIs(StatusCode::kAlreadyExists));
  EXPECT_THAT(ring.Rotate("K3"), StatusIs(StatusCode::kInvalidArgument, "key_id"));
  EXPECT_THAT(ring.Rotate(""), StatusIs(StatusCode::kInvalidArgument, "key_id"));
  EXPECT_THAT(ring.Rotate(std::string(33, 'a')), StatusIs(StatusCode::kInvalidArgument, "key_id"));
  EXPECT_EQ(ring.current_id(), "k2");
  EXPECT_EQ(ring.size(), 2u);
}

TEST(KeyRing, SerializeThenParseGivesTheSameRing) {
  KeyRing ring = KeyRing::Generate("2024-01");
  ASSERT_OK(ring.Rotate("2025-06"));
  std::string text = ring.Serialize();
  EXPECT_TRUE(text.starts_with("acogida-keys v1\ncurrent 2025-06\nkey 2024-01 ")) << "format changed";
  StatusOr<KeyRing> parsed = KeyRing::Parse(text);
  ASSERT_OK(parsed);
  EXPECT_EQ(parsed->current_id(), "2025-06");
  EXPECT_EQ(parsed->size(), 2u);
  EXPECT_TRUE(SameKey(*parsed, ring, "2024-01"));
  EXPECT_TRUE(SameKey(*parsed, ring, "2025-06"));
}

TEST(KeyRing, ParseReadsAHandWrittenRing) {
  StatusOr<KeyRing> parsed = KeyRing::Parse(std::string("acogida-keys v1\r\n\ncurrent k1\nkey k1 ") + kKeyA + "\n");
  ASSERT_OK(parsed);
  const SecretKey* key = parsed->Find("k1");
  ASSERT_NE(key, nullptr);
  for (size_t byte_idx = 0; byte_idx < SecretKey::kSize; ++byte_idx) EXPECT_EQ(key->data()[byte_idx], byte_idx);
}

// Parses `text` and expects InvalidArgument("keys") whose message names `line`.
void ExpectParseErrorAt(const std::string& text, const std::string& line) {
  StatusOr<KeyRing> parsed = KeyRing::Parse(text);
  EXPECT_THAT(parsed, StatusIs(StatusCode::kInvalidArgument, "keys")) << text;
  EXPECT_NE(parsed.status().message().find(line), std::string::npos) << parsed.status().message();
}

TEST(KeyRing, ParseNamesTheBadLine) {
  const std::string key_a = kKeyA;
  ExpectParseErrorAt("garbage\n", "line 1");
  ExpectParseErrorAt("acogida-keys v2\ncurrent k1\nkey k1 " + key_a, "line 1");
  ExpectParseErrorAt("acogida-keys v1\nsomething else\n", "line 2");
  ExpectParseErrorAt("acogida-keys v1\ncurrent k1\nkey k1 notbase64!!\n", "line 3");
  ExpectParseErrorAt("acogida-keys v1\ncurrent k1\nkey k1 AAECAwQF\n", "line 3");  // 6 bytes
  ExpectParseErrorAt("acogida-keys v1\ncurrent k1\nkey K1 " + key_a, "line 3");
  ExpectParseErrorAt("acogida-keys v1\ncurrent k1\nkey k1 " + key_a + "\nkey k1 " + key_a, "line 4");
  ExpectParseErrorAt("acogida-keys v1\ncurrent k1\ncurrent k1\n", "line 3");
  ExpectParseErrorAt("acogida-keys v1\ncurrent k2\nkey k1 " + key_a, "line 2");  // no key k2
  ExpectParseErrorAt("acogida-keys v1\ncurrent  k1\nkey k1 " + key_a, "line 2");
}

TEST(KeyRing, ParseRefusesMissingPartsAndNeverEchoesKeys) {
  EXPECT_THAT(KeyRing::Parse(""), StatusIs(StatusCode::kInvalidArgument, "keys"));
  EXPECT_THAT(KeyRing::Parse(std::string("acogida-keys v1\nkey k1 ") + kKeyA),
              StatusIs(StatusCode::kInvalidArgument, "keys"));
  StatusOr<KeyRing> parsed = KeyRing::Parse(std::string("acogida-keys v1\ncurrent k1\nkey k1 ") + kKeyA + "x\n");
  EXPECT_THAT(parsed, StatusIs(StatusCode::kInvalidArgument, "keys"));
  EXPECT_EQ(parsed.status().message().find("AAECAw"), std::string::npos) << parsed.status().message();
}

TEST(KeyFile, IsCreatedWithMode0600AndReloadsTheSameKeys) {
  TempDir dir;
  const std::string path = dir.File("keys");
  StatusOr<KeyRing> created = LoadOrCreateKeyFile(path, "k1");
  ASSERT_OK(created);
  EXPECT_EQ(created->current_id(), "k1");
  EXPECT_EQ(ModeOf(path), 0600u);
  StatusOr<KeyRing> reloaded = LoadOrCreateKeyFile(path, "other");
  ASSERT_OK(reloaded);
  EXPECT_EQ(reloaded->current_id(), "k1");
  EXPECT_TRUE(SameKey(*reloaded, *created, "k1"));
  // No temporary files left behind.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(KeyFile, ProcessesStartingTogetherShareOneRing) {
  TempDir dir;
  const std::string path = dir.File("keys");
  constexpr int kThreads = 8;
  std::vector<StatusOr<KeyRing>> rings(kThreads, Status(StatusCode::kInternal, "not run"));
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&, thread_idx] { rings[thread_idx] = LoadOrCreateKeyFile(path, "k1"); });
  }
  for (std::thread& thread : threads) thread.join();
  StatusOr<KeyRing> on_disk = LoadOrCreateKeyFile(path, "k1");
  ASSERT_OK(on_disk);
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    ASSERT_OK(rings[thread_idx]);
    EXPECT_TRUE(SameKey(*rings[thread_idx], *on_disk, "k1")) << "thread " << thread_idx << " kept a lost key";
  }
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(KeyFile, IsCreatedWithMode0600EvenUnderAPermissiveUmask) {
  TempDir dir;
  mode_t old_umask = ::umask(0);
  StatusOr<KeyRing> created = LoadOrCreateKeyFile(dir.File("keys"), "k1");
  ::umask(old_umask);
  ASSERT_OK(created);
  EXPECT_EQ(ModeOf(dir.File("keys")), 0600u);
}

TEST(KeyFile, RefusesAFileOthersCanRead) {
  TempDir dir;
  const std::string path = dir.File("keys");
  WriteFile(path, KeyRing::Generate("k1").Serialize(), 0644);
  StatusOr<KeyRing> loaded = LoadOrCreateKeyFile(path, "k1");
  EXPECT_THAT(loaded, StatusCodeIs(StatusCode::kFailedPrecondition));
  EXPECT_EQ(loaded.status().message(), "key file " + path + " must have mode 0600, has 0644");
}

TEST(KeyFile, RefusesAFolder) {
  TempDir dir;
  EXPECT_THAT(LoadOrCreateKeyFile(dir.path(), "k1"), StatusCodeIs(StatusCode::kFailedPrecondition));
}

TEST(KeyFile, RefusesGarbageNamingTheLine) {
  TempDir dir;
  const std::string path = dir.File("keys");
  WriteFile(path, "acogida-keys v1\ncurrent k1\nthis is not a key\n", 0600);
  StatusOr<KeyRing> loaded = LoadOrCreateKeyFile(path, "k1");
  EXPECT_THAT(loaded, StatusIs(StatusCode::kInvalidArgument, "keys"));
  EXPECT_NE(loaded.status().message().find("line 3"), std::string::npos) << loaded.status().message();
}

TEST(KeyFile, RefusesAMalformedFirstKeyId) {
  TempDir dir;
  EXPECT_THAT(LoadOrCreateKeyFile(dir.File("keys"), "Bad Id"), StatusIs(StatusCode::kInvalidArgument, "key_id"));
  EXPECT_FALSE(std::filesystem::exists(dir.File("keys")));
}

TEST(KeyFile, ReportsAMissingFolder) {
  TempDir dir;
  EXPECT_THAT(LoadOrCreateKeyFile(dir.File("no/such/folder/keys"), "k1"), StatusCodeIs(StatusCode::kInternal));
}

TEST(KeyFile, SaveAfterRotationKeepsMode0600AndBothKeys) {
  TempDir dir;
  const std::string path = dir.File("keys");
  StatusOr<KeyRing> ring = LoadOrCreateKeyFile(path, "k1");
  ASSERT_OK(ring);
  ASSERT_OK(ring->Rotate("k2"));
  ASSERT_OK(SaveKeyFile(*ring, path));
  EXPECT_EQ(ModeOf(path), 0600u);
  StatusOr<KeyRing> reloaded = LoadOrCreateKeyFile(path, "k1");
  ASSERT_OK(reloaded);
  EXPECT_EQ(reloaded->current_id(), "k2");
  EXPECT_TRUE(SameKey(*reloaded, *ring, "k1"));
  EXPECT_TRUE(SameKey(*reloaded, *ring, "k2"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(KeyRingFromEnvironment, ReadsTheVariableOrSaysItIsMissing) {
  const char* kVariable = "ACOGIDA_KEYS_TEST_ONLY";
  ::unsetenv(kVariable);
  EXPECT_THAT(KeyRingFromEnvironment(kVariable), StatusCodeIs(StatusCode::kNotFound));

  KeyRing ring = KeyRing::Generate("env-1");
  ASSERT_EQ(::setenv(kVariable, ring.Serialize().c_str(), 1), 0);
  StatusOr<KeyRing> loaded = KeyRingFromEnvironment(kVariable);
  ASSERT_OK(loaded);
  EXPECT_TRUE(SameKey(*loaded, ring, "env-1"));

  ASSERT_EQ(::setenv(kVariable, "acogida-keys v1\nnonsense\n", 1), 0);
  EXPECT_THAT(KeyRingFromEnvironment(kVariable), StatusIs(StatusCode::kInvalidArgument, "keys"));
  ::unsetenv(kVariable);
}

}  // namespace
}  // namespace acogida
