pragma ComponentBehavior: Bound
import QtQuick
import Hall.Ui
import Hall.Keyboard

// The on-screen keyboard of citizen screens: pinyin with a candidate bar (中), English letters
// (EN) and digits with symbols (123); Space, Backspace, Enter. It types into `target`, a
// TextInput, TextField, TextEdit or TextArea, at its cursor, replacing a selection; the keys never
// take focus from it. The logic is PinyinInput's (C++); this is its face.
//
//   target         the field typed into (null: only the signals below)
//   layout         PinyinInput.Pinyin / English / Symbols
//   composing, preedit   the pinyin composition as it stands
//   textCommitted(text)  text was typed (also when there is no target)
//   enterPressed()       Enter with nothing composed. A single-line target also gets its
//                        accepted() signal when its input is acceptable; a multi-line one a
//                        new line.
//   resetSession()       forget the composition and every word learned: call it when a
//                        citizen's session ends, so nothing typed reaches the next citizen.
Rectangle {
    id: keyboard

    property Item target: null
    property alias layout: input.layout
    readonly property alias composing: input.composing
    readonly property alias preedit: input.preedit
    readonly property alias input: input

    signal textCommitted(string text)
    signal enterPressed

    function resetSession() {
        input.resetSession()
    }
    function clearComposition() {
        input.clearComposition()
    }

    // Gaps between keys; every key stays ≥ Theme.touchTarget and widens with the keyboard.
    readonly property int gap: Math.round(Theme.spacing / 2)
    readonly property int unitsPerRow: 10
    readonly property real unit: Math.max(Theme.touchTarget,
                                          (width - gap * (unitsPerRow + 1)) / unitsPerRow)

    implicitWidth: Theme.touchTarget * unitsPerRow + gap * (unitsPerRow + 1)
    implicitHeight: content.implicitHeight + gap * 2
    color: Theme.background

    PinyinInput {
        id: input
        onTextCommitted: function (text) {
            keyboard._insert(text)
            keyboard.textCommitted(text)
        }
        onDeleteBackwardRequested: keyboard._deleteBackward()
        onEnterRequested: keyboard._enter()
    }

    // A new field starts with nothing composed; what was composed for the old one is dropped.
    onTargetChanged: input.clearComposition()

    // The target seen as whichever text item it is (TextInput, TextEdit and the Controls on
    // them share insert / remove / cursorPosition / selectedText but no common type).
    readonly property var _field: target

    function _insert(text) {
        if (!_field)
            return
        if (_field.selectedText.length > 0)
            _field.remove(_field.selectionStart, _field.selectionEnd)
        _field.insert(_field.cursorPosition, text)
    }
    function _deleteBackward() {
        if (!_field)
            return
        if (_field.selectedText.length > 0) {
            _field.remove(_field.selectionStart, _field.selectionEnd)
            return
        }
        const end = _field.cursorPosition
        if (end <= 0)
            return
        // One character, not half of a surrogate pair.
        const low = _field.text.charCodeAt(end - 1)
        const start = (low >= 0xDC00 && low <= 0xDFFF && end >= 2) ? end - 2 : end - 1
        _field.remove(start, end)
    }
    function _enter() {
        keyboard.enterPressed()
        if (!_field)
            return
        if (_field.acceptableInput === undefined)
            _insert("\n") // TextEdit / TextArea: a new line
        else if (_field.acceptableInput)
            _field.accepted()
    }

    // A key is {kind, value, units, target}: kind "char" types its value (also its label); the
    // others (backspace, space, enter, shift, layout → target) are function keys. units is the
    // width in letter keys (default 1); every row adds up to at most unitsPerRow.
    function _letters(row) {
        return row.split("").map(c => ({ "kind": "char", "value": c }))
    }
    function _chars(list) {
        return list.map(c => ({ "kind": "char", "value": c }))
    }
    readonly property var _backspaceKey: ({ "kind": "backspace", "units": 1.5 })
    readonly property var _spaceKey: ({ "kind": "space", "units": 4 })
    readonly property var _enterKey: ({ "kind": "enter", "units": 2 })
    readonly property var _toPinyin: ({ "kind": "layout", "target": PinyinInput.Pinyin })
    readonly property var _toEnglish: ({ "kind": "layout", "target": PinyinInput.English })
    readonly property var _toSymbols: ({ "kind": "layout", "target": PinyinInput.Symbols })

    readonly property var _pinyinRows: [
        _letters("qwertyuiop"),
        _letters("asdfghjkl"),
        _letters("zxcvbnm").concat(_chars(["'"]), [_backspaceKey]),
        [_toSymbols, _toEnglish, { "kind": "char", "value": "，" }, _spaceKey,
         { "kind": "char", "value": "。" }, _enterKey]
    ]
    readonly property var _englishRows: [
        _letters("qwertyuiop"),
        _letters("asdfghjkl"),
        [{ "kind": "shift", "units": 1.5 }, ..._letters("zxcvbnm"), _backspaceKey],
        [_toSymbols, input.pinyinAvailable ? _toPinyin : { "kind": "char", "value": "@" },
         _chars([","])[0], _spaceKey, _chars(["."])[0], _enterKey]
    ]
    readonly property var _symbolRows: [
        _letters("1234567890"),
        _chars(["-", "/", ":", ";", "(", ")", "@", "\"", "&", "?"]),
        _chars([".", ",", "!", "'", "#", "+", "=", "*"]).concat([_backspaceKey]),
        [input.pinyinAvailable ? _toPinyin : _chars(["_"])[0], _toEnglish,
         _chars(["_"])[0], _spaceKey, _chars(["~"])[0], _enterKey]
    ]
    function _rowsOf(layout) {
        return layout === PinyinInput.Pinyin ? _pinyinRows
             : layout === PinyinInput.English ? _englishRows : _symbolRows
    }
    function _layoutName(layout) {
        return layout === PinyinInput.Pinyin ? "pinyin"
             : layout === PinyinInput.English ? "english" : "symbols"
    }

    function _label(spec, layout) {
        switch (spec.kind) {
        case "char":
            return layout === PinyinInput.English && input.shifted
                    ? spec.value.toUpperCase() : spec.value
        case "backspace":
            return qsTr("Delete")
        case "space":
            return qsTr("Space")
        case "enter":
            return qsTr("Enter")
        case "shift":
            return qsTr("Shift")
        case "layout":
            return spec.target === PinyinInput.Pinyin ? "中"
                 : spec.target === PinyinInput.English ? "EN" : "123"
        }
        return ""
    }
    function _description(spec, layout) {
        switch (spec.kind) {
        case "layout":
            return spec.target === PinyinInput.Pinyin ? qsTr("Chinese (pinyin)")
                 : spec.target === PinyinInput.English ? qsTr("English letters")
                 : qsTr("Digits and symbols")
        case "backspace":
            return qsTr("Delete the last character")
        default:
            return _label(spec, layout)
        }
    }
    function _objectName(spec) {
        switch (spec.kind) {
        case "char":
            return "key_" + spec.value
        case "layout":
            return "key_layout_" + _layoutName(spec.target)
        }
        return "key_" + spec.kind
    }
    function _press(spec) {
        switch (spec.kind) {
        case "char":
            input.pressCharacter(spec.value)
            break
        case "backspace":
            input.pressBackspace()
            break
        case "space":
            input.pressSpace()
            break
        case "enter":
            input.pressEnter()
            break
        case "shift":
            input.shifted = !input.shifted
            break
        case "layout":
            input.layout = spec.target
            break
        }
    }

    Column {
        id: content
        x: keyboard.gap
        y: keyboard.gap
        width: keyboard.width - keyboard.gap * 2
        spacing: keyboard.gap

        CandidateBar {
            id: candidateBar
            objectName: "candidateBar"
            width: content.width
            input: input
        }

        // The three layouts are built once and shown one at a time: switching creates nothing,
        // and a key of a hidden layout is never under the finger.
        Repeater {
            model: [PinyinInput.Pinyin, PinyinInput.English, PinyinInput.Symbols]
            delegate: Column {
                id: layoutKeys
                required property int modelData
                objectName: "layout_" + keyboard._layoutName(modelData)
                visible: input.layout === modelData
                width: content.width
                spacing: keyboard.gap

                Repeater {
                    model: keyboard._rowsOf(layoutKeys.modelData)
                    delegate: Row {
                        id: keyRow
                        required property var modelData
                        anchors.horizontalCenter: parent.horizontalCenter
                        spacing: keyboard.gap

                        Repeater {
                            model: keyRow.modelData
                            delegate: KeyboardKey {
                                id: key
                                required property var modelData
                                readonly property real units: modelData.units !== undefined
                                                              ? modelData.units : 1
                                objectName: keyboard._objectName(modelData)
                                width: keyboard.unit * units + keyboard.gap * (units - 1)
                                height: Theme.touchTarget
                                label: keyboard._label(modelData, layoutKeys.modelData)
                                description: keyboard._description(modelData, layoutKeys.modelData)
                                accent: modelData.kind === "enter"
                                        || (modelData.kind === "shift" && input.shifted)
                                onActivated: keyboard._press(key.modelData)
                            }
                        }
                    }
                }
            }
        }
    }
}
