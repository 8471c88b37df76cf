import QtQuick
import Hall.Windowpad

// The transfer choice with its note being typed on the pinyin keyboard. For --screenshot.
ClerkScreen {
    id: clerk
    Component.onCompleted: {
        if (Pad.clerk.ticket.state === "called") Pad.clerk.start()
        clerk.chooseTransfer(true)
    }
}
