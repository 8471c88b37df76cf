import QtQuick
import Hall.Callstation

// A number just taken, on screen with the people ahead: for --screenshot.
TicketMachineScreen {
    Component.onCompleted: machine.choose("social_security")
}
