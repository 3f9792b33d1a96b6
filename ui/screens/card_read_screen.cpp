// Card reading screen in its three states, with a drawing of a card on the reader.
#include "ui/screens/card_read_screen.hpp"

#include "ui/widgets/scroll_area.hpp"

#include <array>
#include <string>
#include <vector>

namespace kiosk::ui {

Msg cardFailureMessage(std::optional<CardReadFailure> failure) {
    if (!failure) {
        return Msg::CardGeneric;
    }
    switch (*failure) {
    case CardReadFailure::WrongAccessKey:
        return Msg::CardWrongKey;
    case CardReadFailure::CardRemoved:
        return Msg::CardRemoved;
    case CardReadFailure::ReaderMissing:
        return Msg::CardReaderUnplugged;
    case CardReadFailure::Unsupported:
        return Msg::CardUnsupported;
    case CardReadFailure::NoCard:
        return Msg::CardNoCard;
    case CardReadFailure::NeedsDates:
        return Msg::CardNeedsDates;
    case CardReadFailure::DataAltered:
        return Msg::CardDataAltered;
    case CardReadFailure::Malformed:
        break;
    }
    return Msg::CardGeneric;
}

void CardReadScreen::drawContent(const FrameContext& ctx) {
    switch (ctx.session.dossier.cardStep) {
    case CardStep::Idle:
    case CardStep::Reading:
        drawPlaceCard(ctx);
        return;
    case CardStep::Read:
        drawRead(ctx);
        return;
    case CardStep::Failed:
        drawFailed(ctx);
        return;
    }
}

void CardReadScreen::drawPlaceCard(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::CardPlace));
    // The words first: at the largest text the picture gives way to them, not they to it.
    bodyText(ctx, ctx.tr(Msg::CardReading));
    // A reader seen from the front with the card lying on it: the picture says "flat, on top".
    // It takes the room left on the screen, at most its designed 55 mm; too small to read
    // as a card on a reader, it is left out.
    const Metrics& m = ctx.metrics;
    const float room = ImGui::GetContentRegionAvail().y - m.gapPx;
    const float scale = std::min(1.0f, room / m.mm(55));
    if (scale < 0.4f) {
        return;
    }
    auto mm = [&](double millimetres) { return m.mm(millimetres) * scale; };
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float centreX = origin.x + width * 0.5f;
    float top = origin.y + m.gapPx * scale;
    ImU32 ink = ImGui::GetColorU32(ctx.colours.text);
    ImU32 accent = ImGui::GetColorU32(ctx.colours.primary);
    ImVec2 readerMin(centreX - mm(40), top + mm(30));
    ImVec2 readerMax(centreX + mm(40), top + mm(50));
    d->AddRectFilled(readerMin, readerMax, ImGui::GetColorU32(ctx.colours.secondary), mm(3));
    d->AddRect(readerMin, readerMax, ink, mm(3), 0, 3.0f);
    ImVec2 cardMin(centreX - mm(27), top + mm(5));
    ImVec2 cardMax(centreX + mm(27), top + mm(27));
    d->AddRectFilled(cardMin, cardMax, accent, mm(2));
    d->AddRectFilled(ImVec2(cardMin.x + mm(5), cardMin.y + mm(6)),
                     ImVec2(cardMin.x + mm(13), cardMin.y + mm(13)),
                     ImGui::GetColorU32(ctx.colours.warning), mm(1));
    for (int i = 0; i < 3; ++i) { // contactless waves between card and reader
        float y = cardMax.y + mm(1.0 + i * 0.9);
        d->AddLine(ImVec2(centreX - mm(8 - i * 2), y), ImVec2(centreX + mm(8 - i * 2), y), ink,
                   2.0f);
    }
    ImGui::Dummy(ImVec2(width, mm(55)));
}

void CardReadScreen::drawRead(const FrameContext& ctx) {
    headingText(ctx, ctx.tr(Msg::CardReadTitle));
    beginScrollArea(ctx, "card-fields", ImGui::GetContentRegionAvail().y - actionBarHeight(ctx),
                    PagerPlace::BesideAction);
    if (const std::optional<CardHolder>& card = ctx.session.dossier.card) {
        // A copied chip is a warning for the volunteer standing by: first, not below the fold.
        if (card->verification == CardVerification::ChipNotProven) {
            problemText(ctx, ctx.tr(Msg::CardChipNotProven));
        }
        const std::string birth = card->dateOfBirth ? formatDate(*card->dateOfBirth) : "";
        const std::string sex =
            card->sex ? std::string(ctx.tr(*card->sex == Sex::Male ? Msg::SexMale : Msg::SexFemale))
                      : "";
        const std::pair<Msg, const std::string*> rows[] = {
            {Msg::CardFieldName, &card->fullName},
            {Msg::CardFieldIdNumber, &card->idNumber},
            {Msg::CardFieldBirth, &birth},
            {Msg::CardFieldSex, &sex},
            {Msg::CardFieldEthnicity, &card->ethnicity},
            {Msg::CardFieldOrigin, &card->placeOfOrigin},
            {Msg::CardFieldResidence, &card->placeOfResidence},
        };
        std::vector<std::string_view> labels;
        for (const auto& [label, value] : rows) {
            labels.push_back(ctx.tr(label));
        }
        const float labelColumn = labelColumnWidth(ctx, labels);
        for (const auto& [label, value] : rows) {
            if (value->empty()) {
                continue;
            }
            labelledValue(ctx, ctx.tr(label), *value, labelColumn);
        }
        // Exactly what was proven, for the volunteer; it never blocks the resident. "Genuine"
        // only when the chip passed Active Authentication.
        Msg verdict = Msg::CardNotVerified;
        switch (card->verification) {
        case CardVerification::Genuine:
            verdict = Msg::CardVerified;
            break;
        case CardVerification::IssuerSigned:
            verdict = Msg::CardIssuerSigned;
            break;
        case CardVerification::ChipNotProven:
            verdict = Msg::CardChipNotProven;
            break;
        case CardVerification::UnknownIssuer:
            verdict = Msg::CardUnknownIssuer;
            break;
        case CardVerification::SignatureInvalid:
            verdict = Msg::CardSignatureInvalid;
            break;
        case CardVerification::SignerRevoked:
            verdict = Msg::CardSignerRevoked;
            break;
        case CardVerification::NotVerified:
            break;
        }
        ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
        ImGui::PushFont(ctx.fonts.status);
        ImGui::TextUnformatted(ctx.tr(verdict).data(),
                               ctx.tr(verdict).data() + ctx.tr(verdict).size());
        ImGui::PopFont();
    }
    endScrollArea(ctx);
    if (primaryAction(ctx, ctx.tr(Msg::CardConfirm))) {
        ctx.emit(intent::Next{});
    }
}

namespace {

// "026 190 001 234": groups of three are easier to compare with the card than twelve digits.
std::string groupedDigits(std::string_view digits) {
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && i % 3 == 0) {
            grouped.push_back(' ');
        }
        grouped.push_back(digits[i]);
    }
    return grouped;
}

} // namespace

void CardReadScreen::drawFailed(const FrameContext& ctx) {
    const DossierDraft& dossier = ctx.session.dossier;
    const bool wrongNumber =
        dossier.cardFailure == CardReadFailure::WrongAccessKey && !dossier.cardAccessNumber.empty();
    // On a short screen the title (still read aloud) gives way: the problem says what failed,
    // and the number to check must stay in view above the buttons.
    const bool shortScreen = shortOfHeight(ctx);
    screenTitle(ctx, ctx.tr(Msg::CardFailed), TitleWhenShort::SpokenOnly);
    // A long reason pages above the two buttons rather than run under them.
    beginScrollArea(ctx, "card-failed", ImGui::GetContentRegionAvail().y - actionBarHeight(ctx));
    problemText(ctx, ctx.tr(cardFailureMessage(dossier.cardFailure)));
    if (wrongNumber) {
        // Asked to check the number, the resident sees it, large, and the main action edits it.
        // The number is shown, never read aloud.
        std::string digits = groupedDigits(dossier.cardAccessNumber);
        if (shortScreen) {
            ctx.say(audio::SpeechRole::Instruction, ctx.tr(Msg::CardCheckNumber));
            boldText(ctx.unspoken(), std::string(ctx.tr(Msg::CardCheckNumber)) + ": " + digits);
        } else {
            ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx));
            mutedText(ctx, ctx.tr(Msg::CardCheckNumber));
            headingText(ctx.unspoken(), digits);
        }
    }
    endScrollArea(ctx);
    if (secondaryAction(ctx, ctx.tr(Msg::CardTypeInstead))) {
        ctx.emit(intent::ChooseIdentity{IdentitySource::Typed});
    }
    if (wrongNumber) {
        if (primaryAction(ctx, ctx.tr(Msg::CardEditNumber))) {
            ctx.emit(intent::EditField{kCardNumberField});
        }
        return;
    }
    bool needsDates = dossier.cardFailure == CardReadFailure::NeedsDates;
    if (primaryAction(ctx, ctx.tr(needsDates ? Msg::CardEnterDates : Msg::CardRetry))) {
        ctx.emit(intent::Next{});
    }
}

void CardDatesScreen::drawContent(const FrameContext& ctx) {
    const DossierDraft& dossier = ctx.session.dossier;
    const Metrics& m = ctx.metrics;
    headingText(ctx, ctx.tr(Msg::CardDatesTitle));
    beginScrollArea(ctx, "card-dates", ImGui::GetContentRegionAvail().y - actionBarHeight(ctx));
    // After a failed try the reason comes first, where the eye lands.
    if (dossier.cardStep == CardStep::Failed &&
        dossier.cardFailure == CardReadFailure::WrongAccessKey) {
        problemText(ctx, ctx.tr(Msg::CardWrongDates));
    }
    bodyText(ctx, ctx.tr(Msg::CardDatesHint));
    ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    const float width = ImGui::GetContentRegionAvail().x - m.gapPx * 2;
    struct DateRow {
        const char* fieldId;
        Msg label;
        const std::string& value;
    };
    const DateRow rows[] = {{kCardBirthField, Msg::CardFieldBirth, dossier.cardBirthDate},
                            {kCardExpiryField, Msg::CardDatesExpiry, dossier.cardExpiryDate}};
    for (const DateRow& row : rows) {
        boldText(ctx, ctx.tr(row.label));
        ctx.say(audio::SpeechRole::Choice, ctx.tr(row.label));
        std::string_view shown =
            row.value.empty() ? ctx.tr(Msg::FormTapToFill) : std::string_view(row.value);
        if (listItem(row.value.empty() ? ctx : ctx.unspoken(), row.fieldId, shown, "", width)) {
            ctx.emit(intent::EditField{row.fieldId});
        }
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
    }
    endScrollArea(ctx);
    if (secondaryAction(ctx, ctx.tr(Msg::CardTypeInstead))) {
        ctx.emit(intent::ChooseIdentity{IdentitySource::Typed});
    }
    if (!dossier.cardBirthDate.empty() && !dossier.cardExpiryDate.empty() &&
        primaryAction(ctx, ctx.tr(Msg::CardDatesRead))) {
        ctx.emit(intent::Next{});
    }
}

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> cardReadScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("card_reading", toCardRead);
    add("card_read", [](Flow& flow, R& r) {
        toCardRead(flow, r);
        flow.cardRead(syntheticCard());
    });
    add("card_failed", [](Flow& flow, R& r) {
        toCardRead(flow, r);
        flow.cardReadFailed(CardReadFailure::WrongAccessKey);
    });
    // A cloned chip: the data is the issuer's, but the chip failed Active Authentication.
    add("card_read_clone", [](Flow& flow, R& r) {
        toCardRead(flow, r);
        auto card = syntheticCard();
        card.verification = CardVerification::ChipNotProven;
        flow.cardRead(card);
    });
    add("card_failed_data_altered", [](Flow& flow, R& r) {
        toCardRead(flow, r);
        flow.cardReadFailed(CardReadFailure::DataAltered);
    });
    for (auto [name, why] : {std::pair{"card_failed_removed", CardReadFailure::CardRemoved},
                             {"card_failed_no_card", CardReadFailure::NoCard},
                             {"card_failed_reader_unplugged", CardReadFailure::ReaderMissing},
                             {"card_failed_unsupported", CardReadFailure::Unsupported}}) {
        add(name, [why = why](Flow& flow, R& r) {
            toCardRead(flow, r);
            flow.cardReadFailed(why);
        });
    }
    addLooks(scenes, "card_failed", [](Flow& flow, R& r) {
        toCardRead(flow, r);
        flow.cardReadFailed(CardReadFailure::WrongAccessKey);
    });
    return scenes;
}

std::vector<ScreenshotScene> cardDatesScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    auto wrongDates = [](Flow& flow, R& r) {
        toCardDates(flow, r);
        enterCardDates(r);
        r.tap(intent::Next{});
        flow.takeEffects();
        flow.cardReadFailed(CardReadFailure::WrongAccessKey);
    };
    add("card_dates", toCardDates);
    add("card_dates_wrong", wrongDates);
    scenes.push_back({"card_dates_wrong_text_size_3", [wrongDates](Flow& flow, R& r) {
                          r.tap(intent::SetTextSize{TextSize::Largest});
                          wrongDates(flow, r);
                      }});
    return scenes;
}

} // namespace

ScreenEntry cardReadScreenEntry() {
    return screenEntry<CardReadScreen>(Screen::CardRead, cardReadScenes);
}

ScreenEntry cardDatesScreenEntry() {
    return screenEntry<CardDatesScreen>(Screen::CardDates, cardDatesScenes);
}

} // namespace kiosk::ui
