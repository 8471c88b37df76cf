import QtQuick
import QtQuick.Window
import Hall.Ui
import Hall.App
import Hall.Technician
import Hall.Callstation

// hall-callstation's window: the screen of this box's role (Station.role), full screen, with
// the technician menu over everything (five taps in the top-right corner, then the PIN). An LED
// box is the exception: a frameless window of the LED screen's size in the top-left corner,
// the area the video box captures, with nothing over it.
Window {
    id: window

    readonly property bool board: Station.role === "call-board"
    readonly property bool ledBox: Station.role === "led-box"

    x: 0
    y: 0
    width: ledBox ? Station.ledSize.width : board ? 1920 : 1080
    height: ledBox ? Station.ledSize.height : board ? 1080 : 1920
    visible: true
    visibility: ledBox ? Window.Windowed : Window.FullScreen
    flags: ledBox ? Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint : Qt.Window
    color: ledBox ? "black" : Theme.background
    title: ledBox ? qsTr("LED strip") : board ? qsTr("Call board") : qsTr("Ticket machine")

    Loader {
        anchors.fill: parent
        source: window.ledBox ? "qrc:/Hall/Callstation/qml/LedBoxScreen.qml"
                : window.board ? "qrc:/Hall/Callstation/qml/CallBoardScreen.qml"
                               : "qrc:/Hall/Callstation/qml/TicketMachineScreen.qml"
    }
    TechnicianOverlay {
        anchors.fill: parent
        enabled: !window.ledBox
        visible: !window.ledBox
        session: Terminal.technician
    }
}
