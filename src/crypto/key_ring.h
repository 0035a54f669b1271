// A KeyRing holds the keys that encrypt one organisation's sensitive fields: every key
// ever used (so old values still open) and the current one (for new values). Key bytes
// live in libsodium's guarded memory, which is locked out of swap where the system
// allows and wiped when freed. The ring and its text form are secrets: never log them.
// A KeyRing is a value; concurrent const use is safe, mutation needs outside locking.
//
// Text form (key files and the ACOGIDA_KEYS variable), one item per line:
//   acogida-keys v1
//   current k2
//   key k1 <standard base64 of 32 bytes>
//   key k2 <standard base64 of 32 bytes>
// Key ids are 1-32 characters of [a-z0-9-]. Blank lines are ignored.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace acogida {

// 32 secret bytes in sodium_malloc'd memory, wiped by sodium_free on destruction. Each
// key costs a few pages (guard pages, mlock), so share rings rather than copy them per
// request. A moved-from SecretKey may only be assigned to or destroyed.
class SecretKey {
 public:
  static constexpr size_t kSize = 32;

  SecretKey();  // allocates; the bytes are unspecified until written through data()
  ~SecretKey();
  SecretKey(const SecretKey& other);
  SecretKey& operator=(const SecretKey& other);
  SecretKey(SecretKey&& other) noexcept;
  SecretKey& operator=(SecretKey&& other) noexcept;

  static SecretKey Random();

  unsigned char* data() { return bytes_; }
  const unsigned char* data() const { return bytes_; }

 private:
  unsigned char* bytes_ = nullptr;
};

// True for 1-32 characters of [a-z0-9-].
bool IsValidKeyId(std::string_view key_id);

class KeyRing {
 public:
  // A ring with one fresh random key, which is current. `key_id` must satisfy IsValidKeyId.
  static KeyRing Generate(std::string key_id);

  // Parses the text form above. Returns InvalidArgument with field "keys" and a message
  // naming the line number (never its content) on any malformed or inconsistent input.
  static StatusOr<KeyRing> Parse(std::string_view text);

  // The text form, keys in id order. Holds key material: wipe or protect it.
  std::string Serialize() const;

  // Adds a fresh random key under `new_key_id` and makes it current; older keys stay so
  // their values still open. AlreadyExists if the id is in the ring; InvalidArgument
  // (field "key_id") if it is malformed. On error the ring is unchanged.
  Status Rotate(std::string new_key_id);

  const std::string& current_id() const { return current_id_; }
  bool Has(std::string_view key_id) const { return keys_.find(key_id) != keys_.end(); }
  // The key with `key_id`, or nullptr. Valid until the ring changes or goes away.
  const SecretKey* Find(std::string_view key_id) const;
  // The current key; never null.
  const SecretKey& current() const { return keys_.find(current_id_)->second; }
  size_t size() const { return keys_.size(); }
  // The ids of every key, in order.
  std::vector<std::string> ids() const;
  // A public fingerprint of key `key_id` (hex of a BLAKE2b MAC of a fixed text under the key;
  // reveals nothing of the key), so a database can tell whether a ring holds the keys its
  // values were sealed with. "" if the ring has no such key.
  std::string CheckValue(std::string_view key_id) const;

 private:
  KeyRing() = default;

  std::map<std::string, SecretKey, std::less<>> keys_;
  std::string current_id_;
};

// Reads the key ring at `path`, or creates it holding KeyRing::Generate(first_key_id)
// if there is no such file. An existing file must be a regular file with mode exactly
// 0600, else FailedPrecondition ("key file X must have mode 0600, has 0644"); its text
// must parse (InvalidArgument "keys"). A new file appears atomically with mode 0600:
// written to a temporary file in the same folder, synced, then linked into place, so
// two processes starting together end up sharing one ring. Internal on I/O errors.
StatusOr<KeyRing> LoadOrCreateKeyFile(const std::string& path, const std::string& first_key_id);

// Replaces (or creates) the key file at `path` with `ring` atomically, mode 0600: a
// reader sees the old file or the new one, never a mix. Internal on I/O errors.
Status SaveKeyFile(const KeyRing& ring, const std::string& path);

// Parses the ring from the environment variable `variable`, in the text form above.
// NotFound if the variable is not set; InvalidArgument "keys" if it does not parse.
StatusOr<KeyRing> KeyRingFromEnvironment(const char* variable = "ACOGIDA_KEYS");

}  // namespace acogida
