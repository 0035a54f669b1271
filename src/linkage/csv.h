// CSV (RFC 4180) reading and writing for linkage input and output. Reading works on text
// handed to it (the command line reads the file): the first record is the header; fields
// are separated by commas and may be quoted ("a ""b""", with commas and line breaks
// inside); lines end in LF or CRLF; blank lines are skipped; a UTF-8 byte-order mark is
// ignored. Errors name the line: invalid UTF-8, a row with the wrong number of fields,
// an unterminated quote, an empty or duplicate column name. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "linkage/table.h"

namespace acogida::linkage {

struct CsvOptions {
  // If true, spaces around each unquoted field are removed. FEBRL files separate fields
  // by ", " and write an empty field as one space. Default: fields are kept as written.
  bool trim_fields = false;
};

struct CsvFile {
  Table table;
  std::vector<uint32_t> row_lines;  // the line on which each data row starts (the header is line 1)
};

// Parses `text`. On failure returns InvalidArgument whose field is "line N" and whose
// message says what is wrong.
StatusOr<CsvFile> ParseCsv(std::string_view text, const CsvOptions& options = {});

// One CSV record: the fields joined by commas, quoted when they hold a comma, a quote, a
// line break or surrounding spaces, and "\n" at the end.
std::string CsvLine(std::span<const std::string> fields);

}  // namespace acogida::linkage
