#include "tests/support/server_tls_context.h"

#include <openssl/ssl.h>
#include <stdexcept>

namespace hall::testing {

boost::asio::ssl::context makeTestServerTlsContext(const std::string& certificatePem,
                                                   const std::string& keyPem) {
    namespace ssl = boost::asio::ssl;
    ssl::context context(ssl::context::tls_server);
    if (SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION) != 1)
        throw std::runtime_error("cannot require TLS 1.2");
    context.use_certificate_chain(boost::asio::buffer(certificatePem));
    context.use_private_key(boost::asio::buffer(keyPem), ssl::context::pem);
    return context;
}

} // namespace hall::testing
