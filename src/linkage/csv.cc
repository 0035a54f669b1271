// An RFC 4180 reader as a small state machine over bytes, after a UTF-8 check that finds
// the line of the first invalid byte.
#include "linkage/csv.h"

#include <unicode/utf8.h>

#include <unordered_set>

namespace acogida::linkage {
namespace {

Status LineError(uint32_t line, std::string message) {
  return InvalidArgument("line " + std::to_string(line), std::move(message));
}

Status CheckUtf8(std::string_view text) {
  uint32_t line = 1;
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t offset = 0; offset < length;) {
    const unsigned char byte = static_cast<unsigned char>(text[offset]);
    if (byte < 0x80) {
      if (byte == '\n') ++line;
      if (byte == 0) return LineError(line, "contains a NUL byte");
      ++offset;
      continue;
    }
    UChar32 c;
    U8_NEXT(text.data(), offset, length, c);
    if (c < 0) return LineError(line, "is not valid UTF-8 (the file must be UTF-8 encoded)");
  }
  return OkStatus();
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Reads one record starting at `pos` into `fields`; advances `pos` past its line end and
// `line` by the line breaks consumed.
Status ReadRecord(std::string_view text, size_t& pos, uint32_t& line, const CsvOptions& options,
                  std::vector<std::string>& fields) {
  fields.clear();
  const uint32_t start_line = line;
  std::string field;
  bool quoted = false;      // the current field was quoted
  bool in_quotes = false;   // inside the quotes now
  size_t field_start = pos;
  auto finish_field = [&]() {
    if (!quoted) {
      std::string_view raw = text.substr(field_start, pos - field_start);
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      fields.emplace_back(options.trim_fields ? TrimSpaces(raw) : raw);
    } else {
      fields.push_back(std::move(field));
    }
    field.clear();
    quoted = false;
  };
  while (true) {
    if (pos >= text.size()) {
      if (in_quotes) return LineError(start_line, "has a quoted field that is never closed");
      finish_field();
      return OkStatus();
    }
    const char ch = text[pos];
    if (in_quotes) {
      if (ch == '"') {
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
          field += '"';
          pos += 2;
          continue;
        }
        in_quotes = false;
        ++pos;
        continue;
      }
      if (ch == '\n') ++line;
      field += ch;
      ++pos;
      continue;
    }
    if (ch == '"') {
      const std::string_view before = text.substr(field_start, pos - field_start);
      if (quoted || !TrimSpaces(before).empty()) {
        return LineError(line, "has a quote inside an unquoted field (quote the field and double the quote)");
      }
      quoted = true;
      in_quotes = true;
      ++pos;
      continue;
    }
    if (ch == ',') {
      finish_field();
      ++pos;
      field_start = pos;
      continue;
    }
    if (ch == '\n') {
      finish_field();
      ++pos;
      ++line;
      return OkStatus();
    }
    if (quoted && ch != ' ' && ch != '\t' && ch != '\r') {
      return LineError(line, "has text after a closing quote");
    }
    ++pos;
  }
}

bool IsBlankLine(std::string_view text, size_t pos) {
  return text.substr(pos, 1) == "\n" || text.substr(pos, 2) == "\r\n";
}

}  // namespace

StatusOr<CsvFile> ParseCsv(std::string_view text, const CsvOptions& options) {
  RETURN_IF_ERROR(CheckUtf8(text));
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t pos = 0;
  uint32_t line = 1;
  while (pos < text.size() && IsBlankLine(text, pos)) {
    pos += text[pos] == '\r' ? 2 : 1;
    ++line;
  }
  if (pos >= text.size()) return LineError(1, "has no header (the file is empty)");
  std::vector<std::string> header;
  const uint32_t header_line = line;
  RETURN_IF_ERROR(ReadRecord(text, pos, line, options, header));
  std::unordered_set<std::string> seen;
  for (std::string& name : header) {
    name = std::string(TrimSpaces(name));
    if (name.empty()) return LineError(header_line, "has an empty column name in the header");
    if (!seen.insert(name).second) return LineError(header_line, "has the column '" + name + "' twice");
  }
  CsvFile file{Table(header), {}};
  std::vector<std::string> fields;
  while (pos < text.size()) {
    if (IsBlankLine(text, pos)) {
      pos += text[pos] == '\r' ? 2 : 1;
      ++line;
      continue;
    }
    const uint32_t row_line = line;
    RETURN_IF_ERROR(ReadRecord(text, pos, line, options, fields));
    if (fields.size() != header.size()) {
      return LineError(row_line, "has " + std::to_string(fields.size()) + " fields; the header has " +
                                     std::to_string(header.size()));
    }
    file.table.AddRow(std::move(fields));
    fields = {};
    file.row_lines.push_back(row_line);
  }
  return file;
}

std::string CsvLine(std::span<const std::string> fields) {
  std::string out;
  for (size_t idx = 0; idx < fields.size(); ++idx) {
    if (idx > 0) out += ',';
    const std::string& field = fields[idx];
    const bool needs_quotes = field.find_first_of(",\"\r\n") != std::string::npos ||
                              (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needs_quotes) {
      out += field;
      continue;
    }
    out += '"';
    for (char ch : field) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  out += '\n';
  return out;
}

}  // namespace acogida::linkage
