#pragma once
// Files of the controller's content store kept on the terminal's own disk, by content id: the
// signage a player plays, the staff photos a window pad shows. The owner says which ids it wants
// (from the latest snapshot); the others are deleted, the missing ones fetched with
// Backend::fetchContent and kept only when their SHA-256 is their id (terminal::ContentCache:
// a damaged download is refused and the copy already here stays). While any is missing it is
// asked for again every 30 s: the link may be down, or the file not uploaded yet.

#include "shared/client/backend.h"
#include "shared/terminal/content_cache.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace hall::client {

class ContentFiles : public QObject {
    Q_OBJECT

public:
    ContentFiles(Backend* backend, std::filesystem::path dir, QObject* parent = nullptr);

    // The files wanted from now on: the others are deleted, the missing ones fetched.
    void want(std::vector<std::string> ids);

    terminal::ContentCache& cache() { return cache_; }
    const terminal::ContentCache& cache() const { return cache_; }

Q_SIGNALS:
    void arrived(const QString& id);
    void refused(const QString& id); // fetched, but its SHA-256 was not its id

private:
    void fetchMissing();

    QPointer<Backend> backend_;
    terminal::ContentCache cache_;
    std::vector<std::string> wanted_;
    std::set<std::string> fetching_;
    QTimer retry_;
};

} // namespace hall::client
