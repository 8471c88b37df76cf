import QtQuick
import QtQuick.Controls
import QtTest
import Hall.Ui
import Hall.Keyboard

// PinyinKeyboard driven by taps, as a citizen would, typing into a TextField.
Item {
    id: root
    width: 900
    height: 700

    TextField {
        id: field
        width: 600
        height: 60
        font.family: Theme.fontFamily
    }

    TextArea {
        id: area
        y: 70
        width: 600
        height: 80
        font.family: Theme.fontFamily
    }

    PinyinKeyboard {
        id: keyboard
        y: 160
        width: root.width
        target: field
    }

    SignalSpy {
        id: enterSpy
        target: keyboard
        signalName: "enterPressed"
    }
    SignalSpy {
        id: acceptedSpy
        target: field
        signalName: "accepted"
    }
    SignalSpy {
        id: committedSpy
        target: keyboard
        signalName: "textCommitted"
    }
    SignalSpy {
        id: rejectedSpy
        target: keyboard.input
        signalName: "keyRejected"
    }

    TestCase {
        name: "PinyinKeyboard"
        when: windowShown

        function init() {
            Theme.elderMode = false
            keyboard.target = field
            keyboard.resetSession()
            field.text = ""
            area.text = ""
            enterSpy.clear()
            acceptedSpy.clear()
            committedSpy.clear()
            rejectedSpy.clear()
        }

        // The shown layout's key `name` (each layout has its own keys).
        function key(name) {
            const names = {}
            names[PinyinInput.Pinyin] = "layout_pinyin"
            names[PinyinInput.English] = "layout_english"
            names[PinyinInput.Symbols] = "layout_symbols"
            const shown = findChild(keyboard, names[keyboard.layout])
            verify(shown !== null && shown.visible, "no layout " + keyboard.layout)
            const found = findChild(shown, name)
            verify(found !== null, "no key " + name)
            return found
        }
        function tap(name) {
            mouseClick(key(name))
        }
        function typeKeys(text) {
            for (const c of text)
                tap("key_" + c)
        }
        function candidateList() {
            return findChild(keyboard, "candidateList")
        }
        // The candidate bar's delegate showing `text`, scrolled into view; null when not offered.
        function candidateItem(text) {
            const list = candidateList()
            for (let i = 0; i < list.count; ++i) {
                if (list.model.textAt(i) === text) {
                    list.positionViewAtIndex(i, ListView.Contain)
                    list.forceLayout()
                    return list.itemAtIndex(i)
                }
            }
            return null
        }
        function offered(text) {
            const list = candidateList()
            const shown = []
            for (let i = 0; i < list.count; ++i)
                shown.push(list.model.textAt(i))
            return shown.indexOf(text) >= 0
        }

        function test_zhengwu_offers_and_types_政务() {
            compare(keyboard.layout, PinyinInput.Pinyin)
            typeKeys("zhengwu")
            compare(keyboard.input.composition, "zhengwu")
            compare(keyboard.preedit, "zheng'wu")
            verify(keyboard.composing)
            compare(field.text, "", "nothing is typed while composing")
            const candidate = candidateItem("政务")
            verify(candidate !== null, "政务 is not in the candidate bar")
            compare(candidate.label, "政务")
            mouseClick(candidate)
            compare(field.text, "政务")
            verify(!keyboard.composing)
            compare(candidateList().count, 0)
            compare(committedSpy.count, 1)
            compare(committedSpy.signalArguments[0][0], "政务")
        }

        function test_a_partial_choice_offers_the_rest() {
            typeKeys("banli")
            mouseClick(candidateItem("办"))
            compare(field.text, "")
            compare(keyboard.preedit, "办li")
            const li = candidateItem("理")
            verify(li !== null)
            mouseClick(li)
            compare(field.text, "办理")
        }

        function test_space_types_the_sentence_and_punctuation_follows() {
            typeKeys("shenfenzheng")
            tap("key_space")
            compare(field.text, "身份证")
            typeKeys("banli")
            tap("key_，")
            compare(field.text, "身份证办理，")
            tap("key_space")
            compare(field.text, "身份证办理， ")
        }

        function test_english_layout_types_abc() {
            tap("key_layout_english")
            compare(keyboard.layout, PinyinInput.English)
            verify(!candidateItem("a"))
            typeKeys("abc")
            compare(field.text, "abc")
            verify(!keyboard.composing)
            tap("key_shift")
            compare(key("key_d").label, "D")
            tap("key_d")
            tap("key_e")
            compare(field.text, "abcDe", "Shift applies to one letter")
        }

        function test_digits_layout_types_123() {
            tap("key_layout_symbols")
            compare(keyboard.layout, PinyinInput.Symbols)
            typeKeys("123")
            compare(field.text, "123")
            tap("key_-")
            tap("key_0")
            compare(field.text, "123-0")
            tap("key_layout_pinyin")
            compare(keyboard.layout, PinyinInput.Pinyin)
        }

        function test_backspace_edits_the_composition_then_the_field() {
            tap("key_layout_english")
            typeKeys("abc")
            tap("key_backspace")
            compare(field.text, "ab")
            tap("key_layout_pinyin")
            typeKeys("ban")
            tap("key_backspace")
            compare(keyboard.input.composition, "ba")
            compare(field.text, "ab", "Backspace while composing leaves the field alone")
            tap("key_backspace")
            tap("key_backspace")
            verify(!keyboard.composing)
            tap("key_backspace")
            compare(field.text, "a")
            tap("key_backspace")
            tap("key_backspace")
            compare(field.text, "")
        }

        function test_typing_goes_to_the_cursor_and_replaces_a_selection() {
            field.text = "AB"
            field.cursorPosition = 1
            tap("key_layout_symbols")
            tap("key_1")
            compare(field.text, "A1B")
            field.select(0, 2)
            tap("key_2")
            compare(field.text, "2B")
            field.cursorPosition = 1
            tap("key_backspace")
            compare(field.text, "B")
        }

        function test_enter_types_the_letters_or_accepts_the_field() {
            typeKeys("ban")
            tap("key_enter")
            compare(field.text, "ban")
            verify(!keyboard.composing)
            compare(enterSpy.count, 0)
            tap("key_enter")
            compare(enterSpy.count, 1)
            compare(acceptedSpy.count, 1)

            keyboard.target = area
            tap("key_layout_english")
            typeKeys("ab")
            tap("key_enter")
            typeKeys("c")
            compare(area.text, "ab\nc")
        }

        function test_switching_layout_keeps_what_was_composed() {
            typeKeys("ban")
            tap("key_layout_symbols")
            compare(field.text, "ban")
            verify(!keyboard.composing)
        }

        function test_letters_that_spell_nothing_are_refused() {
            typeKeys("i")
            verify(!keyboard.composing)
            compare(rejectedSpy.count, 1)
            typeKeys("zhengwuv")
            compare(keyboard.input.composition, "zhengwu")
            compare(rejectedSpy.count, 2)
            compare(field.text, "")
        }

        function test_session_reset_empties_the_composition_and_forgets() {
            typeKeys("zhengwu")
            const before = []
            for (let i = 0; i < 5; ++i)
                before.push(candidateList().model.textAt(i))
            // 征 + 武, twice: the engine learns 征武 as a word for "zhengwu".
            for (let round = 0; round < 2; ++round) {
                if (round > 0)
                    typeKeys("zhengwu")
                mouseClick(candidateItem("征"))
                mouseClick(candidateItem("武"))
            }
            compare(field.text, "征武征武")
            typeKeys("zhengwu")
            verify(offered("征武"), "learned within the session")

            tap("key_layout_english")
            tap("key_layout_pinyin")
            typeKeys("zh")
            keyboard.resetSession()
            verify(!keyboard.composing)
            compare(keyboard.input.composition, "")
            compare(keyboard.preedit, "")
            compare(candidateList().count, 0)

            typeKeys("zhengwu")
            verify(!offered("征武"), "the next citizen is not offered the last one's word")
            for (let i = 0; i < 5; ++i)
                compare(candidateList().model.textAt(i), before[i])
        }

        function test_session_reset_returns_to_pinyin() {
            tap("key_layout_symbols")
            keyboard.resetSession()
            compare(keyboard.layout, PinyinInput.Pinyin)
        }

        function checkKeySizes(layout) {
            keyboard.layout = layout
            wait(0)
            let keys = 0
            const rows = key("key_space").parent.parent
            for (let r = 0; r < rows.children.length; ++r) {
                const row = rows.children[r]
                for (let k = 0; k < row.children.length; ++k) {
                    const item = row.children[k]
                    if (!item.objectName.startsWith("key_"))
                        continue
                    ++keys
                    verify(item.width >= Theme.touchTarget, item.objectName + " too narrow")
                    verify(item.height >= Theme.touchTarget, item.objectName + " too low")
                    const left = item.mapToItem(keyboard, 0, 0).x
                    verify(left >= 0 && left + item.width <= keyboard.width,
                           item.objectName + " sticks out of the keyboard")
                }
            }
            verify(keys >= 30, "found only " + keys + " keys")
        }

        function test_keys_are_at_least_a_touch_target() {
            for (const elder of [false, true]) {
                Theme.elderMode = elder
                for (const layout of [PinyinInput.Pinyin, PinyinInput.English, PinyinInput.Symbols])
                    checkKeySizes(layout)
            }
            Theme.elderMode = true
            keyboard.layout = PinyinInput.Pinyin
            typeKeys("banli")
            const candidate = candidateItem("办理")
            verify(candidate.width >= Theme.touchTarget && candidate.height >= Theme.touchTarget)
            verify(Theme.touchTarget >= 60)
        }

        function test_zh_CN_translation_is_complete() {
            compare(translationProbe.translate("zh_CN", "PinyinKeyboard", "Space"), "空格")
            compare(translationProbe.translate("zh_CN", "PinyinKeyboard", "Delete"), "删除")
            compare(translationProbe.translate("zh_CN", "CandidateBar", "Candidates"), "候选词")
        }
    }
}
