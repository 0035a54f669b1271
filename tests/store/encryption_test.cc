// Sensitive fields are encrypted at rest, on each backend: a known phone number and note
// never appear in what the database stores (the SQLite file's bytes, a pg_dump of the
// PostgreSQL database), read back in clear through the store, fail to open with another key
// ring, and are re-encrypted under a rotated key. The key file is created with mode 0600;
// SQLite's default key file beside the database file is checked on its own.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "crypto/field_cipher.h"
#include "store/store.h"
#include "testing/fixtures.h"
#include "testing/execute_sql.h"
#include "testing/status_matchers.h"
#include "testing/temp_dir.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using testing::Backend;
using testing::StatusCodeIs;

constexpr const char* kPhone = "+526641234567";
constexpr const char* kNote = "Dolor de pecho; su hija vive en Fresno, CA";

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The output of pg_dump for the PostgreSQL database at `url`: every row, as text.
std::string PgDump(const std::string& url) {
  std::string dump;
  FILE* pipe = ::popen(("pg_dump --no-owner " + testing::ShellQuote(url) + " 2>&1").c_str(), "r");
  if (!pipe) return dump;
  char buf[4096];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, pipe)) > 0) dump.append(buf, got);
  EXPECT_EQ(::pclose(pipe), 0) << dump;
  return dump;
}

class EncryptionTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { SKIP_IF_UNAVAILABLE(database_); }

  // What the database holds, as bytes: SQLite's file and write-ahead log (the store must be
  // closed, which checkpoints the log into the file), or PostgreSQL's rows dumped as text.
  std::string StoredBytes() {
    if (database_.backend() == Backend::kPostgres) return PgDump(database_.url());
    return FileBytes(database_.url()) + FileBytes(database_.url() + "-wal");
  }

  int64_t WritePerson(Store& store) {
    Person person = testing::MakePerson("Marisol", "Quintero", "Bernal");
    person.phone = kPhone;
    person.notes = kNote;
    Status status = store.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
      Site site = testing::TijuanaCentre();
      RETURN_IF_ERROR(tx.InsertSite(site));
      Household household;
      household.site_id = site.id;
      RETURN_IF_ERROR(tx.InsertHousehold(household));
      person.household_id = household.id;
      return tx.InsertPerson(person);
    });
    EXPECT_OK(status);
    return person.id;
  }

  StatusOr<Person> ReadPerson(Store& store, int64_t person_id) {
    StatusOr<Person> person = Status(StatusCode::kNotFound, "");
    Status status = store.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
      person = tx.GetPerson(person_id);
      return OkStatus();
    });
    if (!status.ok()) return status;
    return person;
  }

  testing::TestDatabase database_{GetParam()};
};

INSTANTIATE_TEST_SUITE_P(Backends, EncryptionTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(EncryptionTest, PhoneAndNotesNeverAppearInTheStoredBytes) {
  int64_t person_id = 0;
  {
    auto store = database_.Open();
    ASSERT_OK(store);
    person_id = WritePerson(**store);
  }  // closed: SQLite checkpoints the WAL into the main file
  const std::string bytes = StoredBytes();
  ASSERT_GT(bytes.size(), 0u);
  EXPECT_EQ(bytes.find("6641234567"), std::string::npos);
  EXPECT_EQ(bytes.find("Fresno"), std::string::npos);
  EXPECT_NE(bytes.find("Marisol"), std::string::npos);  // the check itself can see plain text

  auto store = database_.Open();
  ASSERT_OK(store);
  auto person = ReadPerson(**store, person_id);
  ASSERT_OK(person);
  EXPECT_EQ(person->phone, kPhone);
  EXPECT_EQ(person->notes, kNote);
}

// SQLite only: without a key file named, the ring is kept in "<db>.keys" beside the file.
TEST(SqliteKeyFile, KeyFileIsCreatedWithMode0600) {
  testing::TempDir dir;
  ASSERT_OK(OpenSqliteStore(dir.File("mode.db")).status());
  struct stat info {};
  ASSERT_EQ(::stat(dir.File("mode.db.keys").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
}

TEST_P(EncryptionTest, NamedKeyFileIsCreatedWithMode0600) {
  ASSERT_OK(database_.Open().status());
  struct stat info {};
  ASSERT_EQ(::stat(database_.key_file().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
}

TEST_P(EncryptionTest, AnotherKeyRingCannotOpenTheFields) {
  int64_t person_id = 0;
  {
    auto store = database_.Open();
    ASSERT_OK(store);
    person_id = WritePerson(**store);
  }
  StoreOptions options;
  options.keys = std::make_shared<const KeyRing>(KeyRing::Generate("k1"));
  // The database knows its keys' fingerprints: a stranger ring is refused at open ...
  EXPECT_THAT(database_.Open(options), StatusCodeIs(StatusCode::kFailedPrecondition));
  // ... and, with the fingerprints removed (a copy taken behind the application's back),
  // the sealed fields still do not open without the right key.
  ASSERT_TRUE(testing::ExecuteSql(database_, "DELETE FROM key_check"));
  auto stranger = database_.Open(options);
  ASSERT_OK(stranger);
  EXPECT_THAT(ReadPerson(**stranger, person_id), StatusCodeIs(StatusCode::kInternal));
}

TEST_P(EncryptionTest, RotationResealsUnderTheNewKeyAndKeepsValuesReadable) {
  auto ring = std::make_shared<KeyRing>(KeyRing::Generate("k1"));
  StoreOptions options;
  options.keys = ring;
  int64_t person_id = 0;
  {
    auto store = database_.Open(options);
    ASSERT_OK(store);
    person_id = WritePerson(**store);
  }
  ASSERT_OK(ring->Rotate("k2"));
  auto store = database_.Open(options);
  ASSERT_OK(store);
  int64_t resealed = 0;
  ASSERT_OK((*store)->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(resealed, tx.ResealSensitiveFields());
    return OkStatus();
  }));
  EXPECT_EQ(resealed, 1);
  auto person = ReadPerson(**store, person_id);
  ASSERT_OK(person);
  EXPECT_EQ(person->phone, kPhone);
  // Everything is under the current key now: a second pass reseals nothing.
  ASSERT_OK((*store)->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(resealed, tx.ResealSensitiveFields());
    return OkStatus();
  }));
  EXPECT_EQ(resealed, 0);
}

}  // namespace
}  // namespace acogida
