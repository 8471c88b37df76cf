#pragma once
// The hall's staff photos on the terminal's own disk, for the screens that show who serves
// (a window pad's citizen face). The controller's snapshot names each staff member's photo by
// its content id (HallInfo.staff[].photo); the file comes from the controller's content store
// (Backend::fetchContent), is kept only when its SHA-256 is that id, and stays in
// DATA_DIR/staff-photos so a pad that starts while the link is down still shows it. Photos no
// staff member names any more are deleted at the next snapshot; a photo that could not be
// fetched is asked for again every 30 s.

#include "shared/client/backend.h"
#include "shared/terminal/content_cache.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <filesystem>
#include <set>
#include <string>

namespace hall::client {

class StaffPhotos : public QObject {
    Q_OBJECT

public:
    StaffPhotos(Backend* backend, std::filesystem::path dir, QObject* parent = nullptr);

    // The file of the staff member's photo; empty while it is not here (or they have none).
    QUrl photoOf(const std::string& staffId) const;

Q_SIGNALS:
    void photosChanged(); // a photo arrived, or the snapshot named others

private:
    void takeSnapshot();
    void fetchMissing();

    QPointer<Backend> backend_;
    terminal::ContentCache cache_;
    std::set<std::string> fetching_;
    QTimer retry_;
};

} // namespace hall::client
