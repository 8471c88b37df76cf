#include "callstation/netclient/tls_client.h"

#include "callstation/netclient/errors.h"

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace hall::netclient {

namespace ssl = boost::asio::ssl;

boost::asio::ssl::context makeClientTlsContext(const std::string& caPem) {
    ssl::context context(ssl::context::tls_client);
    if (SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION) != 1)
        throw ConnectionError("TLS: cannot require TLS 1.2 or later");
    // Compression enables CRIME-style attacks and is useless for small JSON frames.
    context.set_options(ssl::context::no_compression);
    boost::system::error_code ec;
    // Adds to this context's own store only; set_default_verify_paths() is deliberately never
    // called, so the hall CA is the only trust anchor.
    context.add_certificate_authority(boost::asio::buffer(caPem), ec);
    if (ec)
        throw ConnectionError("TLS: the hall CA certificate is not a usable PEM certificate (" +
                              ec.message() + ")");
    context.set_verify_mode(ssl::verify_peer);
    return context;
}

void expectPeerHost(SSL* ssl, const std::string& host) {
    boost::system::error_code ec;
    (void)boost::asio::ip::make_address(host, ec);
    const bool isAddress = !ec;
    X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
    if (isAddress) {
        if (X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str()) != 1)
            throw ConnectionError("TLS: cannot check the server's address " + host);
        return;
    }
    // A wildcard may stand for one whole label only ("*.hall.lan"), never part of one.
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    if (X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size()) != 1 ||
        // SSL_set_tlsext_host_name() without its macro's C-style cast.
        SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(host.c_str())) != 1)
        throw ConnectionError("TLS: cannot check the server's name " + host);
}

std::string describeTlsFailure(SSL* ssl, const boost::system::error_code& ec) {
    const long verify = SSL_get_verify_result(ssl);
    if (verify != X509_V_OK)
        return std::string("certificate verify failed: ") + X509_verify_cert_error_string(verify);
    return ec.message();
}

} // namespace hall::netclient
