#pragma once
// The server side of TLS for the test servers: the given certificate (chain) and key, TLS 1.2
// or later, no client certificates.

#include "callstation/netclient/asio.h"

#include <string>

namespace hall::testing {

boost::asio::ssl::context makeTestServerTlsContext(const std::string& certificatePem,
                                                   const std::string& keyPem);

} // namespace hall::testing
