#include "shared/client/staff_photos.h"

#include <QLoggingCategory>

namespace hall::client {

namespace {

Q_LOGGING_CATEGORY(lcPhotos, "hall.staff_photos")

constexpr auto kRetry = std::chrono::seconds(30);

} // namespace

StaffPhotos::StaffPhotos(Backend* backend, std::filesystem::path dir, QObject* parent)
    : QObject(parent), backend_(backend), cache_(std::move(dir)) {
    retry_.setInterval(kRetry);
    connect(&retry_, &QTimer::timeout, this, &StaffPhotos::fetchMissing);
    if (!backend_) return;
    connect(backend_, &Backend::snapshotReplaced, this, &StaffPhotos::takeSnapshot);
    if (backend_->state().hasSnapshot()) takeSnapshot();
}

QUrl StaffPhotos::photoOf(const std::string& staffId) const {
    if (!backend_ || !backend_->state().hasSnapshot()) return {};
    for (const auto& s : backend_->state().snapshot().hall.staff)
        if (s.id == staffId && !s.photo.empty() && cache_.has(s.photo))
            return QUrl::fromLocalFile(QString::fromStdString(cache_.pathOf(s.photo).string()));
    return {};
}

void StaffPhotos::takeSnapshot() {
    std::vector<std::string> named;
    for (const auto& s : backend_->state().snapshot().hall.staff)
        if (!s.photo.empty()) named.push_back(s.photo);
    cache_.keepOnly(named);
    fetchMissing();
    Q_EMIT photosChanged();
}

void StaffPhotos::fetchMissing() {
    if (!backend_ || !backend_->state().hasSnapshot()) return;
    bool missing = false;
    for (const auto& s : backend_->state().snapshot().hall.staff) {
        const std::string id = s.photo;
        if (id.empty() || cache_.has(id)) continue;
        missing = true;
        if (!fetching_.insert(id).second) continue;
        backend_->fetchContent(id, [this, id](std::optional<QByteArray> bytes) {
            fetching_.erase(id);
            if (!bytes) return; // offline, or gone: asked again later
            const std::string_view data(bytes->constData(),
                                        static_cast<std::size_t>(bytes->size()));
            if (!cache_.store(id, data)) {
                qCWarning(lcPhotos).noquote() << "staff photo" << QString::fromStdString(id)
                                              << "refused: its SHA-256 does not match";
                return;
            }
            Q_EMIT photosChanged();
        });
    }
    if (missing && !retry_.isActive()) retry_.start();
    if (!missing) retry_.stop();
}

} // namespace hall::client
