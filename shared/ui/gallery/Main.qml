import QtQuick
import QtQuick.Window
import Hall.Ui
import Hall.App
import Hall.Technician

// The gallery window: a row of buttons picks the screen shown below it; the technician menu
// lies over everything (five taps in the top-right corner, then the PIN). The backend, the
// ticket issuer and the technician session come from the `Terminal` singleton (Hall.App).
Window {
    id: window

    width: 1920
    height: 1080
    visible: true
    color: Theme.background
    title: qsTr("Hall UI gallery")

    property url current: "qrc:/Hall/Gallery/CitizenScreen.qml"

    function show(file) {
        window.current = "qrc:/Hall/Gallery/" + file
    }

    Row {
        id: picker
        anchors.top: parent.top
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.topMargin: Theme.spacing / 2
        spacing: Theme.spacing
        z: 1
        TouchButton {
            kind: "secondary"
            text: qsTr("Citizen screen")
            onClicked: window.show("CitizenScreen.qml")
        }
        TouchButton {
            kind: "secondary"
            text: qsTr("Hall")
            onClicked: window.show("HallScreen.qml")
        }
        TouchButton {
            kind: "secondary"
            text: qsTr("Keypad")
            onClicked: window.show("KeypadScreen.qml")
        }
        TouchButton {
            kind: "secondary"
            text: qsTr("Keyboard")
            onClicked: window.show("KeyboardScreen.qml")
        }
        TouchButton {
            kind: "secondary"
            text: qsTr("Banners")
            onClicked: window.show("BannersScreen.qml")
        }
    }
    Loader {
        anchors.top: picker.bottom
        anchors.topMargin: Theme.spacing / 2
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        source: window.current
    }
    // Over the whole window, above the picker: the corner stays free of controls (the picker
    // is centred).
    TechnicianOverlay {
        anchors.fill: parent
        session: Terminal.technician
    }
}
