#include "drivers/docprint/cups_connection.h"

#include "drivers/base/device_error.h"

#include <cerrno>
#include <cstring>
#include <sys/socket.h>

namespace hall::drivers::docprint {

namespace {

// libcups asks for a password when cupsd answers 401. The default callback reads the terminal,
// which would hang a kiosk; answering "no password" makes the request fail with
// not-authorized instead.
const char* noPassword(const char*, http_t*, const char*, const char*, void*) {
    return nullptr;
}

std::string unreachableText(const CupsServer& server, const std::string& detail) {
    std::string text = "the print server (cupsd) at " + server.describe() + " does not answer";
    if (!detail.empty()) text += " (" + detail + ")";
    return text + ": check that CUPS is running (systemctl status cups) and that CUPS_SERVER "
                  "or client.conf names the right server";
}

// libcups reports a connection that failed or timed out as internal-error (0x0500) or
// service-unavailable (0x0502) with the system's error text; cupsd itself answers these only
// when it is shutting down or broken, which is as good as unreachable.
bool transportStatus(ipp_status_t status) {
    return status == IPP_STATUS_ERROR_INTERNAL || status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE;
}

} // namespace

CupsServer CupsServer::fromEnvironment() {
    // cupsServer() and ippPort() apply libcups' own rules: CUPS_SERVER ("host", "host:port" or
    // a socket path), ~/.cups/client.conf, /etc/cups/client.conf, then the default socket.
    return CupsServer{cupsServer(), ippPort()};
}

std::string CupsServer::describe() const {
    if (!host.empty() && host.front() == '/') return host;
    return host + ":" + std::to_string(port);
}

CupsConnection::CupsConnection(CupsServer server, CupsTimeouts timeouts, std::stop_token stop)
    : server_(std::move(server)), timeouts_(timeouts), stop_(std::move(stop)) {
    cupsSetPasswordCB2(noPassword, nullptr); // per thread in libcups
    if (server_.host.empty())
        throw DeviceFailure(deviceError("cupsd_unreachable", unreachableText(server_, "no host")));
    http_ = httpConnect2(server_.host.c_str(), server_.port, nullptr, AF_UNSPEC,
                         HTTP_ENCRYPTION_IF_REQUESTED, 1,
                         static_cast<int>(timeouts_.connect.count()), nullptr);
    if (!http_) {
        const int err = errno;
        throw DeviceFailure(
            deviceError("cupsd_unreachable", unreachableText(server_, std::strerror(err))));
    }
    httpSetTimeout(http_, std::chrono::duration<double>(kStopLatency).count(), keepWaiting, this);
}

CupsConnection::~CupsConnection() {
    if (http_) httpClose(http_);
}

int CupsConnection::keepWaiting(http_t*, void* self) {
    const auto* c = static_cast<const CupsConnection*>(self);
    if (c->stop_.stop_requested()) return 0;
    return std::chrono::steady_clock::now() < c->deadline_ ? 1 : 0;
}

void CupsConnection::arm() {
    deadline_ = std::chrono::steady_clock::now() + timeouts_.io;
}

IppPtr CupsConnection::newRequest(ipp_op_t op) {
    IppPtr request(ippNewRequest(op)); // adds attributes-charset and attributes-natural-language
    ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr,
                 cupsUser());
    return request;
}

void CupsConnection::addPrinterUri(ipp_t* request, const std::string& queue) const {
    // cupsd finds the queue by the resource path; the host part only has to be well formed.
    const bool local = server_.host.empty() || server_.host.front() == '/';
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr,
                     local ? "localhost" : server_.host.c_str(), local ? ippPort() : server_.port,
                     "/printers/%s", queue.c_str());
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri);
}

void CupsConnection::addJobUri(ipp_t* request, int jobId) const {
    const bool local = server_.host.empty() || server_.host.front() == '/';
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr,
                     local ? "localhost" : server_.host.c_str(), local ? ippPort() : server_.port,
                     "/jobs/%d", jobId);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, uri);
}

IppPtr CupsConnection::send(IppPtr request, const char* resource) {
    arm();
    // cupsDoRequest takes the request and frees it, whatever happens.
    IppPtr response(cupsDoRequest(http_, request.release(), resource));
    const ipp_status_t status = cupsLastError();
    if (!response || status > IPP_STATUS_OK_EVENTS_COMPLETE) throwLastError("IPP request");
    return response;
}

void CupsConnection::throwLastError(const std::string& what) const {
    const ipp_status_t status = cupsLastError();
    const char* text = cupsLastErrorString();
    const std::string detail = text ? text : "";
    if (stop_.stop_requested())
        throw DeviceFailure(deviceError("stopped", what + " interrupted: the device is stopping"));
    // No IPP status at all means nothing came back either.
    if (transportStatus(status) || status <= IPP_STATUS_OK_EVENTS_COMPLETE)
        throw DeviceFailure(deviceError("cupsd_unreachable", unreachableText(server_, detail)));
    throw IppError(status, what + " refused by the print server: " + ippErrorString(status) +
                               (detail.empty() ? "" : " (" + detail + ")"));
}

} // namespace hall::drivers::docprint
