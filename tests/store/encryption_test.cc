// Sensitive fields are encrypted at rest: a known phone number and note never appear in the
// database file's bytes, read back in clear through the store, fail to open with another
// key ring, and are re-encrypted under a rotated key.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "crypto/field_cipher.h"
#include "store/store.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/temp_dir.h"

namespace acogida {
namespace {

using testing::StatusCodeIs;

constexpr const char* kPhone = "+526641234567";
constexpr const char* kNote = "Dolor de pecho; su hija vive en Fresno, CA";

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class EncryptionTest : public ::testing::Test {
 protected:
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

  testing::TempDir dir_;
};

TEST_F(EncryptionTest, PhoneAndNotesNeverAppearInTheDatabaseFile) {
  const std::string path = dir_.File("sealed.db");
  int64_t person_id = 0;
  {
    auto store = OpenSqliteStore(path);
    ASSERT_OK(store);
    person_id = WritePerson(**store);
  }  // closing checkpoints the WAL into the main file
  const std::string bytes = FileBytes(path) + FileBytes(path + "-wal");
  ASSERT_GT(bytes.size(), 0u);
  EXPECT_EQ(bytes.find("6641234567"), std::string::npos);
  EXPECT_EQ(bytes.find("Fresno"), std::string::npos);
  EXPECT_NE(bytes.find("Marisol"), std::string::npos);  // the check itself can see plain text

  auto store = OpenSqliteStore(path);
  ASSERT_OK(store);
  auto person = ReadPerson(**store, person_id);
  ASSERT_OK(person);
  EXPECT_EQ(person->phone, kPhone);
  EXPECT_EQ(person->notes, kNote);
}

TEST_F(EncryptionTest, KeyFileIsCreatedWithMode0600) {
  ASSERT_OK(OpenSqliteStore(dir_.File("mode.db")).status());
  struct stat info {};
  ASSERT_EQ(::stat(dir_.File("mode.db.keys").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
}

TEST_F(EncryptionTest, AnotherKeyRingCannotOpenTheFields) {
  const std::string path = dir_.File("other.db");
  int64_t person_id = 0;
  {
    auto store = OpenSqliteStore(path);
    ASSERT_OK(store);
    person_id = WritePerson(**store);
  }
  SqliteOptions options;
  options.keys = std::make_shared<const KeyRing>(KeyRing::Generate("k1"));
  auto stranger = OpenSqliteStore(path, options);
  ASSERT_OK(stranger);
  EXPECT_THAT(ReadPerson(**stranger, person_id), StatusCodeIs(StatusCode::kInternal));
}

TEST_F(EncryptionTest, RotationResealsUnderTheNewKeyAndKeepsValuesReadable) {
  auto ring = std::make_shared<KeyRing>(KeyRing::Generate("k1"));
  SqliteOptions options;
  options.keys = ring;
  const std::string path = dir_.File("rotate.db");
  int64_t person_id = 0;
  {
    auto store = OpenSqliteStore(path, options);
    ASSERT_OK(store);
    person_id = WritePerson(**store);
  }
  ASSERT_OK(ring->Rotate("k2"));
  auto store = OpenSqliteStore(path, options);
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
