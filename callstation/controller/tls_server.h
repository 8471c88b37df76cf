#pragma once
// The controller's TLS settings: TLS 1.2 and 1.3 only; on 1.2 only forward-secret AEAD suites
// (ECDHE with AES-GCM or ChaCha20-Poly1305), so no RSA key exchange, CBC or SHA-1 MACs.

#include "callstation/controller/hall_pki.h"
#include "callstation/netclient/asio.h"

namespace hall::controller {

boost::asio::ssl::context makeServerTlsContext(const HallPki& pki);

} // namespace hall::controller
