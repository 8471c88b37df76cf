<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/AttractScreen.qml" line="38"/>
        <source>Touch the screen to take a number</source>
        <translation>Touch the screen to take a number</translation>
    </message>
</context>
<context>
    <name>CallBoardScreen</name>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="78"/>
        <source>Now calling</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="92"/>
        <source>Connection lost since %1</source>
        <translation>Connection lost since %1</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="120"/>
        <source>Latest calls</source>
        <translation>Latest calls</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="158"/>
        <source>No calls yet.</source>
        <translation>No calls yet.</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="209"/>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="191"/>
        <location filename="../qml/CallBoardScreen.qml" line="244"/>
        <location filename="../qml/CallBoardScreen.qml" line="383"/>
        <source>Window %1</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="180"/>
        <source>Missed your call? Please go to the window shown</source>
        <translation>Missed your call? Please go to the window shown</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="253"/>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="254"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="256"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="270"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CallBoardScreen.qml" line="304"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="390"/>
        <source>Called again: please go to window %1 now</source>
        <translation>Called again: please go to window %1 now</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="391"/>
        <source>Please go to window %1</source>
        <translation>Please go to window %1</translation>
    </message>
</context>
<context>
    <name>CallRow</name>
    <message>
        <location filename="../qml/CallRow.qml" line="43"/>
        <source>Window %1</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../qml/CallRow.qml" line="44"/>
        <source>(again)</source>
        <translation>(again)</translation>
    </message>
</context>
<context>
    <name>GreenChannelCard</name>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="59"/>
        <source>Green channel (staff)</source>
        <translation>Green channel (staff)</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="64"/>
        <source>The number is called before the ordinary ones. Choose who it is for and the service, then confirm with your own ID card or your staff number and PIN.</source>
        <translation>The number is called before the ordinary ones. Choose who it is for and the service, then confirm with your own ID card or your staff number and PIN.</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="76"/>
        <source>Who is it for?</source>
        <translation>Who is it for?</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="96"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="122"/>
        <source>✓ Staff card read</source>
        <translation>✓ Staff card read</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="134"/>
        <source>Staff number</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="146"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="157"/>
        <source>Or place your own ID card on the reader.</source>
        <translation>Or place your own ID card on the reader.</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="170"/>
        <source>Issue the number</source>
        <translation>Issue the number</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="176"/>
        <source>Back (%1 s)</source>
        <translation>Back (%1 s)</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="26"/>
        <source>Call board</source>
        <translation>Call board</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="26"/>
        <source>Ticket machine</source>
        <translation>Ticket machine</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="26"/>
        <source>LED strip</source>
        <translation>LED strip</translation>
    </message>
</context>
<context>
    <name>ServiceTile</name>
    <message>
        <location filename="../qml/ServiceTile.qml" line="23"/>
        <source>Today&apos;s numbers are all given out</source>
        <translation>Today&apos;s numbers are all given out</translation>
    </message>
    <message>
        <location filename="../qml/ServiceTile.qml" line="24"/>
        <source>Numbers are given out %1</source>
        <translation>Numbers are given out %1</translation>
    </message>
    <message>
        <location filename="../qml/ServiceTile.qml" line="25"/>
        <source>Nobody waiting</source>
        <translation>Nobody waiting</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ServiceTile.qml" line="25"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ServiceTile.qml" line="26"/>
        <source>about %n min</source>
        <translation>
            <numerusform>about %n min</numerusform>
            <numerusform>about %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ServiceTile.qml" line="27"/>
        <source>%n numbers left</source>
        <translation>
            <numerusform>%n number left</numerusform>
            <numerusform>%n numbers left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ServiceTile.qml" line="28"/>
        <source>ID card needed</source>
        <translation>ID card needed</translation>
    </message>
</context>
<context>
    <name>TicketMachineScreen</name>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="53"/>
        <source>Numbers are still given out here.</source>
        <translation>Numbers are still given out here.</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="76"/>
        <source>Take a number</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="81"/>
        <source>Touch the service you have come for. Your number is printed at once.</source>
        <translation>Touch the service you have come for. Your number is printed at once.</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="97"/>
        <source>All services</source>
        <translation>All services</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="163"/>
        <source>The services are being loaded…</source>
        <translation>The services are being loaded…</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="179"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="185"/>
        <location filename="../qml/TicketMachineScreen.qml" line="255"/>
        <location filename="../qml/TicketMachineScreen.qml" line="459"/>
        <source>Check in for a booking</source>
        <translation>Check in for a booking</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="191"/>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="192"/>
        <source>Reprint my last ticket</source>
        <translation>Reprint my last ticket</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="228"/>
        <source>Please place your ID card on the reader</source>
        <translation>Please place your ID card on the reader</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="232"/>
        <source>This service gives numbers only to the person who will be served. A social-security card works too.</source>
        <translation>This service gives numbers only to the person who will be served. A social-security card works too.</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="262"/>
        <source>Please scan the booking&apos;s QR code, or place the ID card you booked with on the reader</source>
        <translation>Please scan the booking&apos;s QR code, or place the ID card you booked with on the reader</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="267"/>
        <source>Your number is called first once your booked time has come.</source>
        <translation>Your number is called first once your booked time has come.</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="285"/>
        <source>Or type the booking code</source>
        <translation>Or type the booking code</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="293"/>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="330"/>
        <source>%1 people are waiting before you, about %2 minutes.</source>
        <translation>%1 people are waiting before you, about %2 minutes.</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="332"/>
        <source>%1 people are waiting before you.</source>
        <translation>%1 people are waiting before you.</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="336"/>
        <source>Do you still want a number?</source>
        <translation>Do you still want a number?</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="342"/>
        <source>Yes, take a number</source>
        <translation>Yes, take a number</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="348"/>
        <source>No, go back</source>
        <translation>No, go back</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="359"/>
        <source>Taking your number…</source>
        <translation>Taking your number…</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="369"/>
        <source>Your number</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="390"/>
        <source>Nobody is ahead of you. Please watch the board.</source>
        <translation>Nobody is ahead of you. Please watch the board.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/TicketMachineScreen.qml" line="391"/>
        <source>%n people ahead of you</source>
        <translation>
            <numerusform>%n person ahead of you</numerusform>
            <numerusform>%n people ahead of you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/TicketMachineScreen.qml" line="393"/>
        <source>, about %n min</source>
        <translation>
            <numerusform>, about %n min</numerusform>
            <numerusform>, about %n min</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="401"/>
        <source>This number was given out while the hall system is unreachable. It is valid and will be called in turn.</source>
        <translation>This number was given out while the hall system is unreachable. It is valid and will be called in turn.</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="408"/>
        <source>Your ticket is being printed…</source>
        <translation>Your ticket is being printed…</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="409"/>
        <source>Please take your ticket and wait for your number on the call board.</source>
        <translation>Please take your ticket and wait for your number on the call board.</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="439"/>
        <source>The ticket could not be printed. Please take a photo of this screen: the number and this code are your ticket. The staff have been told.</source>
        <translation>The ticket could not be printed. Please take a photo of this screen: the number and this code are your ticket. The staff have been told.</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="447"/>
        <source>Done (%1 s)</source>
        <translation>Done (%1 s)</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="472"/>
        <source>Your number: %1</source>
        <translation>Your number: %1</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="242"/>
        <location filename="../qml/TicketMachineScreen.qml" line="299"/>
        <location filename="../qml/TicketMachineScreen.qml" line="481"/>
        <source>Back to the services (%1 s)</source>
        <translation>Back to the services (%1 s)</translation>
    </message>
</context>
<context>
    <name>hall::callstation::TicketMachine</name>
    <message>
        <location filename="../ticket_machine.cpp" line="408"/>
        <source>This service is not taking numbers at this time.</source>
        <translation>This service is not taking numbers at this time.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="410"/>
        <source>Today&apos;s numbers for this service have all been given out.</source>
        <translation>Today&apos;s numbers for this service have all been given out.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="412"/>
        <source>You already have a number for this service today.</source>
        <translation>You already have a number for this service today.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="414"/>
        <source>This service needs your ID card.</source>
        <translation>This service needs your ID card.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="416"/>
        <source>No booking for today was found.</source>
        <translation>No booking for today was found.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="418"/>
        <source>Your booking is for another day.</source>
        <translation>Your booking is for another day.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="420"/>
        <source>It is too early to check in for your booking.</source>
        <translation>It is too early to check in for your booking.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="422"/>
        <source>The check-in time for your booking has passed.</source>
        <translation>The check-in time for your booking has passed.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="424"/>
        <source>This booking is already checked in.</source>
        <translation>This booking is already checked in.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="426"/>
        <source>Bookings cannot be checked in just now.</source>
        <translation>Bookings cannot be checked in just now.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="429"/>
        <source>This machine cannot give out numbers for this service just now.</source>
        <translation>This machine cannot give out numbers for this service just now.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="430"/>
        <source>No number could be given out.</source>
        <translation>No number could be given out.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="435"/>
        <source>Numbers for it are given out in the hours shown on its button.</source>
        <translation>Numbers for it are given out in the hours shown on its button.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="437"/>
        <source>Please come back on another working day, or book an appointment.</source>
        <translation>Please come back on another working day, or book an appointment.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="439"/>
        <location filename="../ticket_machine.cpp" line="450"/>
        <source>Please wait for your number to be called.</source>
        <translation>Please wait for your number to be called.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="441"/>
        <source>Please place your ID card or social-security card on the reader and try again.</source>
        <translation>Please place your ID card or social-security card on the reader and try again.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="443"/>
        <source>Please check the booking&apos;s QR code or the ID card it was made with, or take an ordinary number.</source>
        <translation>Please check the booking&apos;s QR code or the ID card it was made with, or take an ordinary number.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="446"/>
        <source>Please take an ordinary number; the staff can see your booking at the window.</source>
        <translation>Please take an ordinary number; the staff can see your booking at the window.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="448"/>
        <source>Check-in opens shortly before your booked time. Please come back then.</source>
        <translation>Check-in opens shortly before your booked time. Please come back then.</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="451"/>
        <source>Please try another ticket machine or ask at the information desk.</source>
        <translation>Please try another ticket machine or ask at the information desk.</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="14"/>
        <source>This staff number, or this card, is not registered for the green channel.</source>
        <translation>This staff number, or this card, is not registered for the green channel.</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="16"/>
        <source>Wrong staff number or PIN. Please try again.</source>
        <translation>Wrong staff number or PIN. Please try again.</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="18"/>
        <source>Too many wrong PINs: this staff number is locked for a while. Please use your ID card or ask the hall manager.</source>
        <translation>Too many wrong PINs: this staff number is locked for a while. Please use your ID card or ask the hall manager.</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="21"/>
        <source>The green channel needs the hall&apos;s server, which cannot be reached just now. An ordinary number can still be taken.</source>
        <translation>The green channel needs the hall's server, which cannot be reached just now. An ordinary number can still be taken.</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="23"/>
        <source>The hall does not have this green-channel category.</source>
        <translation>The hall does not have this green-channel category.</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="39"/>
        <source>Elderly</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="40"/>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="41"/>
        <source>Pregnant</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="42"/>
        <source>Military</source>
        <translation>Military</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="62"/>
        <source>This card cannot be used here. Please enter your staff number and PIN.</source>
        <translation>This card cannot be used here. Please enter your staff number and PIN.</translation>
    </message>
</context>
</TS>
