#include "shared/client/signage_player.h"

#include "shared/tz/system_zone.h"

#include <algorithm>

namespace hall::client {

namespace {

constexpr auto kNothingToPlay = std::chrono::seconds(10); // schedules are looked at again

core::Timestamp systemNow() {
    return std::chrono::time_point_cast<core::Millis>(std::chrono::system_clock::now());
}

} // namespace

SignagePlayer::SignagePlayer(Backend* backend, std::filesystem::path cacheDir, QObject* parent)
    : QObject(parent), backend_(backend), files_(backend, std::move(cacheDir)), clock_(systemNow) {
    next_.setSingleShot(true);
    connect(&next_, &QTimer::timeout, this, &SignagePlayer::advance);
    connect(&files_, &ContentFiles::arrived, this, [this] {
        if (kind_.isEmpty()) advance(); // nothing was playing: this one may
    });
    connect(&files_, &ContentFiles::refused, this, &SignagePlayer::contentRefused);
    if (backend_) connect(backend_, &Backend::snapshotReplaced, this, &SignagePlayer::takeSignage);
    if (backend_ && backend_->state().hasSnapshot()) {
        takeSignage();
    } else if (auto kept = files_.cache().loadSignage()) {
        // Started offline: what the controller last sent, from the files already here.
        signage_ = std::move(*kept);
        Q_EMIT emergencyChanged();
        advance();
    }
}

QString SignagePlayer::emergencyText() const {
    return signage_.emergency ? QString::fromStdString(signage_.emergency->textZh) : QString();
}

QString SignagePlayer::emergencyTextEn() const {
    return signage_.emergency ? QString::fromStdString(signage_.emergency->textEn) : QString();
}

void SignagePlayer::setClock(std::function<core::Timestamp()> clock) {
    clock_ = std::move(clock);
    advance();
}

void SignagePlayer::takeSignage() {
    const auto& signage = backend_->state().snapshot().signage;
    const bool emergencyChanged = signage.emergency != signage_.emergency;
    const bool playlistChanged = signage.playlist != signage_.playlist || signage.content != signage_.content;
    if (!emergencyChanged && !playlistChanged) return;
    signage_ = signage;
    files_.cache().saveSignage(signage_); // an offline start shows the emergency message too
    if (emergencyChanged) Q_EMIT this->emergencyChanged();
    if (!playlistChanged) return;
    std::vector<std::string> ids;
    for (const auto& c : signage_.content) ids.push_back(c.id);
    files_.want(std::move(ids));
    position_ = signage_.playlist.size(); // start again from the first entry
    advance();
}

core::LocalTime SignagePlayer::hallTimeNow() const {
    const auto* hall = backend_ && backend_->state().hasSnapshot() ? &backend_->state().snapshot().hall : nullptr;
    std::shared_ptr<const core::TimeZone> zone;
    try {
        zone = tz::loadZone(hall ? hall->timeZone : std::string("Asia/Shanghai"));
    } catch (const std::exception&) {
        zone = tz::loadZone("UTC"); // a zone this box's tz database lacks: UTC rather than nothing
    }
    return core::toLocal(*zone, clock_());
}

void SignagePlayer::advance() {
    const auto& list = signage_.playlist;
    const auto now = hallTimeNow();
    for (std::size_t step = 1; step <= list.size(); ++step) {
        const std::size_t i = (position_ + step) % list.size();
        if (!files_.cache().has(list[i].content) || !protocol::activeAt(list[i].schedule, now)) continue;
        position_ = i;
        show(&list[i]);
        next_.start(std::chrono::seconds(list[i].seconds));
        return;
    }
    show(nullptr);
    next_.start(kNothingToPlay);
}

void SignagePlayer::show(const protocol::PlaylistEntry* entry) {
    QString kind, text, name;
    QUrl source;
    if (entry) {
        for (const auto& item : signage_.content) {
            if (item.id != entry->content) continue;
            name = QString::fromStdString(item.name);
            if (item.type == "text/plain") {
                kind = QStringLiteral("text");
                text = QString::fromStdString(files_.cache().read(item.id).value_or(std::string()));
            } else {
                kind = item.type.starts_with("video/") ? QStringLiteral("video")
                                                       : QStringLiteral("image");
                source = QUrl::fromLocalFile(QString::fromStdString(files_.cache().pathOf(item.id).string()));
            }
        }
    }
    if (kind == kind_ && text == text_ && source == source_ && name == name_) return;
    kind_ = kind;
    text_ = text;
    source_ = source;
    name_ = name;
    Q_EMIT currentChanged();
}

} // namespace hall::client
