// The field editor: which keyboard a field gets, Done/Cancel, list picks and the date pads.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/flow/flow.hpp"
#include "kiosk/validation/id_number.hpp"
#include "kiosk/validation/messages.hpp"

#include <algorithm>

namespace kiosk {
namespace {

std::string trimmed(std::string_view text) {
    auto begin = text.find_first_not_of(' ');
    if (begin == std::string_view::npos) {
        return {};
    }
    auto end = text.find_last_not_of(' ');
    return std::string(text.substr(begin, end - begin + 1));
}

input::FieldKind fieldKind(FieldType type) {
    switch (type) {
    case FieldType::Name:
        return input::FieldKind::Name;
    case FieldType::Number:
        return input::FieldKind::Number;
    case FieldType::Phone:
        return input::FieldKind::Phone;
    case FieldType::IdNumber:
        return input::FieldKind::IdNumber;
    case FieldType::Email:
        return input::FieldKind::Email;
    case FieldType::Date:
        return input::FieldKind::Number; // the year pad: four digits, nothing that composes
    case FieldType::Text:
    case FieldType::Select:
        break;
    }
    return input::FieldKind::Text;
}

} // namespace

const Field* Flow::editedField() const {
    if (!state_.dossier.edit) {
        return nullptr;
    }
    const std::string& id = state_.dossier.edit->fieldId;
    if (id == kCardBirthField) {
        return &cardBirthField_;
    }
    if (id == kCardExpiryField) {
        return &cardExpiryField_;
    }
    const Procedure* procedure = currentProcedure();
    return procedure == nullptr ? nullptr : procedure->findField(id);
}

void Flow::startEdit(const std::string& fieldId, SteadyTime now) {
    FieldEdit edit;
    edit.fieldId = fieldId;
    edit.composer = std::make_unique<input::VietnameseComposer>();
    if (fieldId == kLookupCodeField) {
        // Dossier codes mix letters, digits, dots and dashes ("000.00.01.H22-261125-0007").
        edit.keyboard = input::openKeyboard(input::FieldKind::Email, *edit.composer);
        edit.composer->setMaxLength(40);
        edit.composer->setText(state_.lookup.code);
    } else if (fieldId == kCardNumberField) {
        edit.keyboard = input::openKeyboard(input::FieldKind::IdNumber, *edit.composer);
        edit.composer->setText(state_.dossier.cardAccessNumber);
    } else if (isCardDateField(fieldId)) {
        // The year on the number pad, then the month and day pads, as for any date field.
        edit.keyboard = input::openKeyboard(input::FieldKind::Number, *edit.composer);
        edit.composer->setMaxLength(4);
        const std::string& existing = fieldId == kCardBirthField ? state_.dossier.cardBirthDate
                                                                 : state_.dossier.cardExpiryDate;
        if (auto date = parseDate(existing)) {
            edit.composer->setText(std::to_string(date->year));
        }
    } else {
        const Procedure* procedure = currentProcedure();
        const Field* field = procedure ? procedure->findField(fieldId) : nullptr;
        if (field == nullptr) {
            return;
        }
        edit.keyboard = input::openKeyboard(fieldKind(field->type), *edit.composer);
        if (field->type == FieldType::Date) {
            edit.composer->setMaxLength(4);
        } else if (field->rule.maxLength) {
            edit.composer->setMaxLength(static_cast<std::size_t>(*field->rule.maxLength));
        }
        auto existing = state_.dossier.values.find(fieldId);
        if (field->type == FieldType::Date) {
            if (existing != state_.dossier.values.end()) {
                if (auto date = parseDate(existing->second)) {
                    edit.composer->setText(std::to_string(date->year));
                }
            }
        } else if (field->type != FieldType::Select && existing != state_.dossier.values.end()) {
            edit.composer->setText(existing->second);
        }
    }
    state_.dossier.edit = std::move(edit);
    open(Screen::FieldEditor, now);
}

void Flow::finishEdit(bool keep) {
    (void)keep; // values were stored by the caller when kept
    state_.dossier.edit.reset();
    if (state_.screen == Screen::FieldEditor && !state_.history.empty()) {
        state_.screen = state_.history.back();
        state_.history.pop_back();
        logger_.log(LogEvent::ScreenChanged, {{"screen", screenName(state_.screen)}});
    }
}

void Flow::storeAnswer(const Field& field, const std::string& value) {
    DossierDraft& dossier = state_.dossier;
    if (isCardDateField(field.id)) {
        (field.id == kCardBirthField ? dossier.cardBirthDate : dossier.cardExpiryDate) = value;
        // A changed date deserves a fresh try: the "do not open this card" message goes.
        dossier.cardStep = CardStep::Idle;
        dossier.cardFailure.reset();
        return;
    }
    auto previous = dossier.values.find(field.id);
    if (previous == dossier.values.end() || previous->second != value) {
        dossier.prefilled.erase(field.id); // changed by the resident: no longer "from the card"
    }
    dossier.values[field.id] = value;
    std::erase_if(dossier.problems, [&](const FieldProblem& p) { return p.fieldId == field.id; });
    refreshCardPrefill();
}

void Flow::refreshCardPrefill() {
    DossierDraft& dossier = state_.dossier;
    const Procedure* procedure = currentProcedure();
    // Form answers are stored only after the resident confirmed the card's details.
    if (procedure == nullptr || !dossier.card || dossier.cardStep != CardStep::Read) {
        return;
    }
    refreshConditionalPrefill(*procedure, *dossier.card, *catalog_, dossier.values,
                              dossier.prefilled);
}

void Flow::editDone() {
    if (!state_.dossier.edit) {
        return;
    }
    FieldEdit& edit = *state_.dossier.edit;
    DossierDraft& dossier = state_.dossier;
    if (edit.composer) {
        edit.composer->commitWord();
    }
    std::string value = edit.composer ? trimmed(edit.composer->text()) : std::string();

    if (edit.fieldId == kLookupCodeField) {
        std::transform(value.begin(), value.end(), value.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        state_.lookup.code = value;
        finishEdit(true);
        return;
    }
    if (edit.fieldId == kCardNumberField) {
        if (auto problem = checkIdNumber(value, std::nullopt, std::nullopt)) {
            problem->fieldId = edit.fieldId;
            edit.problem = std::move(*problem);
            return;
        }
        dossier.cardAccessNumber = normaliseIdNumber(value);
        finishEdit(true);
        startCardRead(state_.lastInput);
        return;
    }

    const Field* field = editedField();
    if (field == nullptr) {
        finishEdit(false);
        return;
    }
    if (field->type == FieldType::Date) {
        // Year stage: the months and days come as pads next.
        int thisYear = vietnamTimeFromUnix(unixNow_()).date.year;
        // An ID card issued at 40 is valid until 60: its expiry can be decades ahead.
        int latest = thisYear + (field->id == kCardExpiryField ? 30 : 10);
        int year = 0;
        bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
        if (digits) {
            year = std::stoi(value);
        }
        if (!digits || year < 1900 || year > latest) {
            edit.problem = makeFieldProblem("date.not_real");
            edit.problem->fieldId = field->id;
            return;
        }
        edit.date.year = year;
        edit.date.stage = DatePick::Stage::Month;
        return;
    }
    if (value.empty()) {
        dossier.values.erase(field->id);
        dossier.prefilled.erase(field->id);
        refreshCardPrefill();
        finishEdit(true);
        return;
    }
    if (auto problem = validateField(*field, value, dossier.values, validationContext())) {
        edit.problem = std::move(*problem);
        return;
    }
    storeAnswer(*field, value);
    finishEdit(true);
}

void Flow::pickItem(const std::string& itemId) {
    const Field* field = editedField();
    if (field == nullptr || field->type != FieldType::Select) {
        return;
    }
    storeAnswer(*field, itemId);
    finishEdit(true);
}

void Flow::pickDatePart(int value) {
    const Field* field = editedField();
    if (field == nullptr || field->type != FieldType::Date) {
        return;
    }
    FieldEdit& edit = *state_.dossier.edit;
    if (edit.date.stage == DatePick::Stage::Month) {
        if (value >= 1 && value <= 12) {
            edit.date.month = value;
            edit.date.stage = DatePick::Stage::Day;
            edit.problem.reset();
        }
        return;
    }
    if (edit.date.stage != DatePick::Stage::Day ||
        !isRealDate(edit.date.year, edit.date.month, value)) {
        return;
    }
    std::string text = formatDate(CivilDate{edit.date.year, edit.date.month, value});
    if (auto problem = validateField(*field, text, state_.dossier.values, validationContext())) {
        edit.problem = std::move(*problem);
        return;
    }
    storeAnswer(*field, text);
    finishEdit(true);
}

void Flow::editorBack() {
    if (state_.dossier.edit) {
        DatePick& date = state_.dossier.edit->date;
        state_.dossier.edit->problem.reset();
        if (date.stage == DatePick::Stage::Day) {
            date.stage = DatePick::Stage::Month;
            return;
        }
        if (date.stage == DatePick::Stage::Month) {
            date.stage = DatePick::Stage::Year;
            return;
        }
    }
    finishEdit(false);
}

} // namespace kiosk
