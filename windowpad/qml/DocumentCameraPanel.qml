import QtQuick
import QtQuick.Layouts
import Hall.Ui
import Hall.Windowpad

// The document camera (高拍仪) on the clerk's 10" screen: the live preview large, 拍照 beside
// it, the captured pages as thumbnails in a row below, each with its own remove button. When
// the camera cannot be used, the panel says so in the clerk's words and what to try, with the
// technician's words small beside it.
Item {
    id: panel

    property DocumentCamera camera: Pad.camera

    readonly property int cameraState: camera ? camera.state : DocumentCamera.Closed
    readonly property bool live: cameraState === DocumentCamera.Live
    readonly property bool busy: camera ? camera.busy : false
    readonly property int pageCount: camera ? camera.pageCount : 0
    readonly property string source: camera ? camera.source : ""
    readonly property int thumbnailHeight: 150

    // The clerk's words for the driver's problem codes (document_camera.h).
    function problemText(code) {
        switch (code) {
        case "not_found": return qsTr("The document camera is not connected.")
        case "busy": return qsTr("Another program is using the document camera.")
        case "unplugged":
        case "stream_ended":
        case "no_frames": return qsTr("The document camera stopped sending pictures.")
        default: return qsTr("The document camera cannot be used.")
        }
    }
    function adviceText(code) {
        switch (code) {
        case "not_found":
        case "unplugged":
        case "stream_ended":
        case "no_frames":
            return qsTr("Check its USB cable, then tap Try again. If it still fails, call the technician.")
        default: return qsTr("Call the technician.")
        }
    }

    Rectangle { anchors.fill: parent; color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Heading { text: qsTr("Document camera") }
            Item { Layout.fillWidth: true }
            BodyText {
                objectName: "pageCount"
                text: qsTr("%n page(s)", "", panel.pageCount)
                color: Theme.secondaryText
            }
        }

        // The preview takes what the heading and the pages leave.
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 0
            Layout.preferredHeight: 0
            spacing: Theme.spacing

            // --- the live preview --------------------------------------------------------
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.boardBackground
                radius: Theme.radius
                clip: true

                Image {
                    objectName: "preview"
                    anchors.fill: parent
                    visible: panel.live
                    source: panel.camera && panel.live ? panel.camera.previewSource : ""
                    fillMode: Image.PreserveAspectFit
                    // A new picture every tenth of a second: kept by no cache, loaded at once
                    // (the provider only hands over a picture it already has).
                    cache: false
                    asynchronous: false
                }

                // Positioners, not layouts, beside the preview: what they hold comes and goes
                // with the camera's state, and a Column follows that at once.
                Column {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 2 * Theme.spacing, 640)
                    visible: !panel.live
                    spacing: Theme.spacing

                    BodyText {
                        width: parent.width
                        visible: panel.cameraState !== DocumentCamera.Failed
                        horizontalAlignment: Text.AlignHCenter
                        color: Theme.boardText
                        text: panel.cameraState === DocumentCamera.Opening
                              ? qsTr("Starting the document camera…")
                              : panel.source.length > 0 ? qsTr("The document camera is off.")
                              : qsTr("No document camera is set up at this window. The technician names it in the terminal settings.")
                    }
                    TouchButton {
                        anchors.horizontalCenter: parent.horizontalCenter
                        visible: panel.cameraState === DocumentCamera.Closed && panel.source.length > 0
                        text: qsTr("Turn on")
                        onClicked: panel.camera.open(panel.source)
                    }
                    ErrorBanner {
                        objectName: "problem"
                        width: parent.width
                        shown: panel.cameraState === DocumentCamera.Failed
                        dismissible: false
                        message: panel.camera ? panel.problemText(panel.camera.problemCode) : ""
                        advice: panel.camera ? panel.adviceText(panel.camera.problemCode) : ""
                        actionText: panel.source.length > 0 ? qsTr("Try again") : ""
                        onActionRequested: panel.camera.open(panel.source)
                    }
                }
            }

            // --- 拍照 ----------------------------------------------------------------------
            Column {
                Layout.preferredWidth: 320
                Layout.maximumWidth: 320
                Layout.fillHeight: true
                Layout.minimumHeight: 0
                spacing: Theme.spacing
                clip: true

                TouchButton {
                    objectName: "captureButton"
                    width: parent.width
                    height: Theme.touchTarget * 2
                    text: qsTr("Capture")
                    textScale: 1.4
                    enabled: panel.live && !panel.busy
                    onClicked: panel.camera.capture()
                }
                BusyBanner {
                    width: parent.width
                    active: panel.busy
                    text: qsTr("Cutting out the page…")
                }
                BodyText {
                    width: parent.width
                    visible: panel.live && panel.pageCount === 0 && !panel.busy
                    text: qsTr("Lay the page flat on the mat, then tap Capture.")
                    color: Theme.secondaryText
                }
                BodyText {
                    objectName: "notCroppedHint"
                    width: parent.width
                    visible: panel.live && panel.pageCount > 0 && !panel.camera.lastCaptureCropped
                    text: qsTr("No page edges found: the whole picture was kept.")
                    color: Theme.text
                }
                Text {
                    objectName: "technicianProblem"
                    width: parent.width
                    visible: panel.cameraState === DocumentCamera.Failed
                    text: qsTr("For the technician: %1").arg(panel.camera ? panel.camera.problem : "")
                    color: Theme.secondaryText
                    font.family: Theme.fontFamily
                    font.pointSize: Theme.captionPointSize
                    wrapMode: Text.Wrap
                    maximumLineCount: 6
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                }
            }
        }

        // --- the pages -----------------------------------------------------------------------
        Item {
            readonly property real stripHeight: panel.thumbnailHeight + Theme.touchTarget + 2 * Theme.spacing
            Layout.fillWidth: true
            Layout.minimumHeight: stripHeight
            Layout.preferredHeight: stripHeight

            ListView {
                id: thumbnails
                objectName: "thumbnails"
                anchors.fill: parent
                orientation: ListView.Horizontal
                spacing: Theme.spacing
                clip: true
                model: panel.camera ? panel.camera.pageSources : []

                delegate: Rectangle {
                    id: card
                    required property string modelData
                    required property int index

                    width: Math.max(panel.thumbnailHeight * 0.8, removeButton.implicitWidth) + Theme.spacing
                    height: thumbnails.height
                    color: Theme.surface
                    radius: Theme.radius
                    border.width: Theme.borderWidth
                    border.color: Theme.border
                    Accessible.name: qsTr("Page %1").arg(card.index + 1)

                    Image {
                        id: thumbnail
                        anchors.top: parent.top
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.margins: Theme.spacing / 2
                        height: panel.thumbnailHeight
                        source: card.modelData
                        fillMode: Image.PreserveAspectFit
                        cache: false
                        asynchronous: false
                    }
                    Rectangle {
                        anchors.left: thumbnail.left
                        anchors.top: thumbnail.top
                        width: Math.max(height, number.implicitWidth + Theme.spacing)
                        height: number.implicitHeight
                        radius: Theme.radius
                        color: Theme.primary
                        BodyText {
                            id: number
                            anchors.centerIn: parent
                            text: String(card.index + 1)
                            color: Theme.textOnPrimary
                            font.bold: true
                        }
                    }
                    TouchButton {
                        id: removeButton
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.bottom: parent.bottom
                        anchors.margins: Theme.spacing / 2
                        kind: "secondary"
                        symbol: "✕"
                        text: qsTr("Remove")
                        onClicked: panel.camera.removePage(card.index)
                    }
                }
            }
            BodyText {
                anchors.verticalCenter: parent.verticalCenter
                visible: thumbnails.count === 0
                text: qsTr("Captured pages appear here.")
                color: Theme.secondaryText
            }
        }
    }
}
