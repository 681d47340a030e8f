#include "tests/support/test_certificates.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

#include "absl/strings/str_join.h"

namespace jixiao::testing {
namespace {

struct KeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CertFree {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Cert = std::unique_ptr<X509, CertFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

absl::Status OpenSslError(const char* step) {
  return absl::InternalError(std::string("openssl: ") + step + " failed");
}

std::string Drain(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(size));
}

absl::StatusOr<IssuedCertificate> ToPem(X509* cert, EVP_PKEY* key) {
  Bio cert_bio(BIO_new(BIO_s_mem()));
  Bio key_bio(BIO_new(BIO_s_mem()));
  if (!PEM_write_bio_X509(cert_bio.get(), cert) ||
      !PEM_write_bio_PrivateKey(key_bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)) {
    return OpenSslError("PEM_write");
  }
  return IssuedCertificate{Drain(cert_bio.get()), Drain(key_bio.get())};
}

absl::StatusOr<Key> ReadKey(const std::string& pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (key == nullptr) return OpenSslError("PEM_read_bio_PrivateKey");
  return key;
}

absl::StatusOr<Cert> ReadCert(const std::string& pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  Cert cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (cert == nullptr) return OpenSslError("PEM_read_bio_X509");
  return cert;
}

absl::Status AddExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
  if (extension == nullptr) return OpenSslError("X509V3_EXT_conf_nid");
  const int added = X509_add_ext(cert, extension, -1);
  X509_EXTENSION_free(extension);
  return added ? absl::OkStatus() : OpenSslError("X509_add_ext");
}

// A certificate for `key`, signed by `issuer_key`; self-signed when `issuer` is null.
absl::StatusOr<Cert> Sign(const std::string& common_name, EVP_PKEY* key, X509* issuer,
                          EVP_PKEY* issuer_key, bool is_ca,
                          const std::vector<std::string>& alternative_names) {
  static long serial = 1;
  Cert cert(X509_new());
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), ++serial);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                             0);
  X509* signer = issuer != nullptr ? issuer : cert.get();
  X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
  if (is_ca) {
    if (auto s = AddExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        !s.ok()) {
      return s;
    }
    if (auto s = AddExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
        !s.ok()) {
      return s;
    }
  } else {
    if (auto s = AddExtension(cert.get(), signer, NID_basic_constraints, "CA:FALSE"); !s.ok()) {
      return s;
    }
    if (auto s = AddExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth,clientAuth");
        !s.ok()) {
      return s;
    }
    if (!alternative_names.empty()) {
      if (auto s = AddExtension(cert.get(), signer, NID_subject_alt_name,
                                absl::StrJoin(alternative_names, ","));
          !s.ok()) {
        return s;
      }
    }
  }
  if (!X509_sign(cert.get(), issuer_key, EVP_sha256())) return OpenSslError("X509_sign");
  return cert;
}

}  // namespace

absl::StatusOr<TestCertificateAuthority> TestCertificateAuthority::Create() {
  Key key(EVP_EC_gen("P-256"));
  if (key == nullptr) return OpenSslError("EVP_EC_gen");
  absl::StatusOr<Cert> cert =
      Sign("jixiao test CA", key.get(), nullptr, key.get(), /*is_ca=*/true, {});
  if (!cert.ok()) return cert.status();
  absl::StatusOr<IssuedCertificate> pem = ToPem(cert->get(), key.get());
  if (!pem.ok()) return pem.status();
  TestCertificateAuthority authority;
  authority.ca_ = *std::move(pem);
  return authority;
}

absl::StatusOr<IssuedCertificate> TestCertificateAuthority::Issue(
    const std::string& common_name, const std::vector<std::string>& alternative_names) const {
  absl::StatusOr<Key> ca_key = ReadKey(ca_.key_pem);
  if (!ca_key.ok()) return ca_key.status();
  absl::StatusOr<Cert> ca_cert = ReadCert(ca_.cert_pem);
  if (!ca_cert.ok()) return ca_cert.status();
  Key key(EVP_EC_gen("P-256"));
  if (key == nullptr) return OpenSslError("EVP_EC_gen");
  absl::StatusOr<Cert> cert = Sign(common_name, key.get(), ca_cert->get(), ca_key->get(),
                                   /*is_ca=*/false, alternative_names);
  if (!cert.ok()) return cert.status();
  return ToPem(cert->get(), key.get());
}

}  // namespace jixiao::testing
