// Only TLS 1.2+ with forward-secret AEAD suites is offered: older versions and weak suites fail
// the handshake.

#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"

#include "callstation/netclient/asio.h"

#include <doctest/doctest.h>
#include <openssl/ssl.h>

using namespace hall::testing;
namespace ssl = boost::asio::ssl;

namespace {

// A bare TLS handshake with the given version range and TLS 1.2 cipher list.
bool handshakes(const DaemonProcess& daemon, int minVersion, int maxVersion, const char* ciphers) {
    boost::asio::io_context io;
    ssl::context tls(ssl::context::tls_client);
    SSL_CTX_set_min_proto_version(tls.native_handle(), minVersion);
    SSL_CTX_set_max_proto_version(tls.native_handle(), maxVersion);
    // Allow what a modern OpenSSL refuses by default, so that it is the server saying no.
    SSL_CTX_set_security_level(tls.native_handle(), 0);
    if (ciphers != nullptr) SSL_CTX_set_cipher_list(tls.native_handle(), ciphers);
    tls.add_certificate_authority(boost::asio::buffer(daemon.caPem()));
    tls.set_verify_mode(ssl::verify_peer);
    ssl::stream<boost::asio::ip::tcp::socket> stream(io, tls);
    stream.next_layer().connect({boost::asio::ip::make_address("127.0.0.1"), daemon.port()});
    boost::system::error_code ec;
    stream.handshake(ssl::stream_base::client, ec);
    return !ec;
}

} // namespace

TEST_CASE("TLS: 1.2 with ECDHE+AEAD and 1.3 succeed; 1.0, 1.1 and weak 1.2 suites fail") {
    TempDir dir("daemon-tls");
    DaemonProcess daemon(dir.path());
    CHECK(handshakes(daemon, TLS1_3_VERSION, TLS1_3_VERSION, nullptr));
    CHECK(handshakes(daemon, TLS1_2_VERSION, TLS1_2_VERSION, "ECDHE-ECDSA-AES128-GCM-SHA256"));
    CHECK(handshakes(daemon, TLS1_2_VERSION, TLS1_2_VERSION, "ECDHE-ECDSA-CHACHA20-POLY1305"));
    CHECK_FALSE(handshakes(daemon, TLS1_VERSION, TLS1_VERSION, "ALL:@SECLEVEL=0"));
    CHECK_FALSE(handshakes(daemon, TLS1_1_VERSION, TLS1_1_VERSION, "ALL:@SECLEVEL=0"));
    // CBC with SHA-1 and SHA-256 MACs, and suites without forward secrecy.
    CHECK_FALSE(handshakes(daemon, TLS1_2_VERSION, TLS1_2_VERSION, "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA"));
    CHECK_FALSE(handshakes(daemon, TLS1_2_VERSION, TLS1_2_VERSION, "ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES256-SHA384"));
    CHECK_FALSE(handshakes(daemon, TLS1_2_VERSION, TLS1_2_VERSION, "AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA"));
    CHECK(daemon.running());
}
