import QtQuick
import Hall.Windowpad

// The clerk serving the ticket the demo hall's window 1 called. For --screenshot.
ClerkScreen {
    Component.onCompleted: if (Pad.clerk.ticket.state === "called") Pad.clerk.start()
}
