// KeyRing: guarded key memory, rotation, and the text form. Files and the environment
// are in key_file.cc.
#include "crypto/key_ring.h"

#include <sodium.h>

#include <algorithm>
#include <cassert>
#include <new>
#include <utility>
#include <vector>

#include "crypto/sodium_init.h"

namespace acogida {
namespace {

constexpr std::string_view kHeader = "acogida-keys v1";
constexpr int kBase64Variant = sodium_base64_VARIANT_ORIGINAL;

unsigned char* AllocateKeyBytes() {
  crypto_internal::EnsureSodium();
  void* bytes = sodium_malloc(SecretKey::kSize);
  if (bytes == nullptr) throw std::bad_alloc();
  return static_cast<unsigned char*>(bytes);
}

std::vector<std::string_view> SplitOnSpaces(std::string_view line) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (true) {
    size_t space = line.find(' ', start);
    words.push_back(line.substr(start, space - start));
    if (space == std::string_view::npos) return words;
    start = space + 1;
  }
}

Status LineError(size_t line_number, const std::string& message) {
  return InvalidArgument("keys", "line " + std::to_string(line_number) + ": " + message);
}

}  // namespace

SecretKey::SecretKey() : bytes_(AllocateKeyBytes()) {}

SecretKey::~SecretKey() {
  if (bytes_ != nullptr) sodium_free(bytes_);  // wipes before freeing
}

SecretKey::SecretKey(const SecretKey& other) : bytes_(AllocateKeyBytes()) {
  std::copy(other.bytes_, other.bytes_ + kSize, bytes_);
}

SecretKey& SecretKey::operator=(const SecretKey& other) {
  if (this != &other) {
    if (bytes_ == nullptr) bytes_ = AllocateKeyBytes();
    std::copy(other.bytes_, other.bytes_ + kSize, bytes_);
  }
  return *this;
}

SecretKey::SecretKey(SecretKey&& other) noexcept : bytes_(std::exchange(other.bytes_, nullptr)) {}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
  std::swap(bytes_, other.bytes_);
  return *this;
}

SecretKey SecretKey::Random() {
  SecretKey key;
  randombytes_buf(key.bytes_, kSize);
  return key;
}

bool IsValidKeyId(std::string_view key_id) {
  if (key_id.empty() || key_id.size() > 32) return false;
  for (char c : key_id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

KeyRing KeyRing::Generate(std::string key_id) {
  assert(IsValidKeyId(key_id) && "KeyRing::Generate needs a valid key id");
  KeyRing ring;
  ring.keys_.emplace(key_id, SecretKey::Random());
  ring.current_id_ = std::move(key_id);
  return ring;
}

Status KeyRing::Rotate(std::string new_key_id) {
  if (!IsValidKeyId(new_key_id)) {
    return InvalidArgument("key_id", "must be 1-32 characters of a-z, 0-9 and -");
  }
  if (Has(new_key_id)) return AlreadyExists("key id " + new_key_id + " is already in the ring");
  keys_.emplace(new_key_id, SecretKey::Random());
  current_id_ = std::move(new_key_id);
  return OkStatus();
}

const SecretKey* KeyRing::Find(std::string_view key_id) const {
  auto found = keys_.find(key_id);
  return found == keys_.end() ? nullptr : &found->second;
}

std::vector<std::string> KeyRing::ids() const {
  std::vector<std::string> out;
  for (const auto& [key_id, key] : keys_) out.push_back(key_id);
  return out;
}

std::string KeyRing::CheckValue(std::string_view key_id) const {
  const SecretKey* key = Find(key_id);
  if (!key) return "";
  constexpr std::string_view kText = "acogida key check v1";
  unsigned char mac[16];
  crypto_generichash(mac, sizeof mac, reinterpret_cast<const unsigned char*>(kText.data()), kText.size(), key->data(),
                     SecretKey::kSize);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

std::string KeyRing::Serialize() const {
  std::string text;
  text.reserve(64 + keys_.size() * 96);
  text.append(kHeader).append("\ncurrent ").append(current_id_).append("\n");
  char encoded[sodium_base64_ENCODED_LEN(SecretKey::kSize, kBase64Variant)];
  for (const auto& [key_id, key] : keys_) {
    sodium_bin2base64(encoded, sizeof encoded, key.data(), SecretKey::kSize, kBase64Variant);
    text.append("key ").append(key_id).append(" ").append(encoded).append("\n");
  }
  sodium_memzero(encoded, sizeof encoded);
  return text;
}

StatusOr<KeyRing> KeyRing::Parse(std::string_view text) {
  crypto_internal::EnsureSodium();
  KeyRing ring;
  bool saw_header = false;
  size_t current_line = 0;
  size_t line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;

    if (!saw_header) {
      if (line != kHeader) return LineError(line_number, "expected the header 'acogida-keys v1'");
      saw_header = true;
      continue;
    }
    const std::vector<std::string_view> words = SplitOnSpaces(line);
    if (words[0] == "current" && words.size() == 2) {
      if (current_line != 0) return LineError(line_number, "a second 'current' line");
      if (!IsValidKeyId(words[1])) {
        return LineError(line_number, "key id must be 1-32 characters of a-z, 0-9 and -");
      }
      ring.current_id_ = std::string(words[1]);
      current_line = line_number;
    } else if (words[0] == "key" && words.size() == 3) {
      if (!IsValidKeyId(words[1])) {
        return LineError(line_number, "key id must be 1-32 characters of a-z, 0-9 and -");
      }
      if (ring.Has(words[1])) return LineError(line_number, "key id " + std::string(words[1]) + " appears twice");
      SecretKey key;
      size_t decoded_size = 0;
      if (sodium_base642bin(key.data(), SecretKey::kSize, words[2].data(), words[2].size(), nullptr,
                            &decoded_size, nullptr, kBase64Variant) != 0 ||
          decoded_size != SecretKey::kSize) {
        return LineError(line_number, "key must be standard base64 of 32 bytes");
      }
      ring.keys_.emplace(std::string(words[1]), std::move(key));
    } else {
      return LineError(line_number, "expected 'current <id>' or 'key <id> <base64>'");
    }
  }
  if (!saw_header) return InvalidArgument("keys", "empty; expected the header 'acogida-keys v1'");
  if (current_line == 0) return InvalidArgument("keys", "no 'current <id>' line");
  if (!ring.Has(ring.current_id_)) {
    return LineError(current_line, "current key " + ring.current_id_ + " has no 'key' line");
  }
  return ring;
}

}  // namespace acogida
