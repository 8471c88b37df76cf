#include "callstation/controller/hall_pki.h"

#include <algorithm>
#include <arpa/inet.h>
#include <fstream>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <optional>
#include <sstream>
#include <sys/stat.h>

namespace hall::controller {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::system_clock;

constexpr int kCaValidDays = 20 * 365;
constexpr int kServerValidDays = 2 * 365;
constexpr int kRenewBeforeDays = 30;

template <auto Free> struct Deleter {
    template <typename T> void operator()(T* p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

// OpenSSL keeps its reasons on a per-thread queue: take them all, so the next call starts clean.
std::string opensslErrors() {
    std::string out;
    while (unsigned long code = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        if (!out.empty()) out += "; ";
        out += buf;
    }
    return out.empty() ? "no detail from OpenSSL" : out;
}

[[noreturn]] void fail(const std::string& what) {
    throw PkiError(what + ": " + opensslErrors());
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Written beside the target and renamed over it, so a crash never leaves half a key.
void writeFile(const fs::path& file, const std::string& text, fs::perms perms) {
    const fs::path partial = file.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out) throw PkiError("cannot write " + partial.string());
        fs::permissions(partial, perms);
        out << text;
        out.flush();
        if (!out) throw PkiError("cannot write " + partial.string());
    }
    fs::rename(partial, file);
}

std::string toPem(X509* cert) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) fail("encoding a certificate");
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

std::string toPem(EVP_PKEY* key) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        fail("encoding a private key");
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

X509Ptr certFromPem(const std::string& pem) {
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

KeyPtr keyFromPem(const std::string& pem) {
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return KeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

KeyPtr newKey() {
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key) fail("generating an EC P-256 key");
    return key;
}

void addExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
        fail("adding certificate extension " + std::string(OBJ_nid2sn(nid)) + "=" + value);
}

X509Ptr newCertificate(const std::string& commonName, EVP_PKEY* key, int validDays,
                       Clock::time_point now) {
    X509Ptr cert(X509_new());
    if (!cert) fail("allocating a certificate");
    X509_set_version(cert.get(), X509_VERSION_3);
    // 159 random bits: unique serials without keeping a counter (RFC 5280 allows 20 octets).
    std::unique_ptr<BIGNUM, Deleter<BN_free>> serial(BN_new());
    if (!serial || BN_rand(serial.get(), 159, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        fail("choosing a serial number");
    time_t start = Clock::to_time_t(now - std::chrono::hours(1)); // tolerate small clock skew
    if (!X509_time_adj_ex(X509_getm_notBefore(cert.get()), 0, 0, &start) ||
        !X509_time_adj_ex(X509_getm_notAfter(cert.get()), validDays, 0, &start))
        fail("setting the validity period");
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1,
                               0);
    if (X509_set_pubkey(cert.get(), key) != 1) fail("setting the public key");
    return cert;
}

void sign(X509* cert, X509* issuer, EVP_PKEY* issuerKey) {
    if (X509_set_issuer_name(cert, X509_get_subject_name(issuer)) != 1 ||
        X509_sign(cert, issuerKey, EVP_sha256()) <= 0)
        fail("signing a certificate");
}

bool isIpAddress(const std::string& host) {
    unsigned char buf[16];
    return inet_pton(AF_INET, host.c_str(), buf) == 1 ||
           inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

std::vector<std::string> serverHosts(const std::vector<std::string>& hosts) {
    std::vector<std::string> all{"localhost", "127.0.0.1"};
    for (const auto& h : hosts)
        if (!h.empty() && std::find(all.begin(), all.end(), h) == all.end()) all.push_back(h);
    return all;
}

// Valid at `at`, issued by the CA, and naming every host.
bool serverCertificateUsable(X509* server, X509* ca, const std::vector<std::string>& hosts,
                             Clock::time_point at) {
    StorePtr store(X509_STORE_new());
    StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!store || !ctx || X509_STORE_add_cert(store.get(), ca) != 1 ||
        X509_STORE_CTX_init(ctx.get(), store.get(), server, nullptr) != 1)
        fail("preparing certificate verification");
    X509_STORE_CTX_set_time(ctx.get(), 0, Clock::to_time_t(at));
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_SERVER);
    const bool chains = X509_verify_cert(ctx.get()) == 1;
    ERR_clear_error();
    if (!chains) return false;
    for (const auto& h : hosts) {
        const int match = isIpAddress(h) ? X509_check_ip_asc(server, h.c_str(), 0)
                                         : X509_check_host(server, h.c_str(), h.size(), 0, nullptr);
        if (match != 1) return false;
    }
    return true;
}

struct Loaded {
    X509Ptr cert;
    KeyPtr key;
};

// Both files or neither; anything in between is a broken CA that must not be papered over.
std::optional<Loaded> loadCa(const fs::path& certFile, const fs::path& keyFile) {
    const bool haveCert = fs::exists(certFile), haveKey = fs::exists(keyFile);
    if (!haveCert && !haveKey) return std::nullopt;
    if (haveCert != haveKey)
        throw PkiError("hall CA is incomplete: " + (haveCert ? keyFile : certFile).string() +
                       " is missing (restore it from a backup; terminals trust this CA)");
    Loaded ca{certFromPem(readFile(certFile)), keyFromPem(readFile(keyFile))};
    if (!ca.cert) fail("hall CA certificate " + certFile.string() + " is unreadable");
    if (!ca.key) fail("hall CA key " + keyFile.string() + " is unreadable");
    if (X509_check_private_key(ca.cert.get(), ca.key.get()) != 1)
        fail("hall CA key " + keyFile.string() + " does not belong to " + certFile.string());
    return ca;
}

} // namespace

HallPki ensureHallPki(const fs::path& dir, const std::string& hallName,
                      const std::vector<std::string>& hosts, Clock::time_point now) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw PkiError("cannot create " + dir.string() + ": " + ec.message());
    const auto caCert = dir / "ca.crt", caKey = dir / "ca.key";
    const auto serverCert = dir / "server.crt", serverKey = dir / "server.key";
    constexpr auto keyPerms = fs::perms::owner_read | fs::perms::owner_write;
    constexpr auto certPerms = keyPerms | fs::perms::group_read | fs::perms::others_read;

    HallPki out;
    auto ca = loadCa(caCert, caKey);
    if (!ca) {
        KeyPtr key = newKey();
        X509Ptr cert = newCertificate(hallName + " hall CA", key.get(), kCaValidDays, now);
        addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
        addExtension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
        addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
        sign(cert.get(), cert.get(), key.get());
        writeFile(caKey, toPem(key.get()), keyPerms);
        writeFile(caCert, toPem(cert.get()), certPerms);
        ca = Loaded{std::move(cert), std::move(key)};
        out.caCreated = true;
    }

    const auto names = serverHosts(hosts);
    X509Ptr current = fs::exists(serverCert) ? certFromPem(readFile(serverCert)) : nullptr;
    KeyPtr currentKey = fs::exists(serverKey) ? keyFromPem(readFile(serverKey)) : nullptr;
    ERR_clear_error();
    const bool usable = current && currentKey &&
                        X509_check_private_key(current.get(), currentKey.get()) == 1 &&
                        serverCertificateUsable(current.get(), ca->cert.get(), names,
                                                now + std::chrono::days(kRenewBeforeDays));
    ERR_clear_error();
    if (!usable) {
        KeyPtr key = newKey();
        X509Ptr cert =
            newCertificate(hallName + " hall controller", key.get(), kServerValidDays, now);
        addExtension(cert.get(), ca->cert.get(), NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert.get(), ca->cert.get(), NID_key_usage, "critical,digitalSignature");
        addExtension(cert.get(), ca->cert.get(), NID_ext_key_usage, "serverAuth");
        addExtension(cert.get(), ca->cert.get(), NID_authority_key_identifier, "keyid:always");
        std::string san;
        for (const auto& h : names)
            san += (san.empty() ? "" : ",") + std::string(isIpAddress(h) ? "IP:" : "DNS:") + h;
        addExtension(cert.get(), ca->cert.get(), NID_subject_alt_name, san);
        sign(cert.get(), ca->cert.get(), ca->key.get());
        writeFile(serverKey, toPem(key.get()), keyPerms);
        writeFile(serverCert, toPem(cert.get()), certPerms);
        current = std::move(cert);
        currentKey = std::move(key);
        out.serverIssued = true;
    }
    out.caCertificatePem = toPem(ca->cert.get());
    out.serverCertificatePem = toPem(current.get());
    out.serverKeyPem = toPem(currentKey.get());
    return out;
}

} // namespace hall::controller
