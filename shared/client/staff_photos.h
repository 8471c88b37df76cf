#pragma once
// The hall's staff photos on the terminal's own disk, for the screens that show who serves
// (a window pad's citizen face). The controller's snapshot names each staff member's photo by
// its content id (HallInfo.staff[].photo); the files are ContentFiles in DATA_DIR/staff-photos,
// so a pad that starts while the link is down still shows them. Photos no staff member names any
// more are deleted at the next snapshot.

#include "shared/client/backend.h"
#include "shared/client/content_files.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <filesystem>
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

    QPointer<Backend> backend_;
    ContentFiles files_;
};

} // namespace hall::client
