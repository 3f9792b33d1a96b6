// Secure wipe of a dossier draft's answers.
#include "kiosk/flow/dossier_draft.hpp"

#include <openssl/crypto.h>

namespace kiosk {

bool isCardDateField(std::string_view fieldId) {
    return fieldId == kCardBirthField || fieldId == kCardExpiryField;
}

void DossierDraft::wipe() noexcept {
    for (auto& [field, value] : values) {
        OPENSSL_cleanse(value.data(), value.size());
    }
    values.clear();
    card.reset(); // CardHolder wipes its own text
    OPENSSL_cleanse(cardAccessNumber.data(), cardAccessNumber.size());
    cardAccessNumber.clear();
    for (std::string* date : {&cardBirthDate, &cardExpiryDate}) {
        OPENSSL_cleanse(date->data(), date->size());
        date->clear();
    }
    for (FieldProblem& problem : problems) {
        OPENSSL_cleanse(problem.text.vi.data(), problem.text.vi.size());
        OPENSSL_cleanse(problem.text.en.data(), problem.text.en.size());
    }
    problems.clear();
    edit.reset(); // the composer wipes its own buffers
}

} // namespace kiosk
