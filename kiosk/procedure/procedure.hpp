// A commune procedure as data: texts, field groups (one per screen), documents, fee, time limits.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Every text a resident reads exists in Vietnamese and English.
struct LocalText {
    std::string vi;
    std::string en;
};

enum class FieldType { Text, Name, Date, Number, Phone, IdNumber, Select, Email };

// Limits checked by kiosk/validation; absent means "no limit".
struct FieldRule {
    std::optional<int> minLength; // in characters (UTF-8 code points), after trimming
    std::optional<int> maxLength;
    std::optional<std::string> pattern; // ECMAScript regex the whole value must match
    std::optional<long> minValue;       // numbers only
    std::optional<long> maxValue;
    bool notFuture = false;               // dates only
    std::optional<std::string> notBefore; // dates only, "yyyy-mm-dd"
    std::optional<int> maxAgeDays;        // dates only: not older than this many days
    // ID numbers only: the fields holding the same person's date of birth and sex, so the
    // century/sex digit and the birth-year digits can be cross-checked.
    std::optional<std::string> dateOfBirthField;
    std::optional<std::string> sexField;
    // Makes an optional field required when another field has a given answer, e.g. the
    // residence address once "register residence?" is answered "yes".
    struct Condition {
        std::string field;
        std::string equals;
    };
    std::optional<Condition> requiredIf;
};

struct Field {
    std::string id; // unique within the procedure
    LocalText label;
    FieldType type = FieldType::Text;
    bool required = true;
    FieldRule rule;
    std::optional<std::string> prefill; // "card.full_name", "card.id_number"...
    // Pre-fill only when the card holder is this person: e.g. the mother's fields of a birth
    // registration when the applicant answered "mother", the wife's of a marriage when the
    // applicant's sex is female. The answer of `field` (a select) must be one of `anyOf`.
    struct PrefillCondition {
        std::string field;
        std::vector<std::string> anyOf;
    };
    std::optional<PrefillCondition> prefillWhen;
    std::optional<std::string> picker; // list id in content/lists/
};

// One screen of the guided form.
struct FieldGroup {
    std::string id;
    LocalText title;
    // An optional group (e.g. "the father, if any") may be left entirely empty; once any of
    // its fields is filled, its required fields apply.
    bool optional = false;
    std::vector<Field> fields;
};

enum class DocumentForm { Original, Copy };

struct DocumentRequirement {
    std::string id;
    LocalText name;
    DocumentForm form = DocumentForm::Original;
    int count = 1;
    bool required = true;
};

// AskAtDesk: a fee exists but its amount is set locally and not verified; the note says so.
enum class FeeKind { Free, Fixed, PerCopy, PerPage, AskAtDesk };

struct Fee {
    FeeKind kind = FeeKind::Free;
    long amountDong = 0; // per unit for PerCopy/PerPage
    LocalText note;
};

struct ProcessingTime {
    LocalText text;
    int workingDays = 0; // 0 = resolved the day the file is received
    int cutoffHour = 15; // files received at or after this time count from the next working day
    int cutoffMinute = 0;
};

// One instruction of the hand-off walkthrough and the picture that shows it.
struct HandOffStep {
    LocalText text;
    std::string image; // path inside the content pack; empty when the step has none
};

// How to continue on one's own phone: the national portal page, or steps in VNeID.
struct PhoneHandOff {
    std::string portalUrl;
    std::vector<HandOffStep> steps;
    std::vector<HandOffStep> vneidSteps;
};

struct Procedure {
    std::string code;     // mã TTHC, e.g. "1.001193"
    std::string category; // id in categories.json
    int popularity = 0;   // 1 = shown first
    LocalText name;
    // Other words residents use for it, in either language ("giấy khai sinh", "birth
    // certificate"); only the procedure search reads them.
    std::vector<std::string> keywords;
    LocalText purpose;
    LocalText whoMayApply;
    LocalText resultReturnedAt;
    LocalText agency;
    std::vector<FieldGroup> groups;
    std::vector<DocumentRequirement> documents;
    Fee fee;
    ProcessingTime processing;
    PhoneHandOff handOff;
    // Submission payload key (ChuHoSo, MaDoiTuong, SoDienThoai, Email, TrichYeuHoSo) -> field id.
    std::map<std::string, std::string> payloadFields;

    const Field* findField(const std::string& id) const;
};

struct Category {
    std::string id;
    std::string icon;
    LocalText name;
};

struct PickerItem {
    std::string id;
    LocalText label;
    std::string parent; // e.g. the commune of a village; empty at the top level
};

struct PickerList {
    std::string id;
    bool sampleData = false; // unverified example data, shown as such to maintainers
    std::vector<PickerItem> items;

    const PickerItem* find(const std::string& itemId) const;
};

} // namespace kiosk
