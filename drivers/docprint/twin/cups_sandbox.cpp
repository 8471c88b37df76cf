#include "drivers/docprint/twin/cups_sandbox.h"

#include "drivers/base/device_error.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace hall::drivers::docprint::twin {

namespace fs = std::filesystem;

namespace {

constexpr auto kStopTimeout = std::chrono::seconds(5);
constexpr auto kAdminRetryWindow = std::chrono::seconds(5);

// The pass-through PPD of hall-file and hall-twin. *cupsFilter lines map an input type to the
// filter that turns it into what the printer takes, with a cost; gziptoany with cost 0 only
// un-gzips (our documents are not gzipped) and copies, so the device gets the bytes as sent.
// application/pdf is listed so a PDF is not routed through pdftopdf; vnd.cups-raw is what raw
// jobs are typed as; octet-stream covers a client that does not say.
constexpr const char* kPassThroughPpd = R"ppd(*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "HALLPASS.PPD"
*Manufacturer: "Hall"
*Product: "(Hall pass-through)"
*ModelName: "Hall pass-through printer"
*ShortNickName: "Hall pass-through"
*NickName: "Hall pass-through printer"
*PSVersion: "(3010.000) 0"
*LanguageLevel: "3"
*ColorDevice: True
*DefaultColorSpace: RGB
*FileSystem: False
*Throughput: "1"
*LandscapeOrientation: Plus90
*TTRasterizer: Type42
*cupsVersion: 2.4
*cupsFilter: "application/vnd.cups-raw 0 gziptoany"
*cupsFilter: "application/octet-stream 0 gziptoany"
*cupsFilter: "application/pdf 0 gziptoany"
*OpenUI *PageSize/Media Size: PickOne
*OrderDependency: 10 AnySetup *PageSize
*DefaultPageSize: A4
*PageSize A4/A4: "<</PageSize[595 842]>>setpagedevice"
*CloseUI: *PageSize
*OpenUI *PageRegion: PickOne
*OrderDependency: 10 AnySetup *PageRegion
*DefaultPageRegion: A4
*PageRegion A4/A4: "<</PageSize[595 842]>>setpagedevice"
*CloseUI: *PageRegion
*DefaultImageableArea: A4
*ImageableArea A4/A4: "0 0 595 842"
*DefaultPaperDimension: A4
*PaperDimension A4/A4: "595 842"
*OpenUI *Duplex/2-Sided Printing: PickOne
*OrderDependency: 10 AnySetup *Duplex
*DefaultDuplex: None
*Duplex None/Off: "<</Duplex false>>setpagedevice"
*Duplex DuplexNoTumble/Long Edge: "<</Duplex true/Tumble false>>setpagedevice"
*Duplex DuplexTumble/Short Edge: "<</Duplex true/Tumble true>>setpagedevice"
*CloseUI: *Duplex
)ppd";

// The hall-twin backend. cupsd runs a backend as
//   hall-twin JOB-ID USER TITLE COPIES OPTIONS [FILE]   with DEVICE_URI=hall-twin://DIR
// (no FILE: the data comes on stdin) and reads "STATE: +reason" / "ERROR: text" lines from its
// stderr. Exit code 4 (CUPS_BACKEND_STOP) makes cupsd stop the queue and keep the job, which is
// what a printer's backend does when the paper runs out.
constexpr const char* kTwinBackend = R"sh(#!/bin/sh
# hall-twin: a printer that can run out of paper, for the hall suite's CUPS sandbox.
[ $# -eq 0 ] && exit 0  # device discovery (lpinfo -v): nothing to find
dir=${DEVICE_URI#hall-twin://}
if [ -e "$dir/paper-out" ]; then
  echo "STATE: +media-empty-error" >&2
  echo "ERROR: Out of paper" >&2
  exit 4
fi
if [ $# -ge 6 ]; then cat -- "$6"; else cat; fi > "$dir/job-$1.part" || exit 1
mv "$dir/job-$1.part" "$dir/job-$1.bin"
echo "STATE: -media-empty-error" >&2
exit 0
)sh";

void writeFile(const fs::path& path, const std::string& text, fs::perms perms) {
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) throw std::runtime_error("cannot write " + path.string());
    }
    fs::permissions(path, perms);
}

std::uint16_t freeTcpPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error("socket() failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    std::uint16_t port = 0;
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    if (port == 0) throw std::runtime_error("no free TCP port on 127.0.0.1");
    return port;
}

bool waitForExit(pid_t pid, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        int status = 0;
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid || (r < 0 && errno == ECHILD)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

const std::vector<const char*> kServerBinLinks = {"filter", "daemon"};

} // namespace

CupsSandbox::CupsSandbox(CupsSandboxOptions options) : options_(std::move(options)) {
    if (options_.root.empty()) {
        std::string pattern = (fs::temp_directory_path() / "hall-cups-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create " + pattern);
        root_ = pattern;
        ownsRoot_ = true;
    } else {
        root_ = fs::absolute(options_.root);
        fs::create_directories(root_);
    }
    try {
        // cupsd running as root hands spool files to filters running as "lp": they must be able
        // to walk down to the spool.
        fs::permissions(root_, fs::perms::owner_all | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read |
                                   fs::perms::others_exec);
        fs::create_directories(root_ / "network");
        network_ = std::make_unique<SocketPrinter>(0, root_ / "network");
        if (options_.listenTcp) tcpPort_ = freeTcpPort();
        writeConfiguration();
        installServerBin();
        startDaemon();
        addQueues();
    } catch (...) {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            waitForExit(pid_, kStopTimeout);
        }
        if (ownsRoot_) {
            std::error_code ignored;
            fs::remove_all(root_, ignored);
        }
        throw;
    }
}

CupsSandbox::~CupsSandbox() {
    try {
        stopDaemon();
    } catch (...) {
    }
    network_.reset();
    if (ownsRoot_) {
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }
}

void CupsSandbox::writeConfiguration() {
    for (const char* d : {"etc", "spool", "cache", "state", "tmp", "log", "out", "twin"})
        fs::create_directories(root_ / d);
    const std::string r = root_.string();

    std::ostringstream files;
    files << "# cups-files.conf of the hall suite's private cupsd (cups_sandbox.h)\n"
          << "ServerRoot " << r << "/etc\n"
          << "ServerBin " << r << "/bin\n"
          << "RequestRoot " << r << "/spool\n"
          << "CacheDir " << r << "/cache\n"
          << "StateDir " << r << "/state\n"
          << "TempDir " << r << "/tmp\n"
          << "AccessLog " << r << "/log/access_log\n"
          << "ErrorLog " << r << "/log/error_log\n"
          << "PageLog " << r
          << "/log/page_log\n"
          // file: device URIs are refused unless allowed; hall-file needs one.
          << "FileDevice Yes\n";
    writeFile(root_ / "etc" / "cups-files.conf", files.str(),
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                  fs::perms::others_read);

    std::ostringstream conf;
    conf << "# cupsd.conf of the hall suite's private cupsd (cups_sandbox.h)\n"
         << "LogLevel warn\n"
         << "MaxLogSize 0\n"
         // Write printers.conf at once, so queues survive a cupsd that is killed.
         << "DirtyCleanInterval 0\n"
         << "Listen " << r << "/cups.sock\n";
    if (tcpPort_ != 0) conf << "Listen 127.0.0.1:" << tcpPort_ << "\n";
    conf << "Browsing No\n"
         << "WebInterface No\n"
         << "DefaultAuthType None\n"
         << "<Location />\n  Order allow,deny\n  Allow localhost\n</Location>\n"
         << "<Location /admin>\n  Order allow,deny\n  Allow localhost\n</Location>\n"
         // Anyone local may do anything and see every job's attributes: the sandbox's
         // clients are the test and the demo.
         << "<Policy default>\n"
         << "  JobPrivateAccess all\n  JobPrivateValues none\n"
         << "  SubscriptionPrivateAccess all\n  SubscriptionPrivateValues none\n"
         << "  <Limit All>\n    Order deny,allow\n  </Limit>\n"
         << "</Policy>\n";
    writeFile(root_ / "etc" / "cupsd.conf", conf.str(),
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                  fs::perms::others_read);
    writeFile(root_ / "hall-pass-through.ppd", kPassThroughPpd,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                  fs::perms::others_read);
}

void CupsSandbox::installServerBin() {
    // cupsd looks for filters and backends under ServerBin. The system's filters serve as they
    // are (linked); backend/ holds only what the queues use: the system's socket backend and
    // hall-twin.
    const fs::path bin = root_ / "bin";
    fs::create_directories(bin / "backend");
    const fs::path system = HALL_CUPS_SERVERBIN;
    for (const char* link : kServerBinLinks) {
        std::error_code ignored;
        fs::remove(bin / link, ignored);
        fs::create_directory_symlink(system / link, bin / link);
    }
    std::error_code ignored;
    fs::remove(bin / "backend" / "socket", ignored);
    fs::create_symlink(system / "backend" / "socket", bin / "backend" / "socket");
    // 0700: cupsd runs a backend only its owner may read as root (when cupsd is root), so it can
    // write into twin/ without opening that directory to everyone. cupsd refuses backends that
    // others may write to.
    writeFile(bin / "backend" / "hall-twin", kTwinBackend, fs::perms::owner_all);
}

void CupsSandbox::startDaemon() {
    if (pid_ > 0) return;
    const auto begin = std::chrono::steady_clock::now();
    const std::string conf = (root_ / "etc" / "cupsd.conf").string();
    const std::string files = (root_ / "etc" / "cups-files.conf").string();
    const std::string out = (root_ / "log" / "cupsd.out").string();
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed for cupsd");
    if (pid == 0) {
        // Only async-signal-safe calls from here to exec: the parent has threads.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(1);
        const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ::dup2(fd, STDOUT_FILENO);
            ::dup2(fd, STDERR_FILENO);
        }
        ::execl(HALL_CUPSD_PATH, "cupsd", "-f", "-c", conf.c_str(), "-s", files.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    pid_ = pid;
    const auto until = begin + options_.startTimeout;
    while (std::chrono::steady_clock::now() < until) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("cupsd exited at start: " + errorLogTail());
        }
        try {
            CupsConnection cups(server(), CupsTimeouts{std::chrono::milliseconds(500),
                                                       std::chrono::milliseconds(2000)});
            IppPtr request = CupsConnection::newRequest(IPP_OP_CUPS_GET_PRINTERS);
            try {
                cups.send(std::move(request));
            } catch (const IppError&) {
                // not-found (no queue yet) is an answer too
            }
            startup_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - begin);
            return;
        } catch (const DeviceFailure&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    ::kill(pid_, SIGKILL);
    waitForExit(pid_, kStopTimeout);
    pid_ = -1;
    throw std::runtime_error("cupsd did not answer within " +
                             std::to_string(options_.startTimeout.count()) +
                             " ms: " + errorLogTail());
}

void CupsSandbox::stopDaemon() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    if (!waitForExit(pid_, kStopTimeout)) {
        ::kill(pid_, SIGKILL);
        waitForExit(pid_, kStopTimeout);
    }
    pid_ = -1;
}

void CupsSandbox::addQueues() {
    CupsConnection cups(server());
    const std::string r = root_.string();
    struct Queue {
        const char* name;
        std::string uri;
        const char* info;
        bool ppd;
    };
    const Queue queues[] = {
        {kFileQueue, "file://" + fileQueueOutput().string(), "Hall pass-through queue (file)",
         true},
        {kNetworkQueue, "socket://127.0.0.1:" + std::to_string(network_->port()),
         "Hall network printer (raw socket)", false},
        {kTwinQueue, "hall-twin://" + (root_ / "twin").string(),
         "Hall printer twin (can run out of paper)", true},
    };
    for (const auto& q : queues) {
        IppPtr request = CupsConnection::newRequest(IPP_OP_CUPS_ADD_MODIFY_PRINTER);
        cups.addPrinterUri(request.get(), q.name);
        ippAddString(request.get(), IPP_TAG_PRINTER, IPP_TAG_URI, "device-uri", nullptr,
                     q.uri.c_str());
        ippAddString(request.get(), IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-info", nullptr, q.info);
        ippAddString(request.get(), IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-location", nullptr,
                     "hall test bench");
        ippAddBoolean(request.get(), IPP_TAG_PRINTER, "printer-is-accepting-jobs", 1);
        ippAddInteger(request.get(), IPP_TAG_PRINTER, IPP_TAG_ENUM, "printer-state",
                      IPP_PSTATE_IDLE);
        cups.arm();
        // The PPD travels as the request's document (what lpadmin -P does).
        const std::string ppd = (root_ / "hall-pass-through.ppd").string();
        IppPtr response(
            q.ppd ? cupsDoFileRequest(cups.http(), request.release(), "/admin/", ppd.c_str())
                  : cupsDoRequest(cups.http(), request.release(), "/admin/"));
        if (!response || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE)
            throw std::runtime_error(std::string("cupsd refused to add queue ") + q.name + ": " +
                                     cupsLastErrorString());
    }
}

void CupsSandbox::adminRequest(ipp_op_t op, const std::string& queue) {
    // A cupsd that has just been restarted, or is busy writing its state on a loaded machine,
    // can close a fresh connection before it answers. A test's set-up must not fail on that,
    // so a request that got no answer at all is sent again for a while; a refusal is final.
    const auto until = std::chrono::steady_clock::now() + kAdminRetryWindow;
    for (;;) {
        try {
            CupsConnection cups(server());
            IppPtr request = CupsConnection::newRequest(op);
            cups.addPrinterUri(request.get(), queue);
            cups.send(std::move(request), "/admin/");
            return;
        } catch (const DeviceFailure& e) {
            if (std::chrono::steady_clock::now() >= until)
                throw std::runtime_error(std::string(e.what()) + "; cupsd's log ends: " +
                                         errorLogTail(1500));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
}

void CupsSandbox::pauseQueue(const std::string& queue) {
    adminRequest(IPP_OP_PAUSE_PRINTER, queue);
}
void CupsSandbox::resumeQueue(const std::string& queue) {
    adminRequest(IPP_OP_RESUME_PRINTER, queue);
}
void CupsSandbox::rejectJobs(const std::string& queue) {
    adminRequest(IPP_OP_CUPS_REJECT_JOBS, queue);
}
void CupsSandbox::acceptJobs(const std::string& queue) {
    adminRequest(IPP_OP_CUPS_ACCEPT_JOBS, queue);
}

void CupsSandbox::setDefaultQueue(const std::string& queue) {
    adminRequest(IPP_OP_CUPS_SET_DEFAULT, queue);
}

void CupsSandbox::setPaperOut(bool out) {
    const fs::path flag = root_ / "twin" / "paper-out";
    if (out) {
        writeFile(flag, "",
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                      fs::perms::others_read);
    } else {
        std::error_code ignored;
        fs::remove(flag, ignored);
    }
}

std::vector<fs::path> CupsSandbox::twinOutputs() const {
    std::vector<std::pair<long, fs::path>> found;
    for (const auto& e : fs::directory_iterator(root_ / "twin")) {
        const std::string name = e.path().filename().string();
        if (name.rfind("job-", 0) != 0 || e.path().extension() != ".bin") continue;
        found.emplace_back(std::strtol(name.c_str() + 4, nullptr, 10), e.path());
    }
    std::sort(found.begin(), found.end());
    std::vector<fs::path> out;
    for (auto& [id, path] : found)
        out.push_back(std::move(path));
    return out;
}

std::string CupsSandbox::errorLogTail(std::size_t bytes) const {
    std::string text;
    for (const char* name : {"error_log", "cupsd.out"}) {
        std::ifstream in(root_ / "log" / name, std::ios::binary);
        if (!in) continue;
        std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (all.size() > bytes) all = all.substr(all.size() - bytes);
        if (!all.empty()) text += std::string("[") + name + "] " + all;
    }
    return text.empty() ? std::string("(cupsd logged nothing)") : text;
}

} // namespace hall::drivers::docprint::twin
