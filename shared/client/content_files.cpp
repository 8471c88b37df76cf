#include "shared/client/content_files.h"

#include <QLoggingCategory>

namespace hall::client {

namespace {

Q_LOGGING_CATEGORY(lcContent, "hall.content")

constexpr auto kRetry = std::chrono::seconds(30);

} // namespace

ContentFiles::ContentFiles(Backend* backend, std::filesystem::path dir, QObject* parent)
    : QObject(parent), backend_(backend), cache_(std::move(dir)) {
    retry_.setInterval(kRetry);
    connect(&retry_, &QTimer::timeout, this, &ContentFiles::fetchMissing);
}

void ContentFiles::want(std::vector<std::string> ids) {
    wanted_ = std::move(ids);
    cache_.keepOnly(wanted_);
    fetchMissing();
}

void ContentFiles::fetchMissing() {
    bool missing = false;
    for (const auto& id : wanted_) {
        if (id.empty() || cache_.has(id)) continue;
        missing = true;
        if (!backend_ || !fetching_.insert(id).second) continue;
        backend_->fetchContent(id, [this, id](std::optional<QByteArray> bytes) {
            fetching_.erase(id);
            if (!bytes) return; // offline, or gone: asked again later
            const std::string_view data(bytes->constData(),
                                        static_cast<std::size_t>(bytes->size()));
            if (!cache_.store(id, data)) {
                qCWarning(lcContent).noquote() << "content" << QString::fromStdString(id)
                                               << "refused: its SHA-256 does not match";
                Q_EMIT refused(QString::fromStdString(id));
                return;
            }
            Q_EMIT arrived(QString::fromStdString(id));
        });
    }
    if (missing && !retry_.isActive()) retry_.start();
    if (!missing) retry_.stop();
}

} // namespace hall::client
