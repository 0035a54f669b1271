// The store conformance suite: every test runs against both backends, a real SQLite file
// and a real PostgreSQL database (migrations, round trips, versions, name search,
// transactions that roll back, concurrent writers), plus clear errors for unusable
// SQLite paths and unreachable PostgreSQL servers.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/store.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/temp_dir.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using testing::MakePerson;
using testing::StatusCodeIs;
using testing::TempDir;
using testing::Backend;
using testing::TestDatabase;

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    StoreOptions options;
    options.clock = [] { return UtcTime(std::chrono::sys_days(std::chrono::year(2026) / 11 / 29)); };
    auto opened = database_.Open(options);
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
  }

  Site AddSite() {
    Site site = testing::TijuanaCentre();
    EXPECT_OK(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.InsertSite(site); }));
    return site;
  }

  Household AddHousehold(int64_t site_id, std::vector<Person> members) {
    Household household;
    household.site_id = site_id;
    household.members = std::move(members);
    EXPECT_OK(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
      RETURN_IF_ERROR(tx.InsertHousehold(household));
      for (Person& member : household.members) {
        member.household_id = household.id;
        RETURN_IF_ERROR(tx.InsertPerson(member));
      }
      return OkStatus();
    }));
    return household;
  }

  PersonPage Search(std::vector<std::string> tokens, int limit = 20, int offset = 0) {
    PersonPage page;
    PersonSearch search{std::move(tokens), limit, offset};
    EXPECT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(page, tx.SearchPersons(search));
      return OkStatus();
    }));
    return page;
  }

  TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(StoreTest, SiteRoundTripsWithAllFields) {
  Site site = AddSite();
  EXPECT_GT(site.id, 0);
  EXPECT_EQ(site.version, 1);
  Site read;
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(read, tx.GetSite(site.id));
    return OkStatus();
  }));
  EXPECT_EQ(read.name, "Centro de Atención Tijuana");
  EXPECT_EQ(read.kind, SiteKind::kReceptionCentre);
  EXPECT_EQ(read.timezone, "America/Tijuana");
  EXPECT_DOUBLE_EQ(read.latitude, 32.5149);
  EXPECT_DOUBLE_EQ(read.longitude, -117.0382);
}

TEST_P(StoreTest, UpdateWithStaleVersionIsAbortedAndChangesNothing) {
  Site site = AddSite();
  Site first = site;
  first.name = "Primera edición";
  ASSERT_OK(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.UpdateSite(first); }));
  EXPECT_EQ(first.version, 2);
  Site stale = site;  // still version 1
  stale.name = "Edición atrasada";
  EXPECT_THAT(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.UpdateSite(stale); }),
              StatusCodeIs(StatusCode::kAborted));
  Site read;
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(read, tx.GetSite(site.id));
    return OkStatus();
  }));
  EXPECT_EQ(read.name, "Primera edición");
}

TEST_P(StoreTest, UpdateOfMissingSiteIsNotFound) {
  Site ghost = testing::TijuanaCentre();
  ghost.id = 999;
  EXPECT_THAT(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.UpdateSite(ghost); }),
              StatusCodeIs(StatusCode::kNotFound));
}

TEST_P(StoreTest, FailedWorkRollsBackEverything) {
  Site site = AddSite();
  Status status = store_->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    Section section = testing::MenSection(site.id);
    RETURN_IF_ERROR(tx.InsertSection(section));
    return InvalidArgument("members[0].sex", "simulated failure after a write");
  });
  EXPECT_THAT(status, testing::StatusIs(StatusCode::kInvalidArgument, "members[0].sex"));
  std::vector<Section> sections;
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(sections, tx.ListSections(site.id));
    return OkStatus();
  }));
  EXPECT_TRUE(sections.empty());
}

TEST_P(StoreTest, ConcurrentWritersCommitTogetherButFailAlone) {
  Site site = AddSite();
  constexpr int kThreads = 8, kWritesPerThread = 40;
  std::atomic<int> succeeded{0}, failed{0};
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (int write_idx = 0; write_idx < kWritesPerThread; ++write_idx) {
        const bool should_fail = (thread_idx + write_idx) % 3 == 0;
        Status status = store_->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
          Section section = testing::MenSection(site.id, 1);
          RETURN_IF_ERROR(tx.InsertSection(section));
          RETURN_IF_ERROR(tx.InsertSection(section));  // two rows per work
          if (should_fail) return InvalidArgument("beds", "fails after writing");
          return OkStatus();
        });
        (status.ok() ? succeeded : failed)++;
        EXPECT_EQ(status.ok(), !should_fail) << status.ToString();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::vector<Section> sections;
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(sections, tx.ListSections(site.id));
    return OkStatus();
  }));
  EXPECT_GT(failed.load(), 0);
  EXPECT_EQ(static_cast<int>(sections.size()), 2 * succeeded.load());  // no half-written work
}

TEST_P(StoreTest, SectionsAddUpToBedsPerSite) {
  Site site = AddSite();
  ASSERT_OK(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    Section men = testing::MenSection(site.id, 100);
    Section women = testing::MenSection(site.id, 40);
    women.kind = SectionKind::kWomen;
    RETURN_IF_ERROR(tx.InsertSection(men));
    return tx.InsertSection(women);
  }));
  std::vector<std::pair<int64_t, int64_t>> beds;
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(beds, tx.BedsPerSite());
    return OkStatus();
  }));
  ASSERT_EQ(beds.size(), 1u);
  EXPECT_EQ(beds[0], std::make_pair(site.id, int64_t{140}));
}

TEST_P(StoreTest, SectionForMissingSiteViolatesForeignKey) {
  Section orphan = testing::MenSection(4242);
  EXPECT_THAT(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.InsertSection(orphan); }),
              StatusCodeIs(StatusCode::kFailedPrecondition));
}

TEST_P(StoreTest, PersonRoundTripsWithPartialBirthDateAndLanguages) {
  Site site = AddSite();
  Person person = MakePerson("María Guadalupe", "Hernández", "López");
  person.birth_date = BirthDate{1990, 0, 0};
  person.languages = {"spa", "nah"};
  person.phone = "+526641234567";
  Household household = AddHousehold(site.id, {person});
  Person read;
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(read, tx.GetPerson(household.members[0].id));
    return OkStatus();
  }));
  EXPECT_EQ(read.FullName(), "María Guadalupe Hernández López");
  EXPECT_EQ(read.birth_date.ToString(), "1990");
  EXPECT_EQ(read.languages, (std::vector<std::string>{"spa", "nah"}));
  EXPECT_EQ(read.phone, "+526641234567");
  EXPECT_EQ(read.household_id, household.id);
  EXPECT_EQ(read.created_at, "2026-11-29T00:00:00Z");
}

TEST_P(StoreTest, SearchMatchesEveryTokenAsAPrefixOfSomeNameWord) {
  Site site = AddSite();
  AddHousehold(site.id, {MakePerson("María Guadalupe", "Hernández", "López"),
                         MakePerson("José", "Hernández", "Martínez", Relationship::kSpouse)});
  AddHousehold(site.id, {MakePerson("Juan", "García", "Hernández")});

  EXPECT_EQ(Search({"hernandez"}).total, 3);
  PersonPage maria = Search({"herna", "mar"});  // María H. L. and José H. Martínez
  EXPECT_EQ(maria.total, 2);
  PersonPage guadalupe = Search({"guada", "lop"});
  ASSERT_EQ(guadalupe.total, 1);
  EXPECT_EQ(guadalupe.items[0].given_names, "María Guadalupe");
  EXPECT_EQ(Search({"zzz"}).total, 0);
}

TEST_P(StoreTest, SearchListsAPersonOnceWhenSeveralWordsShareThePrefix) {
  Site site = AddSite();
  AddHousehold(site.id, {MakePerson("María Mariana", "Marín", "López")});
  PersonPage page = Search({"mari"});
  EXPECT_EQ(page.total, 1);
  EXPECT_EQ(page.items.size(), 1u);
  EXPECT_EQ(Search({"lopez", "mari"}).total, 1);
  EXPECT_EQ(Search({"mari", "lopez"}).total, 1);
}

TEST_P(StoreTest, SearchPagesInSurnameOrder) {
  Site site = AddSite();
  AddHousehold(site.id, {MakePerson("Ana", "Zamora", "Ruiz")});
  AddHousehold(site.id, {MakePerson("Beatriz", "Álvarez", "Ruiz")});
  AddHousehold(site.id, {MakePerson("Carla", "Méndez", "Ruiz")});
  PersonPage first = Search({"ruiz"}, 2, 0);
  EXPECT_EQ(first.total, 3);
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].paternal_surname, "Álvarez");  // accent folded for ordering
  EXPECT_EQ(first.items[1].paternal_surname, "Méndez");
  PersonPage second = Search({"ruiz"}, 2, 2);
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].paternal_surname, "Zamora");
}

TEST_P(StoreTest, ArrivalsAtSiteAreBoundedByTime) {
  Site site = AddSite();
  Household household = AddHousehold(site.id, {MakePerson("Luis", "Pérez", "Soto")});
  ASSERT_OK(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    for (const char* when : {"2026-11-28T23:59:59Z", "2026-11-29T08:00:00Z", "2026-11-30T00:00:00Z"}) {
      Arrival arrival{0, household.members[0].id, household.id, site.id, when, ArrivalMode::kBus, "Autobús 3"};
      RETURN_IF_ERROR(tx.InsertArrival(arrival));
    }
    return OkStatus();
  }));
  std::vector<ArrivalView> arrivals;
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(arrivals, tx.ListArrivalsAtSite(site.id, "2026-11-29T00:00:00Z", "2026-11-30T00:00:00Z"));
    return OkStatus();
  }));
  ASSERT_EQ(arrivals.size(), 1u);
  EXPECT_EQ(arrivals[0].arrival.arrived_at, "2026-11-29T08:00:00Z");
  EXPECT_EQ(arrivals[0].full_name, "Luis Pérez Soto");
  EXPECT_EQ(arrivals[0].site_name, site.name);
}

TEST_P(StoreTest, SiteWithHouseholdsCannotBeDeleted) {
  Site site = AddSite();
  AddHousehold(site.id, {MakePerson("Luis", "Pérez", "Soto")});
  EXPECT_THAT(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.DeleteSite(site.id); }),
              StatusCodeIs(StatusCode::kFailedPrecondition));
}

TEST_P(StoreTest, ReopeningKeepsDataAndDoesNotReapplyMigrations) {
  Site site = AddSite();
  store_.reset();
  auto reopened = database_.Open();
  ASSERT_OK(reopened);
  Site read;
  ASSERT_OK((*reopened)->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(read, tx.GetSite(site.id));
    return OkStatus();
  }));
  EXPECT_EQ(read.name, site.name);
}

TEST(OpenSqliteStore, MissingFolderIsAClearError) {
  auto opened = OpenSqliteStore("/nonexistent-folder-acogida/x.db");
  ASSERT_THAT(opened, StatusCodeIs(StatusCode::kFailedPrecondition));
  EXPECT_NE(opened.status().message().find("does not exist"), std::string::npos) << opened.status().message();
}

TEST(OpenSqliteStore, MissingFileIsAnErrorWhenCreationIsOff) {
  TempDir dir;
  SqliteOptions options;
  options.create_if_missing = false;
  EXPECT_THAT(OpenSqliteStore(dir.File("absent.db"), options), StatusCodeIs(StatusCode::kFailedPrecondition));
}

TEST(OpenSqliteStore, FolderInPlaceOfTheFileIsAClearError) {
  TempDir dir;
  auto opened = OpenSqliteStore(dir.path());
  ASSERT_THAT(opened, StatusCodeIs(StatusCode::kFailedPrecondition));
  EXPECT_NE(opened.status().message().find("is a folder"), std::string::npos) << opened.status().message();
}

TEST_P(StoreTest, AJobIsClaimedOncePerPeriodAndAFailedRunGivesTheClaimUp) {
  auto claim = [&](const std::string& not_before) {
    bool claimed = false;
    EXPECT_OK(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(claimed, tx.ClaimJob("retention", not_before));
      return OkStatus();
    }));
    return claimed;
  };
  // The store's clock says 2026-11-29T00:00:00Z.
  EXPECT_TRUE(claim("2026-11-28T00:00:00Z"));
  EXPECT_FALSE(claim("2026-11-28T00:00:00Z"));   // started within the period
  EXPECT_TRUE(claim("2026-11-29T00:00:01Z"));    // the period has passed
  ASSERT_OK(store_->InTransaction(TxMode::kWrite, [](Tx& tx) { return tx.FinishJob("retention", false); }));
  EXPECT_TRUE(claim("2026-11-28T00:00:00Z"));    // the failed run gave its claim up
  ASSERT_OK(store_->InTransaction(TxMode::kWrite, [](Tx& tx) { return tx.FinishJob("retention", true); }));
  EXPECT_FALSE(claim("2026-11-28T00:00:00Z"));   // a finished run keeps its claim for the period
}

TEST_P(StoreTest, ConcurrentClaimsFromTwoStoresOnOneDatabaseGoToExactlyOne) {
  auto second = database_.Open();  // another server on the same database
  ASSERT_OK(second);
  std::atomic<int> claimed{0};
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < 8; ++thread_idx) {
    Store& store = thread_idx % 2 == 0 ? *store_ : **second;
    threads.emplace_back([&store, &claimed] {
      Status status = store.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
        ASSIGN_OR_RETURN(bool mine, tx.ClaimJob("expire-holds", "2026-11-28T00:00:00Z"));
        if (mine) claimed++;
        return OkStatus();
      });
      EXPECT_OK(status);
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(claimed.load(), 1);
}

TEST_P(StoreTest, ConcurrentEditsAtOneVersionFromTwoStoresLetExactlyOneWin) {
  Site site = AddSite();
  auto second = database_.Open();
  ASSERT_OK(second);
  std::atomic<int> won{0}, stale{0};
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < 8; ++thread_idx) {
    Store& store = thread_idx % 2 == 0 ? *store_ : **second;
    threads.emplace_back([&store, &won, &stale, site, thread_idx]() mutable {
      site.name = "Edición " + std::to_string(thread_idx);
      Status status = store.InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.UpdateSite(site); });
      if (status.ok()) won++;
      else if (status.code() == StatusCode::kAborted && status.field() == "version") stale++;
      else ADD_FAILURE() << status.ToString();
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(stale.load(), 7);
}

TEST_P(StoreTest, ConcurrentAuditAppendsFromTwoStoresKeepOneChain) {
  auto second = database_.Open();
  ASSERT_OK(second);
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < 6; ++thread_idx) {
    Store& store = thread_idx % 2 == 0 ? *store_ : **second;
    threads.emplace_back([&store] {
      for (int write_idx = 0; write_idx < 20; ++write_idx) {
        EXPECT_OK(store.InTransaction(TxMode::kWrite, [](Tx& tx) -> Status {
          AuditEntry entry;
          entry.username = "prueba";
          entry.role = "registrar";
          entry.action = "read";
          entry.record_type = "person";
          entry.record_id = 1;
          return tx.AppendAudit(entry);
        }));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  // PostgreSQL writes audit rows unchained; two chainers (one per server) link them.
  auto chain_all = [](Store& store) {
    int64_t chained = 1;
    while (chained > 0) {
      EXPECT_OK(store.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
        ASSIGN_OR_RETURN(chained, tx.ChainPendingAudit(7));
        return OkStatus();
      }));
    }
  };
  std::thread chainer([&] { chain_all(**second); });
  chain_all(*store_);
  chainer.join();
  std::string prev;
  int64_t rows = 0;
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) {
    return tx.ForEachAudit([&](const AuditEntry& entry) -> Status {
      EXPECT_EQ(entry.prev_hash, prev) << "row " << entry.id;
      prev = entry.hash;
      ++rows;
      return OkStatus();
    });
  }));
  EXPECT_EQ(rows, 120);
}

TEST_P(StoreTest, AnotherKeyFileForTheSameDatabaseIsRefusedAtOpen) {
  store_.reset();
  StoreOptions stranger;
  stranger.keys = std::make_shared<const KeyRing>(KeyRing::Generate("k1"));  // same id, other key
  auto opened = database_.Open(stranger);
  ASSERT_THAT(opened, StatusCodeIs(StatusCode::kFailedPrecondition));
  EXPECT_NE(opened.status().message().find("key k1"), std::string::npos) << opened.status().message();
  EXPECT_OK(database_.Open().status());  // the right key file still opens it
}

TEST_P(StoreTest, DeadlockedTransactionsAreRunAgainAndBothTakeEffect) {
  Site site = AddSite();
  Section first = testing::MenSection(site.id, 10), second = testing::MenSection(site.id, 10);
  ASSERT_OK(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.InsertSection(first));
    return tx.InsertSection(second);
  }));
  // Each adds a bed to both sections, in opposite orders, pausing in between: on PostgreSQL
  // one of them is chosen as the deadlock victim, rolled back and run again.
  auto add_beds = [&](int64_t a, int64_t b) {
    return store_->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
      for (int64_t section_id : {a, b}) {
        ASSIGN_OR_RETURN(Section section, tx.GetSection(section_id));
        section.beds += 1;
        RETURN_IF_ERROR(tx.UpdateSection(section));
        if (section_id == a) std::this_thread::sleep_for(std::chrono::milliseconds(300));
      }
      return OkStatus();
    });
  };
  Status one, two;
  std::thread left([&] { one = add_beds(first.id, second.id); });
  std::thread right([&] { two = add_beds(second.id, first.id); });
  left.join();
  right.join();
  EXPECT_OK(one);
  EXPECT_OK(two);
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Section a, tx.GetSection(first.id));
    ASSIGN_OR_RETURN(Section b, tx.GetSection(second.id));
    EXPECT_EQ(a.beds, 12);
    EXPECT_EQ(b.beds, 12);
    return OkStatus();
  }));
}

TEST_P(StoreTest, ADroppedConnectionIsReplacedAndTheTransactionRunAgain) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "SQLite has no server connection to lose";
  Site site = AddSite();  // the pool now holds an open connection
  // The server ends every other connection to this database (as a restart or failover would).
  ASSERT_TRUE(testing::RunPsql(database_.url(),
                               "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid()"));
  Site read;
  ASSERT_OK(store_->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(read, tx.GetSite(site.id));
    return OkStatus();
  }));
  EXPECT_EQ(read.name, site.name);
}

TEST(OpenPostgresStore, UnreachableServerIsUnavailableWithoutThePassword) {
  TempDir dir;
  StoreOptions options;
  options.key_file = dir.File("k.keys");
  auto opened = OpenStore("postgresql://acogida:secret-password@127.0.0.1:1/acogida?connect_timeout=2", options);
  ASSERT_THAT(opened, StatusCodeIs(StatusCode::kUnavailable));
  EXPECT_EQ(opened.status().message().find("secret-password"), std::string::npos) << opened.status().message();
}

TEST(OpenPostgresStore, NeedsTheOrganisationsKeyFile) {
  if (std::getenv("ACOGIDA_KEYS")) GTEST_SKIP() << "ACOGIDA_KEYS is set";
  EXPECT_THAT(OpenStore("postgresql://127.0.0.1:1/acogida"), StatusCodeIs(StatusCode::kFailedPrecondition));
}

}  // namespace
}  // namespace acogida
