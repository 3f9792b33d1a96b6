// The card read's fields for the form, and the authenticity verdict the screen shows.
#include "kiosk/idcard/card_fields.hpp"

namespace kiosk {

CardFieldsOutcome cardFieldsFromRead(const icao::CardData& card) {
    CardFieldsOutcome out;
    icao::CardAuthenticity authenticity = icao::cardAuthenticity(card);
    if (authenticity == icao::CardAuthenticity::DataAltered) {
        // Issue 14, defect 6: altered data must never pre-fill a dossier.
        out.failure = "data_altered";
        return out;
    }
    const icao::PersonalData& p = card.personal;
    out.fields = {{"card.full_name", p.fullName},
                  {"card.id_number", p.idNumber},
                  {"card.date_of_birth", p.dateOfBirth},
                  {"card.sex", p.sex},
                  {"card.nationality", p.nationality},
                  {"card.ethnicity", p.ethnicity},
                  {"card.place_of_origin", p.placeOfOrigin},
                  {"card.place_of_residence", p.placeOfResidence}};
    const std::string& optional = card.mrz.optionalData1;
    if (!card.hasPersonalData && optional.size() >= 12 &&
        optional.find_first_not_of("0123456789") >= 12) {
        // DG13 unreadable but DG1 signed: the MRZ's optional data still carries the ID number.
        out.fields["card.id_number"] = optional.substr(0, 12);
    }
    if (!card.unreadGroups.empty()) {
        std::string unread;
        for (int group : card.unreadGroups) {
            unread += (unread.empty() ? "DG" : ",DG") + std::to_string(group);
        }
        out.fields["card.unread_groups"] = unread; // the screen says what is missing
    }
    out.fields["card.verification"] = std::string(icao::cardAuthenticityName(authenticity));
    return out;
}

} // namespace kiosk
