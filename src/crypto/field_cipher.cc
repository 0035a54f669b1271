// XChaCha20-Poly1305 sealing of field values (libsodium crypto_aead_xchacha20poly1305_ietf).
#include "crypto/field_cipher.h"

#include <sodium.h>

#include "crypto/sodium_init.h"

namespace acogida {
namespace {

constexpr std::string_view kVersionPrefix = "v1.";
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;  // 24
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;       // 16
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == SecretKey::kSize);

const unsigned char* Bytes(std::string_view text) {
  static const unsigned char kNothing = 0;
  return text.data() != nullptr ? reinterpret_cast<const unsigned char*>(text.data()) : &kNothing;
}

// "v1.<key_id>.<body>" split into its parts.
struct SealedParts {
  std::string_view key_id;
  std::string_view body;
};

bool SplitSealed(std::string_view sealed, SealedParts* parts) {
  if (!sealed.starts_with(kVersionPrefix)) return false;
  sealed.remove_prefix(kVersionPrefix.size());
  size_t dot = sealed.find('.');
  if (dot == std::string_view::npos || !IsValidKeyId(sealed.substr(0, dot))) return false;
  parts->key_id = sealed.substr(0, dot);
  parts->body = sealed.substr(dot + 1);
  return true;
}

}  // namespace

StatusOr<std::string> SealField(const KeyRing& ring, std::string_view plaintext,
                                std::string_view associated_data) {
  crypto_internal::EnsureSodium();
  std::string raw(kNonceBytes + plaintext.size() + kTagBytes, '\0');
  unsigned char* nonce = reinterpret_cast<unsigned char*>(raw.data());
  randombytes_buf(nonce, kNonceBytes);
  unsigned long long cipher_size = 0;
  if (crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonceBytes, &cipher_size, Bytes(plaintext),
                                                 plaintext.size(), Bytes(associated_data),
                                                 associated_data.size(), nullptr, nonce,
                                                 ring.current().data()) != 0) {
    return Internal("cannot encrypt a field value");
  }
  std::string encoded(sodium_base64_ENCODED_LEN(raw.size(), kBase64Variant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), nonce, raw.size(), kBase64Variant);
  encoded.resize(encoded.size() - 1);  // the terminating NUL
  std::string sealed;
  sealed.reserve(kVersionPrefix.size() + ring.current_id().size() + 1 + encoded.size());
  sealed.append(kVersionPrefix).append(ring.current_id()).append(".").append(encoded);
  return sealed;
}

StatusOr<std::string> OpenField(const KeyRing& ring, std::string_view sealed,
                                std::string_view associated_data) {
  crypto_internal::EnsureSodium();
  SealedParts parts;
  if (!SplitSealed(sealed, &parts)) return Internal("cannot decrypt: not a v1 sealed value");
  const SecretKey* key = ring.Find(parts.key_id);
  if (key == nullptr) return FailedPrecondition("unknown key id " + std::string(parts.key_id));

  std::string raw(parts.body.size(), '\0');  // base64 never decodes to more bytes than it has
  size_t raw_size = 0;
  const char* body_end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), parts.body.data(),
                        parts.body.size(), nullptr, &raw_size, &body_end, kBase64Variant) != 0 ||
      body_end != parts.body.data() + parts.body.size() || raw_size < kNonceBytes + kTagBytes) {
    return Internal("cannot decrypt: malformed sealed value");
  }
  const unsigned char* nonce = reinterpret_cast<const unsigned char*>(raw.data());
  std::string plaintext(raw_size - kNonceBytes - kTagBytes, '\0');
  unsigned long long plaintext_size = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plaintext.data()), &plaintext_size, nullptr, nonce + kNonceBytes,
          raw_size - kNonceBytes, Bytes(associated_data), associated_data.size(), nonce, key->data()) != 0) {
    return Internal("cannot decrypt: the value was altered or belongs to another field");
  }
  return plaintext;
}

std::string_view SealedKeyId(std::string_view sealed) {
  SealedParts parts;
  return SplitSealed(sealed, &parts) ? parts.key_id : std::string_view();
}

}  // namespace acogida
