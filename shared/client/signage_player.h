#pragma once
// The terminal's player for information publishing (protocol/signage.h): it keeps the files of
// the signage the controller sends as ContentFiles in the terminal's content cache, and plays
// the playlist entries whose schedule holds now in the hall's time zone, each for its seconds,
// skipping those whose file it does not have yet. The last signage is kept on disk too: a
// player that starts while the link is down plays from the cache. The emergency message is
// exposed on its own: screens lay it over everything, the call pop-up included.
// Made by the terminal app (Terminal.signage); screens show kind/source/text.

#include "shared/client/backend.h"
#include "shared/client/content_files.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <filesystem>
#include <functional>

namespace hall::client {

class SignagePlayer : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the terminal app: Terminal.signage")
    Q_PROPERTY(bool emergency READ emergency NOTIFY emergencyChanged)
    Q_PROPERTY(QString emergencyText READ emergencyText NOTIFY emergencyChanged)
    Q_PROPERTY(QString emergencyTextEn READ emergencyTextEn NOTIFY emergencyChanged)
    // "image", "video", "text", "" (nothing)
    Q_PROPERTY(QString kind READ kind NOTIFY currentChanged)
    Q_PROPERTY(QUrl source READ source NOTIFY currentChanged) // the image's or video's cached file
    Q_PROPERTY(QString text READ text NOTIFY currentChanged)  // the text slide's words
    Q_PROPERTY(QString name READ name NOTIFY currentChanged)  // the file's name, for people

public:
    SignagePlayer(Backend* backend, std::filesystem::path cacheDir, QObject* parent = nullptr);

    bool emergency() const { return signage_.emergency.has_value(); }
    QString emergencyText() const;
    QString emergencyTextEn() const;
    QString kind() const { return kind_; }
    QUrl source() const { return source_; }
    QString text() const { return text_; }
    QString name() const { return name_; }

    const terminal::ContentCache& cache() const { return files_.cache(); }
    // The hall's time for the schedules; tests pin it.
    void setClock(std::function<core::Timestamp()> clock);

Q_SIGNALS:
    void emergencyChanged();
    void currentChanged();
    void contentRefused(const QString& id); // a file fetched whose SHA-256 was not its id

private:
    void takeSignage(); // from the backend's latest snapshot
    void advance(); // the next entry that can play now
    void show(const protocol::PlaylistEntry* entry);
    core::LocalTime hallTimeNow() const; // for the schedules

    QPointer<Backend> backend_;
    ContentFiles files_;
    protocol::Signage signage_;
    std::function<core::Timestamp()> clock_;
    std::size_t position_ = 0; // the entry shown (or last shown)
    QTimer next_;              // the entry's seconds, then the next
    QString kind_, text_, name_;
    QUrl source_;
};

} // namespace hall::client
