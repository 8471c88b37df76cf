import QtQuick
import Hall.Windowpad

// The transfer choice over the serving clerk's screen: services, then other windows, and
// "return to me after". For --screenshot.
ClerkScreen {
    id: clerk
    Component.onCompleted: {
        if (Pad.clerk.ticket.state === "called") Pad.clerk.start()
        clerk.chooseTransfer()
    }
}
