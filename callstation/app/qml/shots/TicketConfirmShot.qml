import QtQuick
import Hall.Callstation

// The ticket machine asking before it issues (many waiting): for --screenshot.
TicketMachineScreen {
    Component.onCompleted: {
        machine.askFromWaiting = 1
        machine.choose("social_security")
    }
}
