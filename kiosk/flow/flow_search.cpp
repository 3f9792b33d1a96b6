// Procedure search: a keyboard, a composer and the live list of matching procedures.
#include "kiosk/flow/flow.hpp"
#include "kiosk/procedure/procedure_search.hpp"

#include <algorithm>

namespace kiosk {
namespace {

// Long enough for "đăng ký khai sinh cho con"; a search box is not a place for sentences.
constexpr std::size_t kSearchMaxCharacters = 40;

} // namespace

void Flow::openSearch(SteadyTime now) {
    // Each visit from the categories starts empty: the last resident's words must not show, and
    // a resident coming back to search again wants a fresh box.
    ProcedureSearchState& search = state_.search;
    search.composer = std::make_unique<input::VietnameseComposer>();
    search.keyboard = input::openKeyboard(input::FieldKind::Text, *search.composer);
    search.composer->setMaxLength(kSearchMaxCharacters);
    // A search is not a sentence: start in lower case, as residents see names written on signs.
    search.keyboard.shift = input::ShiftState::Off;
    if (state_.language == Language::English) {
        // English words are not Telex: "marriage" must not turn its "rr" into a tone.
        search.composer->setMethod(input::InputMethod::Plain);
    }
    search.shown = SearchKeyboard::Shown;
    search.results.clear();
    open(Screen::ProcedureSearch, now);
}

void Flow::searchKey(const input::KeyDef& key) {
    ProcedureSearchState& search = state_.search;
    if (!search.composer) {
        return;
    }
    auto outcome = input::pressKey(search.keyboard, key, *search.composer);
    if (outcome == input::KeyPressOutcome::Done) {
        search.shown = SearchKeyboard::Hidden; // the keyboard steps aside for the results
    } else if (outcome == input::KeyPressOutcome::TextChanged) {
        refreshSearch();
    }
}

void Flow::refreshSearch() {
    ProcedureSearchState& search = state_.search;
    search.results.clear();
    if (catalog_ == nullptr || !search.composer) {
        return;
    }
    for (const SearchHit& hit : searchProcedures(*catalog_, search.composer->text())) {
        search.results.push_back(hit.code);
    }
}

void Flow::noteSearchChoice(const std::string& code) {
    const std::vector<std::string>& results = state_.search.results;
    auto found = std::find(results.begin(), results.end(), code);
    if (found == results.end() || catalog_ == nullptr) {
        return;
    }
    if (const Procedure* procedure = catalog_->findProcedure(code)) {
        // Back from the explanation returns to the results; the category is the procedure's own.
        state_.dossier.categoryId = procedure->category;
    }
    logger_.log(LogEvent::ProcedureSearchChosen,
                {{"rank", static_cast<int>(found - results.begin()) + 1},
                 {"results", static_cast<int>(results.size())}});
}

} // namespace kiosk
