#pragma once
// One connection to a CUPS server (libcups http_t) and the IPP requests sent over it.
//
// Where the server is: CupsServer, by default what libcups itself would use (CUPS_SERVER, then
// client.conf, then the local socket /run/cups/cups.sock or localhost:631). A host starting with
// '/' is a unix socket path; the port is ignored then.
//
// Every call is bounded. Connecting waits at most `connect`; each request gives up when cupsd
// sends nothing for `io`. A stop request ends a wait within kStopLatency (libcups asks our
// timeout callback whether to go on waiting; a stop says no). libcups retries a dropped
// connection once by itself inside a request.
//
// Errors: a server that cannot be reached (not running, socket gone, timed out) throws
// DeviceFailure with code "cupsd_unreachable"; a reachable server that refuses a request throws
// IppError carrying the IPP status, for the caller to turn into a message with context.
// libcups' error state is per thread, and so is a connection: use each from one thread.

#include <chrono>
#include <cups/cups.h>
#include <memory>
#include <stdexcept>
#include <stop_token>
#include <string>

namespace hall::drivers::docprint {

struct CupsServer {
    std::string host; // name, address, or a unix socket path
    int port = 631;

    static CupsServer fromEnvironment();
    std::string describe() const; // "/run/cups/cups.sock" or "printhost:631"
};

struct IppDeleter {
    void operator()(ipp_t* p) const noexcept { ippDelete(p); }
};
using IppPtr = std::unique_ptr<ipp_t, IppDeleter>;

class IppError : public std::runtime_error {
public:
    IppError(ipp_status_t status, const std::string& message)
        : std::runtime_error(message), status_(status) {}
    ipp_status_t status() const { return status_; }

private:
    ipp_status_t status_;
};

struct CupsTimeouts {
    std::chrono::milliseconds connect{3000};
    std::chrono::milliseconds io{10000};
};

class CupsConnection {
public:
    static constexpr std::chrono::milliseconds kStopLatency{250};

    // Throws DeviceFailure ("cupsd_unreachable") when the server cannot be reached.
    explicit CupsConnection(CupsServer server, CupsTimeouts timeouts = {},
                            std::stop_token stop = {});
    ~CupsConnection();
    CupsConnection(const CupsConnection&) = delete;
    CupsConnection& operator=(const CupsConnection&) = delete;

    const CupsServer& server() const { return server_; }
    const CupsTimeouts& timeouts() const { return timeouts_; }
    http_t* http() const { return http_; }

    // Opens a new IPP request with the attributes every request carries (charset, language,
    // requesting-user-name) and, when given, the printer-uri of `queue` or the job-uri of `job`.
    static IppPtr newRequest(ipp_op_t op);
    void addPrinterUri(ipp_t* request, const std::string& queue) const;
    void addJobUri(ipp_t* request, int jobId) const;

    // Sends `request` to `resource` and returns the response (status successful-ok or one of its
    // successful variants). Throws as described above.
    IppPtr send(IppPtr request, const char* resource = "/");

    // Starts the io budget of one step of a longer exchange (cupsCreateJob, cupsStartDocument,
    // a chunk of document data); send() calls it itself.
    void arm();
    // Throws for the outcome of a libcups call made on http() since arm(): DeviceFailure when
    // the connection failed, IppError for the IPP status libcups recorded.
    [[noreturn]] void throwLastError(const std::string& what) const;
    bool stopRequested() const { return stop_.stop_requested(); }

private:
    static int keepWaiting(http_t* http, void* self);

    CupsServer server_;
    CupsTimeouts timeouts_;
    std::stop_token stop_;
    std::chrono::steady_clock::time_point deadline_{};
    http_t* http_ = nullptr;
};

} // namespace hall::drivers::docprint
