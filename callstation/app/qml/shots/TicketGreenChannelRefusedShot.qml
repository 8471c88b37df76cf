import QtQuick
import Hall.Callstation

// A wrong PIN in the green channel: the stage stays open with the choices made and says why.
// For --screenshot (the mock's staff numbers are the demo hall's, its PIN is 246810).
TicketMachineScreen {
    id: screen
    Component.onCompleted: {
        machine.startGreenChannel()
        screen.greenChannel.category = "elderly"
        screen.greenChannel.serviceId = "social_security"
        machine.issueGreen("social_security", "elderly", "BJ1001", "135790")
    }
}
