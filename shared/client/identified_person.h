#pragma once
// What the apps may show of the person in the session: masked display fields only.
// A value type (Q_GADGET): readable from C++ as members, from QML as properties. It never holds
// a full name, a full ID number or a scanned payload, so it may be copied freely.

#include <QMetaType>
#include <QString>

namespace hall::client {

struct IdentifiedPerson {
    Q_GADGET
    Q_PROPERTY(QString source MEMBER source)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString idNumber MEMBER idNumber)
    Q_PROPERTY(QString cardType MEMBER cardType)
    Q_PROPERTY(QString codeKind MEMBER codeKind)
    Q_PROPERTY(QString bookingId MEMBER bookingId)
    Q_PROPERTY(QString issuerHost MEMBER issuerHost)
    Q_PROPERTY(bool hasPersonKey MEMBER hasPersonKey)

public:
    QString source;     // "id_card", "social_security_card", "qr_code"; empty: nobody
    QString name;       // masked (name_mask.h): "王*兰"; a foreigner's card without a Chinese
                        // name gives the masked Latin name
    QString idNumber;   // masked (maskIdNumber): "110101********0025"
    QString cardType;   // id_card: "resident", "foreigner", "foreigner_2023", "hkmt_permit";
                        // social_security_card: "social_security"; qr_code: empty
    QString codeKind;   // qr_code: "appointment" or "eid_link"; otherwise empty
    QString bookingId;  // qr_code appointment: the booking id to send with issue_ticket
    QString issuerHost; // qr_code e-ID link: the issuer's host (not personal)
    bool hasPersonKey = false; // the session holds an ID number, so personKey() can answer

    bool operator==(const IdentifiedPerson&) const = default;
};

} // namespace hall::client

Q_DECLARE_METATYPE(hall::client::IdentifiedPerson)
