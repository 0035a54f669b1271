// RFC 4180 reading and writing, and errors that name the line.
#include "linkage/csv.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace acogida::linkage {
namespace {

using testing::StatusIs;

TEST(ParseCsv, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  auto file = ParseCsv("id,name,note\r\n1,\"Hernández, José\",\"dijo \"\"hola\"\"\"\r\n2,Ana,\"dos\nlíneas\"\n");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_EQ(file->table.rows(), 2u);
  EXPECT_EQ(file->table.Cell(0, 1), "Hernández, José");
  EXPECT_EQ(file->table.Cell(0, 2), "dijo \"hola\"");
  EXPECT_EQ(file->table.Cell(1, 2), "dos\nlíneas");
  EXPECT_EQ(file->row_lines[0], 2u);
  EXPECT_EQ(file->row_lines[1], 3u);
}

TEST(ParseCsv, KeepsEmptyFieldsAndSkipsBlankLinesAndByteOrderMark) {
  auto file = ParseCsv("\xEF\xBB\xBFid,a,b\n\n1,,\n2,x,\n\n");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->table.columns()[0], "id");
  ASSERT_EQ(file->table.rows(), 2u);
  EXPECT_EQ(file->table.Cell(0, 1), "");
  EXPECT_EQ(file->row_lines[1], 4u);
}

TEST(ParseCsv, TrimsFebrlStyleFieldsWhenAsked) {
  auto file = ParseCsv("rec_id, given_name, surname\nrec-1-org, mitchell,  \n", CsvOptions{.trim_fields = true});
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->table.columns()[1], "given_name");
  EXPECT_EQ(file->table.Cell(0, 1), "mitchell");
  EXPECT_EQ(file->table.Cell(0, 2), "");
}

TEST(ParseCsv, RejectsARaggedRowNamingItsLine) {
  auto file = ParseCsv("id,a,b\n1,x,y\n2,x\n");
  EXPECT_THAT(file, StatusIs(StatusCode::kInvalidArgument, "line 3"));
  EXPECT_NE(file.status().message().find("2 fields"), std::string::npos) << file.status().message();
}

TEST(ParseCsv, RejectsInvalidUtf8NamingItsLine) {
  EXPECT_THAT(ParseCsv("id,a\n1,ok\n2,Jos\xE9\n"), StatusIs(StatusCode::kInvalidArgument, "line 3"));
  EXPECT_THAT(ParseCsv("id,a\n1,\xC3\x28\n"), StatusIs(StatusCode::kInvalidArgument, "line 2"));
}

TEST(ParseCsv, RejectsUnclosedQuotesStrayQuotesAndBadHeaders) {
  EXPECT_THAT(ParseCsv("id,a\n1,\"open\n2,x\n"), StatusIs(StatusCode::kInvalidArgument, "line 2"));
  EXPECT_THAT(ParseCsv("id,a\n1,ab\"c\n"), StatusIs(StatusCode::kInvalidArgument, "line 2"));
  EXPECT_THAT(ParseCsv("id,a\n1,\"ab\"c\n"), StatusIs(StatusCode::kInvalidArgument, "line 2"));
  EXPECT_THAT(ParseCsv("id,a,a\n"), StatusIs(StatusCode::kInvalidArgument, "line 1"));
  EXPECT_THAT(ParseCsv("id,,b\n"), StatusIs(StatusCode::kInvalidArgument, "line 1"));
  EXPECT_THAT(ParseCsv(""), StatusIs(StatusCode::kInvalidArgument, "line 1"));
}

TEST(CsvLine, QuotesOnlyWhatNeedsIt) {
  const std::string fields[] = {"1", "Hernández, José", "dijo \"hola\"", "", " x", "a\nb"};
  EXPECT_EQ(CsvLine(fields), "1,\"Hernández, José\",\"dijo \"\"hola\"\"\",,\" x\",\"a\nb\"\n");
}

TEST(CsvLine, RoundTripsThroughParseCsv) {
  const std::vector<std::string> header = {"id", "text"};
  const std::vector<std::string> row = {"7", "a, \"b\"\r\nc"};
  auto file = ParseCsv(CsvLine(header) + CsvLine(row));
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->table.Cell(0, 1), row[1]);
}

}  // namespace
}  // namespace acogida::linkage
