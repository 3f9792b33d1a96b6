// A resident's dossier while it is being filled in: choices, answers, editor, outcome.
#pragma once

#include "kiosk/idcard/card_holder.hpp"
#include "kiosk/idcard/card_read_failure.hpp"
#include "kiosk/input/keyboard_controller.hpp"
#include "kiosk/input/vietnamese_composer.hpp"
#include "kiosk/validation/field_problem.hpp"
#include "kiosk/validation/field_validator.hpp"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class SubmitChannel { NotChosen, Kiosk, Phone };
enum class IdentitySource { NotChosen, Card, Typed };

// A date chosen with three big pads, year first (residents know their birth year best).
struct DatePick {
    enum class Stage { Year, Month, Day };
    Stage stage = Stage::Year;
    int year = 0;
    int month = 0;
};

// The field being edited on the keyboard, picker or date screen.
struct FieldEdit {
    std::string fieldId;
    // Text, numbers, phones and ID numbers are typed into a composer (Telex for names, plain
    // for digits); it wipes its own buffers.
    std::unique_ptr<input::VietnameseComposer> composer;
    input::KeyboardState keyboard;
    DatePick date;
    std::optional<FieldProblem> problem; // shown above the keyboard after a rejected Done
};

// What happened when the dossier was handed to the outbox.
enum class SubmissionState { NotSubmitted, Sending, Accepted, Queued, Failed };

// The receipt of a stored dossier: until it is printed, the screen must not say it was; without
// it, the code stays on screen for the resident to write down.
enum class ReceiptPrint {
    Pending,   // being printed
    Printed,   // out of the printer
    NoPrinter, // no printer connected (printer = auto with nothing plugged in, or none)
    Failed,    // the printer is there but the print failed (paper, cover, a pull mid-print)
};

struct SubmissionOutcome {
    SubmissionState state = SubmissionState::NotSubmitted;
    std::string localReference;  // always present once committed: "VT-20261125-0007"
    std::string dossierCode;     // from the gateway when it answered
    std::string appointmentText; // "16:00, 27/11/2026"
    std::string failureReason;   // for the volunteer; never personal data
    // Queued only: the commune's system refused it for good (e.g. the kiosk's credential). It is
    // not sent again by itself: a volunteer must look, so the screen must not promise a resend.
    bool refused = false;
    bool receiptPrinted = false;
    ReceiptPrint receiptPrint = ReceiptPrint::Pending;
};

// Reading the chip ID card, as the CardRead screen shows it.
enum class CardStep { Idle, Reading, Read, Failed };

// The field id the editor uses for the ID number typed to open the card (PACE CAN).
inline constexpr const char* kCardNumberField = "card.access_number";
// The date pads for the two dates a BAC-only card needs besides the ID number (CardDates).
inline constexpr const char* kCardBirthField = "card.access_birth_date";
inline constexpr const char* kCardExpiryField = "card.access_expiry_date";
bool isCardDateField(std::string_view fieldId);

struct DossierDraft {
    std::string categoryId;
    std::string procedureCode;
    SubmitChannel channel = SubmitChannel::NotChosen;
    IdentitySource identity = IdentitySource::NotChosen;
    FieldValues values;
    std::set<std::string> prefilled; // field ids filled from the ID card
    CardStep cardStep = CardStep::Idle;
    std::string cardAccessNumber; // typed ID number that opens the chip
    std::string cardBirthDate;    // "dd/mm/yyyy", typed when the card offers only BAC
    std::string cardExpiryDate;   // "dd/mm/yyyy", printed after "Có giá trị đến" on the card
    std::optional<CardHolder> card;             // what the chip said, until confirmed
    std::optional<CardReadFailure> cardFailure; // why the last read failed
    std::size_t groupIndex = 0;
    std::vector<FieldProblem> problems; // of the current group after a refused Next
    std::set<std::string> documentsReady;
    bool consent = false;
    bool reviewing = false; // editing a group from Review returns to Review
    std::optional<FieldEdit> edit;
    SubmissionOutcome outcome;
    std::optional<int> rating;

    DossierDraft() = default;
    DossierDraft(DossierDraft&&) = default;
    DossierDraft& operator=(DossierDraft&&) = default;
    ~DossierDraft() { wipe(); }

    // Overwrites every answer in memory before it is released.
    void wipe() noexcept;
};

} // namespace kiosk
