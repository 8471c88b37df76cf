#include "callstation/controller/tls_server.h"

#include <openssl/ssl.h>

namespace hall::controller {

boost::asio::ssl::context makeServerTlsContext(const HallPki& pki) {
    namespace ssl = boost::asio::ssl;
    ssl::context tls(ssl::context::tls_server);
    tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                    ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                    ssl::context::single_dh_use | SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                    SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
    if (SSL_CTX_set_cipher_list(tls.native_handle(),
                                "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
                                "ECDHE-ECDSA-CHACHA20-POLY1305") != 1)
        throw PkiError("no TLS 1.2 cipher suite available");
    tls.use_certificate_chain(boost::asio::buffer(pki.serverCertificatePem));
    tls.use_private_key(boost::asio::buffer(pki.serverKeyPem), ssl::context::pem);
    return tls;
}

} // namespace hall::controller
