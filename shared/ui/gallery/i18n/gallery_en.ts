<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BannersScreen</name>
    <message>
        <location filename="../BannersScreen.qml" line="26"/>
        <source>Banners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BannersScreen.qml" line="49"/>
        <source>Your ID card could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BannersScreen.qml" line="50"/>
        <source>Place the card flat on the reader and keep it still for two seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BannersScreen.qml" line="52"/>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BannersScreen.qml" line="55"/>
        <source>Body text wraps onto several lines when it is longer than the screen is wide, with the line spacing of the theme.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CitizenScreen</name>
    <message>
        <location filename="../CitizenScreen.qml" line="21"/>
        <source>You can still take a ticket; it is reported when the link returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="33"/>
        <source>Choose a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="37"/>
        <source>Touch the service you came for. A ticket is printed with your number; please wait until it is called on the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="43"/>
        <source>For help, ask the staff at the information desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="48"/>
        <source>Social security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="49"/>
        <source>Residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="50"/>
        <source>Business licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="51"/>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="52"/>
        <source>Appointment check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="53"/>
        <source>Rate our service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="54"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="55"/>
        <source>Closed today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="60"/>
        <source>Printing your ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="65"/>
        <source>The ticket printer is out of paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="66"/>
        <source>Please take your number from the screen, or ask the staff for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="67"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HallScreen</name>
    <message>
        <location filename="../HallScreen.qml" line="55"/>
        <source>Numbers are issued from the block leased in advance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="67"/>
        <location filename="../HallScreen.qml" line="143"/>
        <source>Take a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="91"/>
        <source>Your number: %1 (issued offline, reported when the link returns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="93"/>
        <source>Your number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="99"/>
        <source>No number could be issued (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="100"/>
        <source>Please ask the staff at the information desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="111"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="116"/>
        <source>No services known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="135"/>
        <source>%1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="137"/>
        <source>wait unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="138"/>
        <source>about %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="154"/>
        <source>Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="169"/>
        <source>Window %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="170"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="171"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="173"/>
        <source>serving %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="174"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="183"/>
        <source>Latest calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="188"/>
        <source>No calls yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="196"/>
        <source>%1 to window %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="73"/>
        <source>Simulate link loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="73"/>
        <source>Restore the link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyboardScreen</name>
    <message>
        <location filename="../KeyboardScreen.qml" line="27"/>
        <source>Search for a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../KeyboardScreen.qml" line="31"/>
        <source>Type in pinyin and pick the characters above the keys, for example zhengwu for 政务.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../KeyboardScreen.qml" line="40"/>
        <source>Service name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeypadScreen</name>
    <message>
        <location filename="../KeypadScreen.qml" line="21"/>
        <source>Enter your mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../KeypadScreen.qml" line="27"/>
        <source>Mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../KeypadScreen.qml" line="29"/>
        <source>11 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../KeypadScreen.qml" line="38"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../KeypadScreen.qml" line="44"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../KeypadScreen.qml" line="51"/>
        <source>Entered: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="17"/>
        <source>Hall UI gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Main.qml" line="34"/>
        <source>Citizen screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Main.qml" line="39"/>
        <source>Hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Main.qml" line="44"/>
        <source>Keypad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Main.qml" line="49"/>
        <source>Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Main.qml" line="54"/>
        <source>Banners</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
