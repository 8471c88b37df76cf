#include "shared/client/staff_photos.h"

namespace hall::client {

StaffPhotos::StaffPhotos(Backend* backend, std::filesystem::path dir, QObject* parent)
    : QObject(parent), backend_(backend), files_(backend, std::move(dir)) {
    connect(&files_, &ContentFiles::arrived, this, &StaffPhotos::photosChanged);
    if (!backend_) return;
    connect(backend_, &Backend::snapshotReplaced, this, &StaffPhotos::takeSnapshot);
    if (backend_->state().hasSnapshot()) takeSnapshot();
}

QUrl StaffPhotos::photoOf(const std::string& staffId) const {
    if (!backend_ || !backend_->state().hasSnapshot()) return {};
    const auto& cache = files_.cache();
    for (const auto& s : backend_->state().snapshot().hall.staff)
        if (s.id == staffId && !s.photo.empty() && cache.has(s.photo))
            return QUrl::fromLocalFile(QString::fromStdString(cache.pathOf(s.photo).string()));
    return {};
}

void StaffPhotos::takeSnapshot() {
    std::vector<std::string> named;
    for (const auto& s : backend_->state().snapshot().hall.staff)
        if (!s.photo.empty()) named.push_back(s.photo);
    files_.want(std::move(named));
    Q_EMIT photosChanged();
}

} // namespace hall::client
