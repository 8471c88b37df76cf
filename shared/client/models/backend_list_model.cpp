#include "shared/client/models/backend_list_model.h"

namespace hall::client {

void BackendListModel::setBackend(Backend* backend) {
    if (backend == backend_) return;
    disconnect(snapshotConnection_);
    disconnect(pushConnection_);
    backend_ = backend;
    if (backend_) {
        snapshotConnection_ = connect(backend_, &Backend::snapshotReplaced, this, [this] {
            const int before = rowCount();
            reload();
            if (rowCount() != before) Q_EMIT countChanged();
        });
        pushConnection_ =
            connect(backend_, &Backend::pushApplied, this, [this](const protocol::PushBody& body) {
                const int before = rowCount();
                onPush(body);
                if (rowCount() != before) Q_EMIT countChanged();
            });
    }
    const int before = rowCount();
    reload();
    if (rowCount() != before) Q_EMIT countChanged();
    Q_EMIT backendChanged();
}

} // namespace hall::client
