#pragma once
// The hardware keys at a terminal: a caller keypad (呼叫器) at the clerk's hand and a five-key
// evaluator (评价器) for the citizen, on the terminal's own bus line (a KeypadBus, made from its
// technician settings). Each key arrives here on this object's thread as its name — the same
// name the keyboard shortcuts and buttons of a screen use, so a key and a touch run one code
// path. Evaluator keys are told apart by the key, not by the unit's address: a line may carry
// either kind at any address.
//
// Number entry stays the driver's: "1 2 transfer" arrives as key "transfer" with number "12";
// digits are not passed on one by one (the keypad's own display echoes them).
//
// The device's keys and events arrive on its worker thread and are carried here over a
// ThreadRelay; keys of a device that was replaced are dropped with it.

#include "drivers/base/device.h"
#include "drivers/keypad/keypad_bus.h"
#include "shared/qt/thread_relay.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace hall::client {

class KeypadInput : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the app root owns the keypads: Terminal.keypads")
    Q_PROPERTY(bool present READ present NOTIFY presentChanged)

public:
    explicit KeypadInput(QObject* parent = nullptr);
    ~KeypadInput() override;

    // The keypad line to listen to (made with eventSink() and keySink()); started here. Null
    // removes it.
    void setDevice(std::unique_ptr<drivers::Device> device);
    drivers::DeviceEventSink eventSink() const;
    drivers::keypad::KeyHandler keySink() const;
    bool present() const { return device_ != nullptr; }

Q_SIGNALS:
    // A caller key ("call_next", "recall", "no_show", "transfer", "pause", "finish", "enter"),
    // with the digits typed before it ("" when none).
    void callerKey(const QString& key, const QString& number);
    // An evaluator key, as the engine's level: 1 非常不满意 … 5 非常满意.
    void evaluatorKey(int level);
    void presentChanged();

private:
    void onKey(const drivers::keypad::KeyEvent& key);

    std::shared_ptr<qt::ThreadRelay<KeypadInput>> relay_;
    std::unique_ptr<drivers::Device> device_;
};

} // namespace hall::client
