import QtQuick
import QtTest
import Hall.Ui

// Run-time language switching: zh_CN by default, English on request, back again — live on
// objects that already exist (engine.retranslate()), and through the LanguageSwitch itself.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: keypadComponent; NumericKeypad {} }
    Component { id: elderSwitchComponent; ElderModeSwitch {} }
    Component { id: languageSwitchComponent; LanguageSwitch {} }
    Component { id: offlineComponent; OfflineBanner { connectionState: "offline" } }

    TestCase {
        name: "Translation"
        when: windowShown

        function cleanup() {
            LanguageSwitcher.language = "zh_CN"
        }

        function test_a_default_is_chinese() {
            compare(LanguageSwitcher.language, "zh_CN")
            var keypad = createTemporaryObject(keypadComponent, root)
            compare(findChild(keypad, "okKey").text, "确定")
        }

        function test_both_languages_are_shipped() {
            verify(LanguageSwitcher.languages.indexOf("zh_CN") >= 0)
            verify(LanguageSwitcher.languages.indexOf("en") >= 0)
        }

        function test_switching_retranslates_live_objects() {
            var keypad = createTemporaryObject(keypadComponent, root)
            var toggle = createTemporaryObject(elderSwitchComponent, root)
            var offline = createTemporaryObject(offlineComponent, root)
            var ok = findChild(keypad, "okKey")
            var caption = findChild(toggle, "caption")
            var headline = findChild(offline, "headline")

            LanguageSwitcher.language = "en"
            compare(LanguageSwitcher.language, "en")
            compare(ok.text, "OK")
            compare(caption.text, "Elder mode")
            compare(headline.text, "Offline")

            LanguageSwitcher.language = "zh_CN"
            compare(ok.text, "确定")
            compare(caption.text, "长辈模式")
            compare(headline.text, "离线")
        }

        function test_language_switch_buttons() {
            var chooser = createTemporaryObject(languageSwitchComponent, root)
            waitForRendering(chooser)
            var english = chooser.children[1]
            compare(english.Accessible.name, "English")
            mouseClick(english)
            compare(LanguageSwitcher.language, "en")
            mouseClick(chooser.children[0])
            compare(LanguageSwitcher.language, "zh_CN")
        }

        function test_unknown_language_changes_nothing() {
            ignoreWarning(/no translations for language xx/)
            verify(!LanguageSwitcher.switchTo("xx"))
            compare(LanguageSwitcher.language, "zh_CN")
            var keypad = createTemporaryObject(keypadComponent, root)
            compare(findChild(keypad, "okKey").text, "确定")
        }
    }
}
