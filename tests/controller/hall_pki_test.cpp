// The hall CA and server certificate: created once, reused, renewed in time, never silently
// replaced when broken — and good enough for a real TLS 1.2+ handshake that checks the host.

#include "callstation/controller/hall_pki.h"

#include <doctest/doctest.h>
#include "tests/support/temp_dir.h"
#include <filesystem>
#include <fstream>
#include <memory>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

using namespace hall::controller;
namespace fs = std::filesystem;
using hall::testing::TempDir;
using namespace std::chrono;

namespace {

const system_clock::time_point kNow = sys_days{year{2026} / 11 / 23} + hours(1);

// A TLS client and server in memory (a BIO pair): returns the handshake's outcome, with the
// client trusting only `caPem`, checking that the server is `host`, its clock set to `at`.
bool handshake(const HallPki& pki, const std::string& caPem, const std::string& host,
               system_clock::time_point at = kNow, int* version = nullptr) {
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> serverCtx(SSL_CTX_new(TLS_server_method()),
                                                                SSL_CTX_free);
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> clientCtx(SSL_CTX_new(TLS_client_method()),
                                                                SSL_CTX_free);
    SSL_CTX_set_min_proto_version(serverCtx.get(), TLS1_2_VERSION);
    auto bio = [](const std::string& pem) {
        return BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    };
    BIO* certBio = bio(pki.serverCertificatePem);
    BIO* keyBio = bio(pki.serverKeyPem);
    X509* cert = PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr);
    EVP_PKEY* key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
    REQUIRE(SSL_CTX_use_certificate(serverCtx.get(), cert) == 1);
    REQUIRE(SSL_CTX_use_PrivateKey(serverCtx.get(), key) == 1);
    X509_free(cert);
    EVP_PKEY_free(key);
    BIO_free(certBio);
    BIO_free(keyBio);

    BIO* caBio = bio(caPem);
    X509* ca = PEM_read_bio_X509(caBio, nullptr, nullptr, nullptr);
    X509_STORE_add_cert(SSL_CTX_get_cert_store(clientCtx.get()), ca);
    X509_free(ca);
    BIO_free(caBio);
    SSL_CTX_set_verify(clientCtx.get(), SSL_VERIFY_PEER, nullptr);
    X509_VERIFY_PARAM_set_time(SSL_CTX_get0_param(clientCtx.get()), system_clock::to_time_t(at));

    SSL* server = SSL_new(serverCtx.get());
    SSL* client = SSL_new(clientCtx.get());
    SSL_set1_host(client, host.c_str());
    BIO *serverSide = nullptr, *clientSide = nullptr;
    BIO_new_bio_pair(&serverSide, 0, &clientSide, 0);
    SSL_set_bio(server, serverSide, serverSide);
    SSL_set_bio(client, clientSide, clientSide);
    SSL_set_accept_state(server);
    SSL_set_connect_state(client);
    bool done = false, failed = false;
    for (int round = 0; round < 20 && !done && !failed; ++round) {
        const int c = SSL_do_handshake(client);
        const int s = SSL_do_handshake(server);
        done = c == 1 && s == 1;
        const int ce = SSL_get_error(client, c), se = SSL_get_error(server, s);
        failed = (c != 1 && ce != SSL_ERROR_WANT_READ && ce != SSL_ERROR_WANT_WRITE) ||
                 (s != 1 && se != SSL_ERROR_WANT_READ && se != SSL_ERROR_WANT_WRITE);
    }
    if (version) *version = SSL_version(client);
    SSL_free(client);
    SSL_free(server);
    ERR_clear_error();
    return done;
}

std::string read(const fs::path& f) {
    std::ifstream in(f);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

TEST_CASE("a fresh data directory gets a CA and a server certificate a TLS client accepts") {
    TempDir dir;
    const auto pki =
        ensureHallPki(dir.path(), "示范中心", {"queue-host.hall.lan", "10.0.0.5"}, kNow);
    CHECK(pki.caCreated);
    CHECK(pki.serverIssued);
    for (const char* f : {"ca.crt", "ca.key", "server.crt", "server.key"})
        CHECK(fs::exists(dir.path() / f));
    const auto keyPerms = fs::status(dir.path() / "ca.key").permissions();
    CHECK((keyPerms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    CHECK((fs::status(dir.path() / "server.key").permissions() & fs::perms::others_all) ==
          fs::perms::none);

    int version = 0;
    CHECK(handshake(pki, pki.caCertificatePem, "queue-host.hall.lan", kNow, &version));
    CHECK(version >= TLS1_2_VERSION);
    CHECK(handshake(pki, pki.caCertificatePem, "localhost"));
    // The host check is real: a name the certificate does not carry is refused.
    CHECK_FALSE(handshake(pki, pki.caCertificatePem, "evil.example"));
}

TEST_CASE("a client that trusts another CA refuses the server") {
    TempDir a, b;
    const auto pki = ensureHallPki(a.path(), "A", {}, kNow);
    const auto other = ensureHallPki(b.path(), "B", {}, kNow);
    CHECK_FALSE(handshake(pki, other.caCertificatePem, "localhost"));
}

TEST_CASE("a second start reuses everything") {
    TempDir dir;
    const auto first = ensureHallPki(dir.path(), "h", {"host"}, kNow);
    const auto second = ensureHallPki(dir.path(), "h", {"host"}, kNow + hours(24 * 100));
    CHECK_FALSE(second.caCreated);
    CHECK_FALSE(second.serverIssued);
    CHECK(second.caCertificatePem == first.caCertificatePem);
    CHECK(second.serverCertificatePem == first.serverCertificatePem);
}

TEST_CASE("the server certificate is renewed before it expires or when a host is added") {
    TempDir dir;
    const auto first = ensureHallPki(dir.path(), "h", {}, kNow);
    const auto late = ensureHallPki(dir.path(), "h", {}, kNow + days(2 * 365 - 10));
    CHECK(late.serverIssued);
    CHECK_FALSE(late.caCreated);
    CHECK(late.caCertificatePem == first.caCertificatePem);
    CHECK(late.serverCertificatePem != first.serverCertificatePem);

    const auto renamed =
        ensureHallPki(dir.path(), "h", {"new-host.lan"}, kNow + days(2 * 365 - 10));
    CHECK(renamed.serverIssued);
    CHECK(handshake(renamed, renamed.caCertificatePem, "new-host.lan", kNow + days(2 * 365 - 10)));
}

TEST_CASE("a damaged server certificate is simply issued again") {
    TempDir dir;
    const auto first = ensureHallPki(dir.path(), "h", {}, kNow);
    std::ofstream(dir.path() / "server.crt") << "garbage";
    const auto again = ensureHallPki(dir.path(), "h", {}, kNow);
    CHECK(again.serverIssued);
    CHECK(again.caCertificatePem == first.caCertificatePem);
    CHECK(handshake(again, first.caCertificatePem, "localhost"));
}

TEST_CASE("a broken CA is an error that names the file, and nothing is overwritten") {
    TempDir dir;
    ensureHallPki(dir.path(), "h", {}, kNow);
    const auto caCert = read(dir.path() / "ca.crt");

    std::ofstream(dir.path() / "ca.key") << "-----BEGIN PRIVATE KEY-----\nbroken\n";
    CHECK_THROWS_WITH_AS(ensureHallPki(dir.path(), "h", {}, kNow), doctest::Contains("ca.key"),
                         PkiError);
    CHECK(read(dir.path() / "ca.crt") == caCert);

    fs::remove(dir.path() / "ca.key");
    CHECK_THROWS_WITH_AS(ensureHallPki(dir.path(), "h", {}, kNow), doctest::Contains("incomplete"),
                         PkiError);
    CHECK(read(dir.path() / "ca.crt") == caCert);
    CHECK_FALSE(fs::exists(dir.path() / "ca.key"));
}
