#pragma once
// TLS for clients of the hall controller. Terminals and tools trust exactly one issuer, the hall
// CA (ca.crt, PEM), never the system's CA store: a certificate from any public CA, however
// valid, is not the hall's controller. TLS 1.2 is the minimum (docs/protocol.md).

#include "callstation/netclient/asio.h"

#include <string>

namespace hall::netclient {

// A client context that verifies the peer against `caPem` only (one or more PEM certificates),
// with TLS 1.2 or later. Throws ConnectionError when `caPem` holds no usable certificate.
boost::asio::ssl::context makeClientTlsContext(const std::string& caPem);

// Per connection, before the handshake: sends `host` as SNI (DNS names only; RFC 6066 forbids
// literal addresses there) and makes OpenSSL's chain verification also require that the
// certificate names `host` (a DNS name, or an IP address matched against IP SANs).
// Throws ConnectionError if OpenSSL refuses the name.
void expectPeerHost(SSL* ssl, const std::string& host);

// Why a handshake failed, in words: the certificate verification result when that was the
// cause ("certificate verify failed: unable to get local issuer certificate"), else `ec`.
std::string describeTlsFailure(SSL* ssl, const boost::system::error_code& ec);

} // namespace hall::netclient
