#include "callstation/controller/daemon.h"

#include "shared/config/demo_hall.h"
#include "shared/config/hall_config_toml.h"
#include "callstation/controller/attachment_desk.h"
#include "callstation/controller/engine_worker.h"
#include "callstation/controller/hall_pki.h"
#include "callstation/controller/hub.h"
#include "callstation/controller/window_keypads.h"
#include "callstation/controller/window_strips.h"
#include "callstation/controller/listener.h"
#include "callstation/controller/log.h"
#include "callstation/controller/person_key_secret.h"
#include "callstation/controller/rest_api.h"
#include "callstation/controller/staff_desk.h"
#include "callstation/controller/tls_server.h"
#include "shared/tz/system_zone.h"

#include <fstream>
#include <systemd/sd-daemon.h>

namespace hall::controller {

namespace fs = std::filesystem;

namespace {

void writePrivateFile(const fs::path& file, const std::string& content) {
    const fs::path temporary = file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        fs::permissions(temporary, fs::perms::owner_read | fs::perms::owner_write);
        out << content;
        if (!out.flush()) throw StartupError("cannot write " + file.string());
    }
    fs::rename(temporary, file);
}

core::HallConfig loadConfig(const fs::path& file) {
    auto loaded = config::loadHallConfig(file);
    if (auto* errors = std::get_if<std::vector<core::ConfigError>>(&loaded))
        throw StartupError("hall configuration " + file.string() + " is not valid:\n" +
                           core::describe(*errors));
    return std::get<core::HallConfig>(std::move(loaded));
}

// hallctl on the queue host authenticates with this admin credential; other admin tools are
// enrolled like any terminal.
void ensureLocalAdmin(DeviceRegistry& registry, const fs::path& file, core::Timestamp now) {
    if (fs::exists(file)) {
        std::ifstream in(file);
        std::string credential;
        std::getline(in, credential);
        if (!registry.authenticate(credential))
            logWarning(file.string() + " holds a revoked or unknown credential; delete it and "
                                       "restart callstationd to create a new one");
        return;
    }
    protocol::DeviceIdentity admin;
    admin.device = "hallctl-local";
    admin.role = protocol::Role::Admin;
    const auto code = registry.createEnrollmentCode(admin, now, std::chrono::minutes(1));
    auto enrolled = registry.enroll(code, now);
    if (!enrolled) throw StartupError("could not enroll the local admin credential");
    writePrivateFile(file, enrolled->credential + "\n");
    logInfo("created the local admin credential " + file.string());
}

// The log line of a retention purge, and the audit log's entries: ids, tickets, kinds and sizes.
std::vector<std::string> announceExpired(const std::vector<AttachmentInfo>& removed, int days) {
    std::vector<std::string> details;
    for (const auto& a : removed)
        details.push_back(attachmentSummary(a));
    if (!removed.empty())
        logInfo("attachments: " + std::to_string(removed.size()) + " stored more than " +
                std::to_string(days) + " day(s) ago deleted");
    return details;
}

store::StoreOptions storeAt(const fs::path& database) {
    store::StoreOptions options;
    options.path = database;
    return options;
}

} // namespace

struct Daemon::Impl {
    DaemonOptions options;
    fs::path configFile;
    std::unique_ptr<core::Clock> clock; // the system clock, or a demo's fast one
    ServerMetrics metrics; // before io: sessions destroyed with pending handlers still count down
    boost::asio::io_context io{1};
    boost::asio::ssl::context tls{boost::asio::ssl::context::tls_server};
    std::unique_ptr<EngineWorker> worker;
    // After the worker: its tasks hand the worker audit entries.
    std::unique_ptr<AttachmentDesk> attachments;
    std::unique_ptr<StaffDesk> staff;
    std::unique_ptr<Hub> hub;
    BusHealth busHealth;
    std::unique_ptr<WindowStrips> strips;   // the hall bus: after the worker, gone before it
    std::unique_ptr<WindowKeypads> keypads;
    std::unique_ptr<ServerContext> context;
    std::unique_ptr<RestApi> api;
    std::unique_ptr<Listener> listener;
    boost::asio::signal_set stopSignals{io, SIGTERM, SIGINT};
    boost::asio::signal_set reloadSignal{io, SIGHUP};
    boost::asio::steady_timer watchdog{io};
    boost::asio::steady_timer attachmentPurge{io};
    std::chrono::milliseconds attachmentPurgeInterval = std::chrono::hours(1);
    bool workerAnswered = true;

    void waitForStop();
    void waitForReload();
    void reload();
    void startWatchdog();
    void startAttachmentPurge();
    void startHallBus(const core::HallConfig& config, const protocol::HallView& view);
};

Daemon::Daemon(DaemonOptions options) : d_(std::make_unique<Impl>()) {
    auto& d = *d_;
    d.options = std::move(options);
    const fs::path& dir = d.options.dataDir;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw StartupError("cannot create the data directory " + dir.string() + ": " +
                           ec.message());
    fs::permissions(dir, fs::perms::owner_all, ec);

    const auto realNow = core::SystemClock().now();
    HallPki pki;
    core::HallConfig config;
    try {
        d.configFile = d.options.configFile.value_or(dir / files::kHallConfig);
        if (!d.options.configFile && !fs::exists(d.configFile)) {
            std::ofstream(d.configFile) << config::demoHallToml();
            logInfo("no hall configuration yet: wrote the demo hall to " + d.configFile.string());
        }
        config = loadConfig(d.configFile);
        pki = ensureHallPki(dir / files::kPkiDir, config.name, d.options.hosts, realNow);
        if (pki.caCreated) logInfo("created the hall CA " + (dir / files::kCaCertificate).string());
        d.tls = makeServerTlsContext(pki);
    } catch (const PkiError& e) {
        throw StartupError(std::string("TLS set-up failed: ") + e.what());
    }

    // Before the database is opened: a damaged secret file stops start-up before any device,
    // ticket or credential is touched.
    const bool secretExisted = fs::exists(dir / files::kPersonKeySecret);
    std::string personKeySecret = ensurePersonKeySecret(dir / files::kPersonKeySecret);
    if (!secretExisted)
        logInfo("created the hall's person-key secret " + (dir / files::kPersonKeySecret).string());
    // So does a missing or foreign attachment key, or a file in the attachments directory that is
    // not one of them: a new key would leave every attachment held unreadable.
    const fs::path attachmentsDir = dir / files::kAttachmentsDir;
    auto attachmentStore =
        std::make_unique<EncryptedAttachmentStore>(EncryptedAttachmentStore::open(
            attachmentsDir,
            AttachmentKey::load(d.options.attachmentKeyFile.value_or(dir / files::kAttachmentKey),
                                !EncryptedAttachmentStore::holdsAttachments(attachmentsDir))));
    const auto zone = tz::loadZone(config.timeZone);
    auto tickInterval = std::chrono::milliseconds(5000);
    if (const auto& demo = d.options.demoClock) {
        const auto start =
            core::localToUtc(*zone, core::toLocal(*zone, realNow).date, demo->startSecond / 60,
                             demo->startSecond % 60) +
            demo->elapsedAt(realNow);
        d.clock = std::make_unique<core::ScaledClock>(start, demo->speed);
        tickInterval =
            std::max(std::chrono::milliseconds(50),
                     std::chrono::milliseconds(static_cast<std::int64_t>(5000 / demo->speed)));
        d.attachmentPurgeInterval =
            std::max(std::chrono::milliseconds(1000),
                     std::chrono::milliseconds(static_cast<std::int64_t>(3'600'000 / demo->speed)));
        logInfo("demo clock: the hall's day runs " + std::to_string(static_cast<int>(demo->speed)) +
                "× faster from " + core::formatLocalClock(*zone, start));
    } else {
        d.clock = std::make_unique<core::SystemClock>();
    }
    const auto now = d.clock->now();
    const fs::path database = dir / files::kDatabase;
    HallData data{store::DurableEngine::open(storeAt(database), config, zone, now),
                  DeviceRegistry::open(database), AuditLog::open(database),
                  ContentStore::open(dir / files::kContentDir),
                  BookingBook::open(dir / files::kBookings), FollowUps::open(database)};
    // The retention period runs on the hall's clock: what ran out while the controller was stopped
    // is gone before anyone can ask for it.
    const int retentionDays = config.attachments.retentionDays;
    const auto expired = attachmentStore->purgeStoredBefore(now - std::chrono::days(retentionDays));
    if (const auto details = announceExpired(expired, retentionDays); !details.empty())
        data.audit.recordAll(now, "callstationd", "attachment_expired", details);
    logInfo("attachments: " + std::to_string(attachmentStore->size()) + " held in " +
            attachmentsDir.string() + ", each deleted " + std::to_string(retentionDays) +
            " day(s) after it was stored");
    auto signage = data.content.signage();
    auto staffCredentials = StaffCredentials::open(dir / files::kStaffCredentials);
    ensureLocalAdmin(data.registry, dir / files::kAdminCredential, now);

    d.worker = std::make_unique<EngineWorker>(
        std::move(data), *d.clock,
        [&io = d.io](std::function<void()> f) { boost::asio::post(io, std::move(f)); },
        EngineWorker::Publish{[&d](std::vector<protocol::Call> calls) {
                                  if (d.strips) d.strips->announce(calls);
                                  d.hub->announce(std::move(calls));
                              },
                              [&d](protocol::HallView view) {
                                  if (d.strips) d.strips->update(view);
                                  if (d.keypads) d.keypads->update(view);
                                  d.hub->update(std::move(view));
                              },
                              [&d](std::size_t opened) { d.metrics.followUpsOpened += opened; }},
        tickInterval);
    d.attachments = std::make_unique<AttachmentDesk>(
        std::move(attachmentStore),
        [&io = d.io](std::function<void()> f) { boost::asio::post(io, std::move(f)); });
    d.staff = std::make_unique<StaffDesk>(
        std::move(staffCredentials), *d.clock,
        [&io = d.io](std::function<void()> f) { boost::asio::post(io, std::move(f)); });
    d.hub = std::make_unique<Hub>(config, d.worker->initialView(), d.io.get_executor());
    d.hub->setSignage(std::move(signage));
    d.startHallBus(config, d.hub->view());
    d.context = std::make_unique<ServerContext>(
        ServerContext{*d.hub, *d.worker, *d.staff, *d.clock, d.metrics, d.busHealth, *d.attachments,
                      d.io.get_executor(), std::move(personKeySecret)});
    d.api = std::make_unique<RestApi>(*d.context);
    try {
        const auto address = boost::asio::ip::make_address(d.options.listenAddress);
        d.listener = std::make_unique<Listener>(
            d.io, boost::asio::ip::tcp::endpoint(address, d.options.port), d.tls, *d.context,
            *d.api);
    } catch (const boost::system::system_error& e) {
        throw StartupError("cannot listen on " + d.options.listenAddress + ":" +
                           std::to_string(d.options.port) + ": " + e.code().message());
    }
}

Daemon::~Daemon() = default;

int Daemon::run() {
    auto& d = *d_;
    d.listener->start();
    const auto port = d.listener->endpoint().port();
    writePrivateFile(d.options.dataDir / files::kPortFile, std::to_string(port) + "\n");
    d.waitForStop();
    d.waitForReload();
    d.startWatchdog();
    d.startAttachmentPurge();
    logInfo("hall '" + d.hub->config().name + "' serving on " + d.options.listenAddress + ":" +
            std::to_string(port) + " (terminals: wss://…/ws, admin: https://…/api/v1), data in " +
            d.options.dataDir.string());
    sd_notify(0, "READY=1");
    d.io.run();
    d.keypads.reset();
    d.strips.reset();
    // The desk first: what it finishes may still hand the worker an audit entry.
    d.attachments.reset();
    // Stopped: let the worker finish what it was given (answers go nowhere, but every commit
    // completes), then run the handlers it posted so each connection is released in order.
    d.worker.reset();
    d.io.restart();
    d.io.poll();
    fs::remove(d.options.dataDir / files::kPortFile);
    logInfo("stopped");
    return 0;
}

void Daemon::Impl::waitForStop() {
    stopSignals.async_wait([this](boost::system::error_code ec, int signal) {
        if (ec) return;
        logInfo(signal == SIGTERM ? "SIGTERM: stopping" : "SIGINT: stopping");
        sd_notify(0, "STOPPING=1");
        listener->stop();
        hub->closeAll();
        reloadSignal.cancel();
        watchdog.cancel();
        attachmentPurge.cancel();
        io.stop();
    });
}

void Daemon::Impl::waitForReload() {
    reloadSignal.async_wait([this](boost::system::error_code ec, int) {
        if (ec) return;
        reload();
        waitForReload();
    });
}

void Daemon::Impl::reload() {
    sd_notify(0, "RELOADING=1");
    auto loaded = config::loadHallConfig(configFile);
    if (auto* errors = std::get_if<std::vector<core::ConfigError>>(&loaded)) {
        logError("SIGHUP: " + configFile.string() +
                 " not reloaded, the running configuration stays:\n" + core::describe(*errors));
        sd_notify(0, "READY=1");
        return;
    }
    auto config = std::get<core::HallConfig>(std::move(loaded));
    const fs::path database = options.dataDir / files::kDatabase;
    worker->run([this, config, database](HallData& data) {
        std::string error;
        try {
            auto zone = tz::loadZone(config.timeZone);
            // A second engine is built from the journal under the new configuration; only if
            // that succeeds does it replace the running one.
            data.engine = store::DurableEngine::open(storeAt(database), config, zone, clock->now());
        } catch (const std::exception& e) {
            error = e.what();
        }
        boost::asio::post(io, [this, config, error] {
            if (error.empty()) {
                hub->setConfig(config);
                try {
                    startHallBus(config, hub->view());
                } catch (const std::exception& e) {
                    logError(std::string("SIGHUP: ") + e.what());
                }
                logInfo("SIGHUP: reloaded " + configFile.string());
            } else {
                logError("SIGHUP: " + configFile.string() +
                         " not applied, the running configuration stays: " + error);
            }
            sd_notify(0, "READY=1");
        });
    });
}

// The LED strips and keypads of the hall TOML's bus lines; a reload starts them anew (the old
// lines let go of their ports first).
void Daemon::Impl::startHallBus(const core::HallConfig& config, const protocol::HallView& view) {
    keypads.reset();
    strips.reset();
    busHealth.reset(config);
    try {
        strips = std::make_unique<WindowStrips>(config, view, busHealth, *clock, io.get_executor());
        keypads = std::make_unique<WindowKeypads>(config, view, *worker, busHealth, *clock,
                                                  io.get_executor());
    } catch (const std::invalid_argument& e) {
        throw StartupError(std::string("hall bus: ") + e.what());
    }
}

// Attachments whose retention period has run out are deleted every hour (of the hall's clock in a
// fast demo, but not more often than every second), by the retention of the configuration in
// force: a reload that shortens it applies at the next purge.
void Daemon::Impl::startAttachmentPurge() {
    attachmentPurge.expires_after(attachmentPurgeInterval);
    attachmentPurge.async_wait([this](boost::system::error_code ec) {
        if (ec) return;
        const int days = hub->config().attachments.retentionDays;
        const auto now = clock->now();
        attachments->run([this, days, now](AttachmentSink& sink) {
            std::vector<AttachmentInfo> removed;
            try {
                removed = sink.purgeStoredBefore(now - std::chrono::days(days));
            } catch (const std::exception& e) {
                logWarning(std::string("attachments: the retention purge failed: ") + e.what());
                return;
            }
            if (removed.empty()) return;
            worker->run([now, details = announceExpired(removed, days)](HallData& data) {
                try {
                    data.audit.recordAll(now, "callstationd", "attachment_expired", details);
                } catch (const std::exception& e) {
                    logWarning(std::string("attachments: expired ones not written to the audit "
                                           "log: ") +
                               e.what());
                }
            });
        });
        startAttachmentPurge();
    });
}

void Daemon::Impl::startWatchdog() {
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0) return;
    watchdog.expires_after(std::chrono::microseconds(usec / 2));
    watchdog.async_wait([this](boost::system::error_code ec) {
        if (ec) return;
        // Alive means both threads turn: this one runs the timer, the worker answers a probe.
        if (workerAnswered)
            sd_notify(0, "WATCHDOG=1");
        else
            logWarning("watchdog: the database thread has not answered for half an interval");
        workerAnswered = false;
        worker->run(
            [this](HallData&) { boost::asio::post(io, [this] { workerAnswered = true; }); });
        startWatchdog();
    });
}

} // namespace hall::controller
