import QtQuick

// Shows that the terminal has lost the controller and since when ("Offline since 14:05"),
// driven by the connection state of Hall.Client:
//   connectionState  "online" (banner hidden), "connecting", "reconnecting" or "offline"
//   offlineSince     when the link was lost (a JS Date); invalid → the time is left out
// `detail` can say what still works (e.g. "Tickets are still issued").
Rectangle {
    id: banner

    property string connectionState: "online"
    property date offlineSince
    property string detail

    readonly property bool _sinceKnown: !isNaN(offlineSince.getTime())
    readonly property string _sinceText: _sinceKnown ? Qt.formatTime(offlineSince, "HH:mm") : ""

    visible: connectionState !== "online"
    implicitWidth: 480
    implicitHeight: Math.max(Theme.touchTarget, content.implicitHeight + Theme.spacing)
    color: Theme.offlineBackground
    Accessible.role: Accessible.AlertMessage
    Accessible.name: headline.text

    onConnectionStateChanged: {
        if (["online", "connecting", "reconnecting", "offline"].indexOf(connectionState) < 0)
            console.warn("OfflineBanner: unknown connectionState '" + connectionState
                         + "' (expected online, connecting, reconnecting or offline)")
    }

    Column {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.spacing
        spacing: 0

        BodyText {
            id: headline
            objectName: "headline"
            width: parent.width
            color: Theme.offlineText
            font.bold: true
            text: {
                if (banner.connectionState === "connecting")
                    return qsTr("Connecting to the service hall server…")
                if (banner.connectionState === "reconnecting")
                    return banner._sinceKnown
                            ? qsTr("Reconnecting… (offline since %1)").arg(banner._sinceText)
                            : qsTr("Reconnecting…")
                return banner._sinceKnown ? qsTr("Offline since %1").arg(banner._sinceText)
                                          : qsTr("Offline")
            }
        }
        BodyText {
            width: parent.width
            visible: banner.detail.length > 0
            color: Theme.offlineText
            text: banner.detail
        }
    }
}
