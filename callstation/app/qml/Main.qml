import QtQuick
import QtQuick.Window
import Hall.Ui
import Hall.App
import Hall.Technician
import Hall.Callstation

// hall-callstation's window: the screen of this box's role (Station.role), full screen, with
// the technician menu over everything (five taps in the top-right corner, then the PIN).
Window {
    id: window

    readonly property bool board: Station.role === "call-board"

    width: board ? 1920 : 1080
    height: board ? 1080 : 1920
    visible: true
    visibility: Window.FullScreen
    color: Theme.background
    title: board ? qsTr("Call board") : qsTr("Ticket machine")

    Loader {
        anchors.fill: parent
        source: window.board ? "qrc:/Hall/Callstation/qml/CallBoardScreen.qml"
                             : "qrc:/Hall/Callstation/qml/TicketMachineScreen.qml"
    }
    TechnicianOverlay {
        anchors.fill: parent
        session: Terminal.technician
    }
}
