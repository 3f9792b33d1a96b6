// Gateway request handling: authentication, idempotent storage, appointment, fault injection.
#include "kiosk/programs/gateway/gateway_server.hpp"

#include "kiosk/dossier/local_time.hpp"
#include "kiosk/dossier/working_calendar.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/outbox/gateway_protocol.hpp"
#include "kiosk/programs/gateway/web_context.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <thread>

namespace kiosk {
namespace {

constexpr std::array<std::pair<std::string_view, GatewayFault>, 9> kFaultNames{{
    {"none", GatewayFault::None},
    {"drop_before_commit", GatewayFault::DropBeforeCommit},
    {"drop_after_commit", GatewayFault::DropAfterCommit},
    {"server_error", GatewayFault::ServerError},
    {"rate_limited", GatewayFault::RateLimited},
    {"unavailable", GatewayFault::Unavailable},
    {"slow", GatewayFault::Slow},
    {"malformed_json", GatewayFault::MalformedJson},
    {"wrong_content_type", GatewayFault::WrongContentType},
}};

void sendError(httplib::Response& response, int status, const std::string& code,
               const std::string& message) {
    response.status = status;
    response.set_content(errorBody(code, message), "application/json");
}

// Closes the connection mid-response: headers go out, then the body provider gives up.
void dropConnection(httplib::Response& response) {
    response.status = 201;
    response.set_content_provider(
        64, "application/json", [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
}

} // namespace

std::optional<GatewayFault> gatewayFaultFromName(std::string_view name) {
    for (const auto& [text, fault] : kFaultNames) {
        if (text == name) {
            return fault;
        }
    }
    return std::nullopt;
}

std::string_view gatewayFaultName(GatewayFault fault) {
    for (const auto& [text, value] : kFaultNames) {
        if (value == fault) {
            return text;
        }
    }
    return "none";
}

Result<std::unique_ptr<GatewayServer>> GatewayServer::create(GatewayServerOptions options,
                                                             Logger* logger) {
    auto store = GatewayStore::open(options.database, options.unitCode);
    if (!store) {
        return store.error();
    }
    auto server = std::unique_ptr<GatewayServer>(
        new GatewayServer(std::move(options), std::move(*store), logger));
    if (!server->options_.tlsCertificate.empty()) {
        auto tls = std::make_unique<httplib::SSLServer>(server->options_.tlsCertificate.c_str(),
                                                        server->options_.tlsPrivateKey.c_str());
        if (!tls->is_valid()) {
            return makeError("gateway_tls", "the TLS certificate or key could not be loaded");
        }
        server->server_ = std::move(tls);
    } else {
        server->server_ = std::make_unique<httplib::Server>();
    }
    server->routes();
    server->webRoutes();
    return server;
}

GatewayServer::GatewayServer(GatewayServerOptions options, std::unique_ptr<GatewayStore> store,
                             Logger* logger)
    : options_(std::move(options))
    , store_(std::move(store))
    , logger_(logger)
    , random_(options_.seed) {
    accounts_ = std::make_unique<AccountStore>(*store_);
    inbox_ = std::make_unique<InboxStore>(*store_);
    if (!options_.contentDir.empty()) {
        // Without procedures the inbox still opens dossiers, listing answers by field id.
        if (auto catalog = loadProcedureCatalog(options_.contentDir)) {
            procedures_ = std::move(*catalog);
        }
    }
}

GatewayServer::~GatewayServer() {
    stop();
}

std::int64_t GatewayServer::now() const {
    return options_.clock ? options_.clock() : nowUnixSeconds();
}

void GatewayServer::webRoutes() {
    web_ = std::make_unique<WebContext>(
        WebContext{*store_, *accounts_, *inbox_, nullptr, options_.privateKey,
                   procedures_ ? &*procedures_ : nullptr, !options_.tlsCertificate.empty(),
                   [this] { return now(); }});
    registerWebRoutes(*server_, *web_);
    registerInboxRoutes(*server_, *web_);
}

// Erases expired dossiers at start and then hourly, until stop().
void GatewayServer::retentionLoop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        inbox_->eraseExpired(options_.retentionDays, now());
        lock.lock();
        retentionWake_.wait_for(lock, std::chrono::hours(1), [this] { return stopping_; });
    }
}

Result<int> GatewayServer::start(const std::string& host, int port) {
    int bound = port == 0 ? server_->bind_to_any_port(host)
                          : (server_->bind_to_port(host, port) ? port : -1);
    if (bound <= 0) {
        return makeError("gateway_bind", "cannot listen on " + host + ":" + std::to_string(port));
    }
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    if (options_.retentionDays > 0) {
        retention_ = std::thread([this] { retentionLoop(); });
    }
    // httplib ignores a stop() that comes before its accept loop runs, and that loop would then
    // block for ever: wait (bounded) until it is running.
    for (int i = 0; i < 500 && !server_->is_running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (logger_ != nullptr) {
        logger_->log(LogEvent::GatewayStarted,
                     {{"port", bound}, {"tls", !options_.tlsCertificate.empty()}});
    }
    return bound;
}

void GatewayServer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    retentionWake_.notify_all();
    if (retention_.joinable()) {
        retention_.join();
    }
    if (server_) {
        server_->stop();
    }
    if (thread_.joinable()) {
        thread_.join();
    }
}

void GatewayServer::injectFault(GatewayFault fault, int times) {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < times; ++i) {
        faults_.push_back(fault);
    }
}

GatewayStats GatewayServer::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

GatewayFault GatewayServer::takeFault() {
    std::lock_guard lock(mutex_);
    if (!faults_.empty()) {
        GatewayFault fault = faults_.front();
        faults_.pop_front();
        return fault;
    }
    if (options_.randomFaultRate > 0.0) {
        std::uniform_real_distribution<double> chance(0.0, 1.0);
        if (chance(random_) < options_.randomFaultRate) {
            std::uniform_int_distribution<int> pick(1, static_cast<int>(kFaultNames.size()) - 1);
            return kFaultNames[static_cast<std::size_t>(pick(random_))].second;
        }
    }
    return GatewayFault::None;
}

void GatewayServer::routes() {
    server_->set_payload_max_length(kMaxBodyBytes);

    // Authentication shared by both routes; returns false after writing the error response.
    auto authenticate = [this](const httplib::Request& request, httplib::Response& response) {
        std::string kioskId = request.get_header_value(kHeaderKioskId);
        std::string timestamp = request.get_header_value(kHeaderTimestamp);
        std::string signature = request.get_header_value(kHeaderSignature);
        auto secret = options_.kioskSecrets.find(kioskId);
        auto refuse = [&](int status, const char* code, const char* message) {
            sendError(response, status, code, message);
            std::lock_guard lock(mutex_);
            ++stats_.refused;
            if (logger_ != nullptr) {
                logger_->log(LogEvent::GatewayRefused, {{"http_status", status}});
            }
            return false;
        };
        if (kioskId.empty() || timestamp.empty() || signature.empty()) {
            return refuse(401, "unauthenticated",
                          "the kiosk id, timestamp and signature are required");
        }
        if (secret == options_.kioskSecrets.end()) {
            return refuse(403, "unknown_kiosk", "this kiosk id is not registered");
        }
        std::string expected =
            signRequest(secret->second, request.method, request.path, timestamp, request.body);
        if (!equalSecrets(expected, signature)) {
            return refuse(401, "bad_signature", "the signature does not match");
        }
        long long sent = 0;
        try {
            sent = std::stoll(timestamp);
        } catch (const std::exception&) {
            return refuse(401, "bad_timestamp", "the timestamp is not a number");
        }
        if (std::llabs(sent - nowUnixSeconds()) > options_.maxClockSkew.count()) {
            return refuse(401, "clock_skew", "the kiosk clock is too far from the gateway's");
        }
        return true;
    };

    server_->Post(kSubmitPath, [this, authenticate](const httplib::Request& request,
                                                    httplib::Response& response) {
        if (request.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
            sendError(response, 415, "unsupported_media_type", "send application/json");
            return;
        }
        if (!authenticate(request, response)) {
            return;
        }
        auto submit = parseSubmitBody(request.body);
        if (!submit) {
            sendError(response, 400, submit.error().code, submit.error().message);
            return;
        }
        if (request.get_header_value(kHeaderIdempotencyKey) != submit->idempotencyKey) {
            sendError(response, 400, "idempotency_key_mismatch",
                      "the Idempotency-Key header and body key differ");
            return;
        }
        if (submit->kioskId != request.get_header_value(kHeaderKioskId)) {
            sendError(response, 400, "kiosk_id_mismatch", "the body names another kiosk");
            return;
        }
        auto plain = openSealed(options_.privateKey, submit->sealedPayload);
        if (!plain) {
            sendError(response, 422, "cannot_decrypt",
                      "the sealed payload does not open with the gateway's key");
            return;
        }
        nlohmann::json payload =
            nlohmann::json::parse(plain->begin(), plain->end(), nullptr, false);
        std::fill(plain->begin(), plain->end(), 0);
        if (payload.is_discarded() || !payload.is_object() ||
            payload.value("MaTTHC", "") != submit->procedureCode) {
            sendError(response, 422, "invalid_payload",
                      "the payload is not JSON or names another procedure");
            return;
        }
        GatewayFault fault = takeFault();
        if (fault != GatewayFault::None) {
            std::lock_guard lock(mutex_);
            ++stats_.faults;
            if (logger_ != nullptr) {
                logger_->log(LogEvent::GatewayFaultInjected,
                             {{"fault", SystemText{std::string(gatewayFaultName(fault))}}});
            }
        }
        switch (fault) {
        case GatewayFault::DropBeforeCommit:
            dropConnection(response);
            return;
        case GatewayFault::ServerError:
            sendError(response, 500, "internal", "injected fault");
            return;
        case GatewayFault::RateLimited:
        case GatewayFault::Unavailable:
            response.set_header("Retry-After", std::to_string(options_.retryAfterSeconds));
            sendError(response, fault == GatewayFault::RateLimited ? 429 : 503,
                      fault == GatewayFault::RateLimited ? "rate_limited" : "unavailable",
                      "try again later");
            return;
        default:
            break;
        }
        LocalDateTime received = vietnamTimeFromUnix(nowUnixSeconds());
        ProcessingTime processing;
        processing.workingDays = payload.value("SoNgayXuLy", 0);
        LocalDateTime appointment = computeAppointment(received, processing);
        auto stored =
            store_->storeOrReplay(*submit, formatCompact(received), formatCompact(appointment));
        if (!stored) {
            sendError(response, 503, "storage", "the gateway cannot store right now");
            response.set_header("Retry-After", std::to_string(options_.retryAfterSeconds));
            return;
        }
        auto& [outcome, dossier] = *stored;
        if (outcome == StoreOutcome::Conflict) {
            sendError(response, 409, "idempotency_conflict",
                      "this idempotency key was used for another dossier");
            return;
        }
        {
            std::lock_guard lock(mutex_);
            ++(outcome == StoreOutcome::Stored ? stats_.stored : stats_.replayed);
        }
        if (logger_ != nullptr) {
            logger_->log(LogEvent::GatewayReceived,
                         {{"replayed", outcome == StoreOutcome::Replayed}});
        }
        SubmitReceipt receipt{dossier.dossierCode, dossier.receivedAt, dossier.appointmentAt,
                              dossier.status, outcome == StoreOutcome::Replayed};
        switch (fault) {
        case GatewayFault::DropAfterCommit:
            dropConnection(response);
            return;
        case GatewayFault::Slow:
            std::this_thread::sleep_for(options_.slowDelay);
            break;
        case GatewayFault::MalformedJson:
            response.status = 201;
            response.set_content("{\"dossier_code\": \"" + dossier.dossierCode, "application/json");
            return;
        case GatewayFault::WrongContentType:
            response.status = 201;
            response.set_content("<html><body>OK</body></html>", "text/html");
            return;
        default:
            break;
        }
        response.status = outcome == StoreOutcome::Stored ? 201 : 200;
        response.set_content(submitReceiptBody(receipt), "application/json");
    });

    server_->Get(R"(/v1/dossiers/([^/]+))", [this, authenticate](const httplib::Request& request,
                                                                 httplib::Response& response) {
        if (!authenticate(request, response)) {
            return;
        }
        auto found = store_->findByCode(request.matches[1]);
        if (!found || !found->has_value()) {
            sendError(response, 404, "not_found", "no dossier has this code");
            return;
        }
        const StoredDossier& dossier = **found;
        StatusReply reply;
        reply.dossierCode = dossier.dossierCode;
        reply.status = dossier.status;
        reply.receivedAt = dossier.receivedAt;
        reply.appointmentAt = dossier.appointmentAt;
        // What the resident sees on the kiosk: the officer's reason and who opened it.
        if (auto reason = inbox_->statusReason(dossier.dossierCode)) {
            reply.statusReason = *reason;
        }
        if (auto access = inbox_->accessRecord(dossier.dossierCode)) {
            reply.openedCount = access->openings;
            reply.openedBy.assign(access->byOffice.begin(), access->byOffice.end());
        }
        response.set_content(statusReplyBody(reply), "application/json");
    });

    if (options_.controlEndpoint) {
        server_->Post("/control/fault", [this](const httplib::Request& request,
                                               httplib::Response& response) {
            if (request.remote_addr != "127.0.0.1" && request.remote_addr != "::1") {
                sendError(response, 403, "forbidden", "loopback only");
                return;
            }
            auto fault = gatewayFaultFromName(request.get_param_value("kind"));
            if (!fault) {
                sendError(response, 400, "unknown_fault", "unknown kind");
                return;
            }
            int times = 1;
            if (request.has_param("times")) {
                std::string text = request.get_param_value("times");
                auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), times);
                if (error != std::errc{} || end != text.data() + text.size() || times < 1) {
                    sendError(response, 400, "bad_times", "times must be a positive number");
                    return;
                }
            }
            injectFault(*fault, times);
            response.set_content("{\"ok\":true}", "application/json");
        });
        server_->Post("/control/status",
                      [this](const httplib::Request& request, httplib::Response& response) {
                          if (request.remote_addr != "127.0.0.1" && request.remote_addr != "::1") {
                              sendError(response, 403, "forbidden", "loopback only");
                              return;
                          }
                          if (!store_->setStatus(request.get_param_value("code"),
                                                 request.get_param_value("status"))) {
                              sendError(response, 404, "not_found", "no dossier has this code");
                              return;
                          }
                          response.set_content("{\"ok\":true}", "application/json");
                      });
    }
}

Result<std::vector<OpenedDossier>> openStoredDossiers(GatewayStore& store,
                                                      const X25519Key& privateKey) {
    auto stored = store.list();
    if (!stored) {
        return stored.error();
    }
    std::vector<OpenedDossier> out;
    for (StoredDossier& dossier : *stored) {
        OpenedDossier opened{std::move(dossier), std::nullopt};
        auto plain = openSealed(privateKey, opened.stored.sealedPayload);
        if (plain) {
            auto payload = nlohmann::json::parse(plain->begin(), plain->end(), nullptr, false);
            if (!payload.is_discarded()) {
                opened.payload = std::move(payload);
            }
        }
        out.push_back(std::move(opened));
    }
    return out;
}

} // namespace kiosk
