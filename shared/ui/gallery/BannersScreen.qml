import QtQuick
import Hall.Ui

// Every banner in every state, and the text styles, on one page.
Rectangle {
    id: screen

    // A fixed "lost at 09:30 today" so the banners show a time whatever the backend's state.
    readonly property date exampleOfflineSince: {
        const since = new Date()
        since.setHours(9, 30, 0, 0)
        return since
    }

    implicitWidth: 1920
    implicitHeight: 1080
    color: Theme.background

    Column {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        ScreenHeader {
            width: parent.width
            title: qsTr("Banners")
        }
        OfflineBanner {
            width: parent.width
            connectionState: "offline"
            offlineSince: screen.exampleOfflineSince
        }
        OfflineBanner {
            width: parent.width
            connectionState: "reconnecting"
            offlineSince: screen.exampleOfflineSince
        }
        OfflineBanner {
            width: parent.width
            connectionState: "connecting"
        }
        BusyBanner {
            width: parent.width
            active: true
        }
        ErrorBanner {
            width: parent.width
            shown: true
            message: qsTr("Your ID card could not be read.")
            advice: qsTr("Place the card flat on the reader and keep it still for two seconds.")
        }
        Heading { text: qsTr("Heading") }
        BodyText {
            width: parent.width
            text: qsTr("Body text wraps onto several lines when it is longer than the screen is "
                       + "wide, with the line spacing of the theme.")
        }
    }
}
