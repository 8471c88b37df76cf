#pragma once
// QR codes for screens: `Image { source: "image://qr/" + encodeURIComponent(payload) }` draws
// the payload as a QR code (libqrencode, error correction M, a 4-module quiet zone), black on
// white, scaled to the requested size in whole pixels per module so a phone camera reads it
// off the glass. The shell registers it on every app's engine.

#include <QQuickImageProvider>

namespace hall::ui {

class QrImageProvider : public QQuickImageProvider {
public:
    QrImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}
    // `id` is the percent-encoded payload; an empty or unencodable one gives a null image.
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;

    static QImage render(const QByteArray& payload, int sidePixels);
};

} // namespace hall::ui
