// The client TLS context: TLS 1.2 minimum and the hall CA as the only trust anchor.

#include "callstation/netclient/errors.h"
#include "callstation/netclient/tls_client.h"
#include "tests/netclient/test_pki.h"

#include <doctest/doctest.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

using namespace hall::netclient;
using hall::netclient::testing::hallPki;

TEST_CASE("the client context requires TLS 1.2 and trusts exactly the given CA") {
    auto context = makeClientTlsContext(hallPki().caCertificatePem);
    CHECK(SSL_CTX_get_min_proto_version(context.native_handle()) == TLS1_2_VERSION);
    CHECK((SSL_CTX_get_verify_mode(context.native_handle()) & SSL_VERIFY_PEER) != 0);
    // No system CAs: the store holds the one certificate given.
    X509_STORE* store = SSL_CTX_get_cert_store(context.native_handle());
    CHECK(sk_X509_OBJECT_num(X509_STORE_get0_objects(store)) == 1);
}

TEST_CASE("a CA that is not a PEM certificate is refused") {
    CHECK_THROWS_AS(makeClientTlsContext(""), ConnectionError);
    CHECK_THROWS_AS(makeClientTlsContext("not a certificate"), ConnectionError);
    // A key is PEM, but no certificate.
    CHECK_THROWS_AS(makeClientTlsContext(hallPki().serverKeyPem), ConnectionError);
}
