// The demo: a synthetic resident submits a dossier with the simulated card reader and printer,
// through the real flow, services, outbox and (when running) the loopback gateway.
#include "kiosk/runtime/demo_script.hpp"

#include "kiosk/app/scripted_resident.hpp"

#include <string>
#include <thread>

namespace kiosk {
namespace {

// The synthetic resident on the simulated card (content/cards/nguyen-thi-anh-tuyet.json).
constexpr const char* kDemoIdNumber = "026168004817";
// Temporary residence: a short form that still shows the card pre-fill and every picker.
constexpr const char* kDemoProcedure = "1.004194";

class DemoRun {
public:
    DemoRun(KioskRuntime& runtime, std::ostream& out, DemoPace pace,
            std::function<void()> showFrame)
        : runtime_(runtime)
        , out_(out)
        , pace_(pace)
        , showFrame_(std::move(showFrame))
        , resident_(runtime.flow(), std::chrono::steady_clock::now(), [this] { settle(); }) {}

    // After a tap: the runtime performs what it asked for, and the window (if any) shows it.
    void settle() {
        runtime_.update(std::chrono::steady_clock::now());
        if (showFrame_) {
            showFrame_();
        }
    }

    void step(const std::string& description, Intent intent) {
        resident_.tap(std::move(intent));
        report(description);
    }

    void report(const std::string& description) {
        ++number_;
        out_ << "demo step " << number_ << ": " << description << " -> "
             << screenName(runtime_.state().screen).text() << "\n";
        out_.flush();
        if (pace_ == DemoPace::Visible) {
            std::this_thread::sleep_for(std::chrono::milliseconds(700));
        }
    }

    // Lets the services worker answer (card read, submission, receipt) while frames run.
    template <typename Done>
    bool waitFor(Done done, std::chrono::seconds limit = std::chrono::seconds(15)) {
        auto deadline = std::chrono::steady_clock::now() + limit;
        while (!done() && std::chrono::steady_clock::now() < deadline) {
            settle();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return done();
    }

    ScriptedResident& resident() { return resident_; }
    int failures = 0;

    void expect(bool condition, const std::string& what) {
        if (!condition) {
            ++failures;
            out_ << "demo: UNEXPECTED: " << what << "\n";
        }
    }

private:
    KioskRuntime& runtime_;
    std::ostream& out_;
    DemoPace pace_;
    std::function<void()> showFrame_;
    ScriptedResident resident_;
    int number_ = 0;
};

std::string demoFailureName(std::optional<CardReadFailure> failure) {
    return failure ? std::string(cardReadFailureName(*failure)) : "no failure";
}

} // namespace

int runDemo(KioskRuntime& runtime, std::ostream& out, DemoPace pace,
            std::function<void()> showFrame) {
    if (showFrame) {
        showFrame();
    }
    const ProcedureCatalog* catalog = runtime.catalog();
    const Procedure* procedure = catalog ? catalog->findProcedure(kDemoProcedure) : nullptr;
    if (procedure == nullptr) {
        out << "demo: no content with procedure " << kDemoProcedure << "\n";
        return 1;
    }
    DemoRun demo(runtime, out, pace, std::move(showFrame));
    const Flow& flow = runtime.flow();
    demo.step("resident chooses large text", intent::SetTextSize{TextSize::Large});
    demo.step("resident opens 'submit a dossier'", intent::Open{Screen::ProcedureCategories});
    demo.step("resident picks the residence category", intent::ChooseCategory{procedure->category});
    demo.step("resident picks temporary residence registration",
              intent::ChooseProcedure{procedure->code});
    demo.step("resident reads what the procedure needs and continues", intent::Next{});
    demo.step("resident chooses to submit at the kiosk",
              intent::ChooseChannel{SubmitChannel::Kiosk});
    demo.step("resident chooses to read the chip ID card",
              intent::ChooseIdentity{IdentitySource::Card});
    demo.resident().type(kDemoIdNumber);
    demo.step("resident types the 12-digit ID number that opens the chip", intent::EditDone{});
    bool read = demo.waitFor([&] { return flow.state().dossier.cardStep != CardStep::Reading; });
    demo.expect(read && flow.state().dossier.cardStep == CardStep::Read,
                "the simulated card was read (" +
                    demoFailureName(flow.state().dossier.cardFailure) + ")");
    demo.report("the reader read the card (PACE, secure messaging, passive authentication)");
    demo.step("resident confirms the details from the card", intent::Next{});
    demo.expect(!flow.state().dossier.prefilled.empty(), "fields were pre-filled from the card");

    FieldValues answers = syntheticAnswers(*procedure, *catalog, CivilDate{2026, 11, 25});
    int guard = 0;
    while (flow.state().screen == Screen::FormGroup && guard++ < 12) {
        demo.resident().fillCurrentGroup(*procedure, answers);
        demo.step("resident fills in one screen of the form and continues", intent::Next{});
    }
    std::string problems;
    for (const FieldProblem& problem : flow.state().dossier.problems) {
        problems += " " + problem.fieldId + ":" + problem.messageId; // ids only, never values
    }
    demo.expect(flow.state().screen == Screen::Documents, "the form was complete" + problems);
    demo.step("resident checks the documents list", intent::Next{});
    demo.step("resident reviews every answer", intent::Next{});
    demo.step("resident agrees to send", intent::SetConsent{true});
    demo.step("resident sends the dossier", intent::Submit{});
    bool answered = demo.waitFor([&] { return flow.state().screen == Screen::Result; });
    demo.expect(answered, "the submission finished");
    demo.waitFor([&] { return flow.state().dossier.outcome.receiptPrinted; },
                 std::chrono::seconds(5));
    const SubmissionOutcome& outcome = flow.state().dossier.outcome;
    out << "demo: dossier "
        << (outcome.state == SubmissionState::Accepted
                ? "accepted by the gateway, code " + outcome.dossierCode
            : outcome.state == SubmissionState::Queued
                ? "queued offline, reference " + outcome.localReference
                : "NOT submitted (" + outcome.failureReason + ")")
        << "; receipt " << (outcome.receiptPrinted ? "printed" : "not printed") << "\n";
    demo.expect(outcome.state == SubmissionState::Accepted ||
                    outcome.state == SubmissionState::Queued,
                "the dossier was accepted or safely queued");
    demo.step("resident rates the service", intent::Rate{3});
    demo.step("resident presses Done: everything is wiped", intent::Finish{});
    bool wiped = !flow.state().active && flow.state().dossier.values.empty();
    demo.expect(wiped, "the session was wiped");
    out << "demo: session wiped at the end: " << (wiped ? "yes" : "NO") << "\n";
    out << "demo: " << demo.failures << " unexpected\n";
    return demo.failures == 0 ? 0 : 1;
}

} // namespace kiosk
