// The outbox maintenance commands; they print references, codes and states, never answers.
#include "kiosk/outbox/outbox_command.hpp"

#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/gateway_client.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "kiosk/outbox/sender.hpp"
#include "kiosk/procedure/procedure_loader.hpp"

namespace kiosk {
namespace {

std::string when(std::int64_t unixSeconds) {
    if (unixSeconds == 0) {
        return "-";
    }
    LocalDateTime time = vietnamTimeFromUnix(unixSeconds);
    return formatDate(time.date) + " " + formatClock(time);
}

// A stored field as one line of plain text: anything but printable ASCII becomes '?', and a
// field longer than `limit` is cut with "...". Rows written by older versions, which trusted
// the gateway's text, must not put escape sequences or line breaks on a maintainer's terminal.
std::string printable(const std::string& text, std::size_t limit = 64) {
    std::string out;
    for (char c : text.substr(0, limit)) {
        out += c >= 0x20 && c < 0x7f && c != '\t' ? c : '?';
    }
    if (text.size() > limit) {
        out += "...";
    }
    return out.empty() ? "-" : out;
}

int list(Outbox& outbox, std::ostream& out, std::ostream& err) {
    auto entries = outbox.list();
    if (!entries) {
        err << "kioskctl: " << entries.error().message << '\n';
        return 1;
    }
    out << "reference\tprocedure\tstate\tattempts\tlast_error\tdossier_code\tcreated\t"
           "appointment\treceipt_printed\n";
    int pending = 0;
    int attention = 0;
    for (const OutboxEntry& entry : *entries) {
        pending += entry.state == OutboxState::Pending ? 1 : 0;
        attention += entry.state == OutboxState::NeedsAttention ? 1 : 0;
        out << printable(entry.localReference) << '\t' << printable(entry.procedureCode) << '\t'
            << outboxStateName(entry.state) << '\t' << entry.attempts << '\t'
            << printable(entry.lastError) << '\t' << printable(entry.dossierCode) << '\t'
            << when(entry.createdAt) << '\t' << when(entry.appointmentAt) << '\t'
            << (entry.receiptPrinted ? "yes" : "no") << '\n';
    }
    out << entries->size() << " dossier(s): " << pending << " waiting to send, " << attention
        << " need attention\n";
    return 0;
}

int retry(Outbox& outbox, const Config& config, std::ostream& out, std::ostream& err) {
    auto count = outbox.retryAll(nowUnixSeconds());
    if (!count) {
        err << "kioskctl: " << count.error().message << '\n';
        return 1;
    }
    out << *count << " dossier(s) marked to send now\n";
    if (config.gateway.credentialFile.empty()) {
        out << "no [gateway] credential_file: the kiosk's sender will send them\n";
        return 0;
    }
    auto secret = readCredentialFile(config.gateway.credentialFile);
    if (!secret) {
        err << "kioskctl: " << secret.error().message << '\n';
        return 1;
    }
    initialiseHttp();
    GatewayEndpoint endpoint;
    endpoint.baseUrl = config.gateway.url;
    endpoint.caFile = config.gateway.caFile;
    endpoint.kioskId = config.gateway.kioskId;
    endpoint.secret = *secret;
    auto client = makeHttpGatewayClient(endpoint);
    Sender sender(outbox, *client, SenderOptions{}, nullptr);
    DeliveryPass pass = sender.deliverDueNow();
    out << "sent now: " << pass.delivered << " delivered, " << pass.failed << " will be retried, "
        << pass.needAttention << " refused (network " << networkStateName(sender.networkState())
        << ")\n";
    return pass.needAttention == 0 ? 0 : 1;
}

} // namespace

std::filesystem::path outboxPath(const Config& config) {
    return config.paths.dataDir / "outbox.db";
}

int runOutboxCommand(OutboxAction action, const std::filesystem::path& file, const Config& config,
                     std::ostream& out, std::ostream& err) {
    if (!std::filesystem::exists(file)) {
        err << "kioskctl: " << file.string() << ": no outbox here yet\n";
        return 1;
    }
    // Listing and retrying never seal, so the gateway key is not needed; listing only reads.
    OutboxOptions options;
    options.readOnly = action == OutboxAction::List;
    auto outbox = Outbox::open(file, options);
    if (!outbox) {
        err << "kioskctl: " << outbox.error().message << '\n';
        return 1;
    }
    return action == OutboxAction::List ? list(**outbox, out, err)
                                        : retry(**outbox, config, out, err);
}

int runProceduresCheck(const std::filesystem::path& contentDir, std::ostream& out,
                       std::ostream& err) {
    auto catalog = loadProcedureCatalog(contentDir);
    if (!catalog) {
        err << catalog.error().message << '\n';
        return 1;
    }
    int sample = 0;
    for (const PickerList& list : catalog->lists) {
        sample += list.sampleData ? 1 : 0;
    }
    out << contentDir.string() << ": " << catalog->procedures.size() << " procedures, "
        << catalog->lists.size() << " lists (" << sample << " marked sample data), "
        << catalog->categories.size() << " categories: ok\n";
    return 0;
}

} // namespace kiosk
