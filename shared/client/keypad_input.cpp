#include "shared/client/keypad_input.h"

#include <QLoggingCategory>

namespace hall::client {

namespace {

Q_LOGGING_CATEGORY(lcKeypad, "hall.client.keypad")

namespace keypad = drivers::keypad;

} // namespace

KeypadInput::KeypadInput(QObject* parent)
    : QObject(parent), relay_(std::make_shared<qt::ThreadRelay<KeypadInput>>(this)) {}

KeypadInput::~KeypadInput() {
    relay_->detach();
    if (device_) device_->stop();
}

drivers::DeviceEventSink KeypadInput::eventSink() const {
    // Lost and back units are the technician's concern: the line's device test shows them.
    return [](const drivers::DeviceEvent& event) {
        if (event.type == drivers::DeviceEventType::Lost && event.error)
            qCWarning(lcKeypad).noquote()
                << "keypad" << (event.unit ? QString::number(*event.unit) : QStringLiteral("line"))
                << "lost:" << QString::fromStdString(event.error->message);
    };
}

keypad::KeyHandler KeypadInput::keySink() const {
    return [relay = relay_](const keypad::KeyEvent& key) {
        relay->post([key](KeypadInput* self) { self->onKey(key); });
    };
}

void KeypadInput::setDevice(std::unique_ptr<drivers::Device> device) {
    const bool was = present();
    if (device_) device_->stop();
    device_ = std::move(device);
    if (device_) device_->start();
    if (was != present()) Q_EMIT presentChanged();
}

void KeypadInput::onKey(const keypad::KeyEvent& key) {
    if (keypad::isEvaluation(key.key)) {
        // The keypad counts 1 = 非常满意 … 5 = 非常不满意; the engine the other way round.
        Q_EMIT evaluatorKey(6 - keypad::evaluationLevel(key.key));
        return;
    }
    if (keypad::isDigit(key.key) || key.key == keypad::Key::Clear) return;
    Q_EMIT callerKey(QString::fromLatin1(keypad::keyName(key.key).data(),
                                         static_cast<qsizetype>(keypad::keyName(key.key).size())),
                     QString::fromStdString(key.number));
}

} // namespace hall::client
