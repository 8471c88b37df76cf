import QtQuick
import QtQuick.Controls
import Hall.Ui
import Hall.Technician

// One device kind: its driver, how it is connected and where, and its test. Everything that
// differs between kinds (drivers, transports, example addresses, names, the test's button)
// comes from the drivers' tables through the model.
Rectangle {
    id: editor

    // One row of DeviceSettingsModel. Plain properties with defaults, so the file can be
    // created on its own (an app's --self-test does); DevicesPage's delegate marks them
    // required, which is how the view hands each row its roles.
    property DeviceSettingsModel model
    property string kindKey
    property var kindName: ({})
    property bool configured
    property string driver
    property string transport
    property string address
    property int baud
    property bool testAvailable
    property var testLabel: ({})
    property bool testRunning
    property bool testDone
    property bool testOk
    property string testMessage

    property string result
    property bool failed: false
    readonly property var drivers: model ? model.driversFor(kindKey) : []
    readonly property var chosenDriver: driverBox.currentIndex >= 0 ? drivers[driverBox.currentIndex] : null

    // The language the menu is shown in, as its own translation names it (untranslated: "en"),
    // so the texts the model brings in both languages follow a language switch like qsTr.
    readonly property string language: qsTr("en", "the code of the language translated into")

    // A {"en", "zh_CN"} text of the model in the menu's language.
    function inLanguage(texts) {
        return texts[editor.language] || texts.en || ""
    }

    function indexOfDriver(id) {
        for (let i = 0; i < drivers.length; ++i)
            if (drivers[i].id === id)
                return i
        return drivers.length > 0 ? 0 : -1
    }

    width: parent ? parent.width : implicitWidth
    implicitHeight: body.implicitHeight + 2 * Theme.spacing
    color: Theme.surface
    radius: Theme.radius
    border.width: Theme.borderWidth
    border.color: Theme.border

    Column {
        id: body
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        spacing: Theme.spacing / 2

        BodyText {
            width: parent.width
            font.bold: true
            text: editor.inLanguage(editor.kindName)
                  + (editor.configured ? "" : " — " + qsTr("not configured"))
        }
        Row {
            spacing: Theme.spacing / 2
            ComboBox {
                id: driverBox
                width: Theme.touchTarget * 6
                height: Theme.touchTarget
                font.family: Theme.fontFamily
                font.pointSize: Theme.bodyPointSize
                model: editor.drivers.map(function (d) { return d.name })
                currentIndex: editor.indexOfDriver(editor.driver)
            }
            ComboBox {
                id: transportBox
                width: Theme.touchTarget * 3
                height: Theme.touchTarget
                font.family: Theme.fontFamily
                font.pointSize: Theme.bodyPointSize
                model: editor.chosenDriver ? editor.chosenDriver.transports : []
                currentIndex: Math.max(0, model.indexOf(editor.transport))
            }
            TextField {
                id: addressField
                width: Theme.touchTarget * 5
                height: Theme.touchTarget
                font.family: Theme.fontFamily
                font.pointSize: Theme.bodyPointSize
                text: editor.address
                placeholderText: editor.chosenDriver
                                 ? editor.chosenDriver.placeholders[transportBox.currentIndex] || ""
                                 : ""
            }
        }
        Row {
            spacing: Theme.spacing / 2
            TouchButton {
                objectName: "save_" + editor.kindKey
                text: qsTr("Save")
                enabled: editor.chosenDriver !== null
                onClicked: {
                    const why = editor.model.apply(editor.kindKey, editor.chosenDriver.id,
                                                   transportBox.currentText, addressField.text,
                                                   editor.baud)
                    editor.failed = why.length > 0
                    editor.result = editor.failed ? why : qsTr("Saved. The app uses it after a restart.")
                }
            }
            TouchButton {
                objectName: "test_" + editor.kindKey
                kind: "secondary"
                visible: editor.testAvailable
                enabled: !editor.testRunning
                text: editor.inLanguage(editor.testLabel)
                onClicked: {
                    const why = editor.model.runTest(editor.kindKey)
                    editor.failed = why.length > 0
                    editor.result = why
                }
            }
        }
        BodyText {
            width: parent.width
            visible: text.length > 0
            color: editor.failed || (editor.testDone && !editor.testOk) ? Theme.errorText : Theme.text
            text: editor.result.length > 0 ? editor.result
                  : (editor.testRunning || editor.testDone ? editor.testMessage : "")
        }
    }
}
