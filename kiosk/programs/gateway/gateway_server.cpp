// Gateway request handling: authentication, idempotent storage, appointment, fault injection.
#include "kiosk/programs/gateway/gateway_server.hpp"

#include "kiosk/dossier/local_time.hpp"
#include "kiosk/dossier/working_calendar.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/outbox/gateway_protocol.hpp"
#include "kiosk/programs/gateway/gateway_request_validation.hpp"
#include "kiosk/programs/gateway/web_context.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <thread>

namespace kiosk {
namespace {

// IMF-fixdate, e.g. "Fri, 04 Dec 2026 06:00:00 GMT", in the C locale whatever the process's.
std::string httpDate(std::time_t now) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[40];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday],
                  utc.tm_mday, kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                  utc.tm_sec);
    return text;
}

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

// The body of an error reply httplib produced itself, by status.
std::pair<std::string, std::string> errorForStatus(int status) {
    switch (status) {
    case 404:
        return {"not_found", "no such resource"};
    case 405:
        return {"method_not_allowed", "this method is not served here"};
    case 413:
        return {"payload_too_large", "the body is larger than the gateway accepts"};
    case 414:
        return {"uri_too_long", "the request path is too long"};
    default:
        break;
    }
    if (status >= 500) {
        return {"internal", "the gateway could not answer"};
    }
    return {"bad_request", "the request could not be read"};
}

// A body httplib would read whole with no size cap: chunked, or (for the methods it expects a
// body with) one without Content-Length, read until the client closes.
bool hasUncappedBody(const httplib::Request& request) {
    std::string encoding = request.get_header_value("Transfer-Encoding");
    std::transform(encoding.begin(), encoding.end(), encoding.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (encoding.find("chunked") != std::string::npos) {
        return true;
    }
    bool expectsBody = request.method == "POST" || request.method == "PUT" ||
                       request.method == "PATCH" || request.method == "DELETE";
    return expectsBody && !request.has_header("Content-Length");
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
    server->fleetRoutes();
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
    fleet_ = std::make_unique<FleetStore>(*store_);
    if (!options_.contentDir.empty()) {
        // A folder a kiosk pack was installed into (kioskctl pack install) keeps the files of
        // its live version under current/files; a source folder holds them at its top.
        if (std::filesystem::is_directory(options_.contentDir / "current" / "files")) {
            options_.contentDir = options_.contentDir / "current" / "files";
        }
        // Without procedures the inbox still opens dossiers, listing answers by field id.
        if (auto catalog = loadProcedureCatalog(options_.contentDir)) {
            procedures_ = std::move(*catalog);
        }
        if (auto lessons = loadLessonCatalog(options_.contentDir)) {
            lessons_ = std::move(*lessons);
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
    web_ = std::make_unique<WebContext>(WebContext{
        *store_, *accounts_, *inbox_, fleet_.get(), options_.privateKey,
        procedures_ ? &*procedures_ : nullptr, !options_.tlsCertificate.empty(),
        [this] { return now(); }, options_.silentAfter.count(), lessons_ ? &*lessons_ : nullptr});
    registerWebRoutes(*server_, *web_);
    registerInboxRoutes(*server_, *web_);
    registerDashboardRoutes(*server_, *web_);
}

// POST /v1/heartbeats and /v1/aggregates: signed like dossiers, typed fields only.
void GatewayServer::fleetRoutes() {
    auto report = [this](const httplib::Request& request, httplib::Response& response,
                         bool heartbeat) {
        auto headers = signedHeadersOrRefuse(request, response);
        if (!headers || !authenticated(*headers, request, request.body, response)) {
            return;
        }
        Status stored = ok();
        if (heartbeat) {
            auto beat = parseHeartbeat(request.body, headers->kioskId);
            if (!beat) {
                sendError(response, 422, beat.error().code, beat.error().message);
                return;
            }
            stored = fleet_->recordHeartbeat(*beat, now());
        } else {
            auto aggregate = parseDailyAggregate(request.body, headers->kioskId);
            if (!aggregate) {
                sendError(response, 422, aggregate.error().code, aggregate.error().message);
                return;
            }
            stored = fleet_->storeAggregate(*aggregate);
        }
        if (!stored) {
            response.set_header("Retry-After", std::to_string(options_.retryAfterSeconds));
            sendError(response, 503, "storage", "the gateway cannot store right now");
            return;
        }
        response.set_content("{\"ok\":true}", "application/json");
    };
    server_->Post("/v1/heartbeats",
                  [report](const httplib::Request& request, httplib::Response& response) {
                      report(request, response, true);
                  });
    server_->Post("/v1/aggregates",
                  [report](const httplib::Request& request, httplib::Response& response) {
                      report(request, response, false);
                  });
}

// Erases expired dossiers and old heartbeat rows at start and then hourly, until stop().
void GatewayServer::retentionLoop() {
    std::unique_lock lock(mutex_);
    while (!retentionStopping_) {
        lock.unlock();
        if (options_.retentionDays > 0) {
            inbox_->eraseExpired(options_.retentionDays, now());
        }
        if (options_.heartbeatHistoryDays > 0) {
            fleet_->pruneHeartbeats(now() - std::int64_t{options_.heartbeatHistoryDays} * 86400);
        }
        lock.lock();
        retentionWake_.wait_for(lock, std::chrono::hours(1), [this] { return retentionStopping_; });
    }
}

Result<int> GatewayServer::start(const std::string& host, int port) {
    int bound = port == 0 ? server_->bind_to_any_port(host)
                          : (server_->bind_to_port(host, port) ? port : -1);
    if (bound <= 0) {
        return makeError("gateway_bind", "cannot listen on " + host + ":" + std::to_string(port));
    }
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    if (options_.retentionDays > 0 || options_.heartbeatHistoryDays > 0) {
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
        retentionStopping_ = true;
    }
    retentionWake_.notify_all();
    if (retention_.joinable()) {
        retention_.join();
    }
    stopping_ = true;
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
    applyGatewayLimits(*server_, options_.limits, stopping_);
    // Replies httplib makes itself (404 no route, 413 too large, 400 unparsable request) get
    // the documented error body too; replies that already carry one are left alone.
    server_->set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&, httplib::Response& response) {
            if (!response.body.empty()) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            auto [code, message] = errorForStatus(response.status);
            sendError(response, response.status, code, message);
            return httplib::Server::HandlerResponse::Handled;
        }));
    // httplib reads a chunked body (or one without a length) whole, without its size cap,
    // before a route handler runs. The submit route reads its body through a capped reader;
    // anywhere else such a body is refused before a byte of it is read.
    server_->set_pre_routing_handler(
        [](const httplib::Request& request, httplib::Response& response) {
            bool submit = request.method == "POST" && request.path == kSubmitPath;
            if (!submit && hasUncappedBody(request)) {
                sendError(response, 411, "length_required",
                          "a body here needs a Content-Length of at most 256 KiB");
                response.set_header("Connection", "close");
                return httplib::Server::HandlerResponse::Handled;
            }
            return httplib::Server::HandlerResponse::Unhandled;
        });

    // Every routed answer carries Date (RFC 9110 §6.6.1: a server with a clock sends it), so a
    // kiosk's `kioskctl doctor` can compare clocks; cpp-httplib does not add it itself.
    server_->set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
        response.set_header("Date", httpDate(std::time(nullptr)));
    });
    // Unauthenticated liveness probe for maintainers' tools; says nothing about any dossier.
    server_->Get("/v1/health", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("{\"status\":\"ok\"}", "application/json");
    });

    server_->Post(kSubmitPath, [this](const httplib::Request& request, httplib::Response& response,
                                      const httplib::ContentReader& reader) {
        auto body = readSubmitBody(request, response, reader);
        if (!body) {
            return;
        }
        handleSubmit(request, *body, response);
    });

    server_->Get(R"(/v1/dossiers/([^/]+))",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     auto headers = signedHeadersOrRefuse(request, response);
                     if (!headers || !authenticated(*headers, request, request.body, response)) {
                         return;
                     }
                     auto found = store_->findByCode(request.matches[1]);
                     // Another kiosk's dossier reads exactly like one that does not exist.
                     if (!found || !found->has_value() || (*found)->kioskId != headers->kioskId) {
                         sendError(response, 404, "not_found", "no dossier has this code");
                         return;
                     }
                     const StoredDossier& dossier = **found;
                     StatusReply reply;
                     reply.dossierCode = dossier.dossierCode;
                     reply.status = dossier.status;
                     reply.receivedAt = dossier.receivedAt;
                     reply.appointmentAt = dossier.appointmentAt;
                     // What the resident sees on the kiosk: the officer's reason and who
                     // opened it.
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

void GatewayServer::refuse(httplib::Response& response, const Refusal& refusal,
                           ConnectionAfter after) {
    sendError(response, refusal.status, refusal.code, refusal.message);
    if (after == ConnectionAfter::Close) {
        // The rest of the body was never read: the connection cannot carry another request.
        response.set_header("Connection", "close");
    }
    std::lock_guard lock(mutex_);
    ++stats_.refused;
    if (logger_ != nullptr) {
        logger_->log(LogEvent::GatewayRefused, {{"http_status", refusal.status}});
    }
}

std::optional<SignedHeaders> GatewayServer::signedHeadersOrRefuse(const httplib::Request& request,
                                                                  httplib::Response& response) {
    auto headers = readSignedHeaders(request.get_header_value(kHeaderKioskId),
                                     request.get_header_value(kHeaderTimestamp),
                                     request.get_header_value(kHeaderSignature));
    if (auto* refusal = std::get_if<Refusal>(&headers)) {
        refuse(response, *refusal, ConnectionAfter::KeepAlive); // httplib read the (capped) body
        return std::nullopt;
    }
    return std::get<SignedHeaders>(std::move(headers));
}

bool GatewayServer::authenticated(const SignedHeaders& headers, const httplib::Request& request,
                                  const std::string& body, httplib::Response& response) {
    auto refusal = verifySignedRequest(headers, options_.kioskSecrets, request.method, request.path,
                                       body, options_.maxClockSkew, nowUnixSeconds());
    if (refusal) {
        refuse(response, *refusal, ConnectionAfter::KeepAlive);
        return false;
    }
    return true;
}

std::optional<std::string> GatewayServer::readSubmitBody(const httplib::Request& request,
                                                         httplib::Response& response,
                                                         const httplib::ContentReader& reader) {
    // Headers first. A request that cannot be served has its body read and dropped as it
    // arrives, never kept: answering before the body is read would close the connection on
    // unread bytes, which resets it, and the client could lose the answer.
    std::optional<Refusal> early;
    if (request.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
        early = Refusal{415, "unsupported_media_type", "send application/json"};
    } else {
        auto headers = readSignedHeaders(request.get_header_value(kHeaderKioskId),
                                         request.get_header_value(kHeaderTimestamp),
                                         request.get_header_value(kHeaderSignature));
        if (auto* refusal = std::get_if<Refusal>(&headers)) {
            early = *refusal;
        }
    }
    // At most kMaxBodyBytes either way, chunked or not: the reader stops at the cap.
    std::string body;
    std::size_t seen = 0;
    bool tooLarge = false;
    bool complete = reader([&](const char* data, std::size_t length) {
        seen += length;
        if (seen > kMaxBodyBytes) {
            tooLarge = true;
            return false;
        }
        if (!early) {
            body.append(data, length);
        }
        return true;
    });
    if (tooLarge || response.status == 413) {
        refuse(response,
               Refusal{413, "payload_too_large",
                       "the body is larger than " + std::to_string(kMaxBodyBytes) + " bytes"},
               ConnectionAfter::Close);
        return std::nullopt;
    }
    if (!complete) {
        refuse(response, Refusal{400, "bad_request", "the body could not be read"},
               ConnectionAfter::Close);
        return std::nullopt;
    }
    if (early) {
        refuse(response, *early, ConnectionAfter::KeepAlive);
        return std::nullopt;
    }
    return body;
}

void GatewayServer::handleSubmit(const httplib::Request& request, const std::string& body,
                                 httplib::Response& response) {
    auto headers = signedHeadersOrRefuse(request, response);
    if (!headers || !authenticated(*headers, request, body, response)) {
        return;
    }
    auto submit = parseSubmitBody(body);
    if (!submit) {
        sendError(response, 400, submit.error().code, submit.error().message);
        return;
    }
    if (request.get_header_value(kHeaderIdempotencyKey) != submit->idempotencyKey) {
        sendError(response, 400, "idempotency_key_mismatch",
                  "the Idempotency-Key header and body key differ");
        return;
    }
    if (submit->kioskId != headers->kioskId) {
        sendError(response, 400, "kiosk_id_mismatch", "the body names another kiosk");
        return;
    }
    if (!isValidLocalReference(submit->localReference)) {
        sendError(response, 400, "bad_local_reference",
                  "local_reference must be letters, digits and hyphens, at most " +
                      std::to_string(kMaxLocalReferenceBytes) + " characters");
        return;
    }
    auto plain = openSealed(options_.privateKey, submit->sealedPayload);
    if (!plain) {
        sendError(response, 422, "cannot_decrypt",
                  "the sealed payload does not open with the gateway's key");
        return;
    }
    nlohmann::json payload = nlohmann::json::parse(plain->begin(), plain->end(), nullptr, false);
    std::fill(plain->begin(), plain->end(), 0);
    if (payload.is_discarded() || !payload.is_object() ||
        payload.value("MaTTHC", "") != submit->procedureCode) {
        sendError(response, 422, "invalid_payload",
                  "the payload is not JSON or names another procedure");
        return;
    }
    auto workingDays = processingWorkingDays(payload);
    if (!workingDays) {
        sendError(response, 422, workingDays.error().code, workingDays.error().message);
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
    processing.workingDays = *workingDays;
    LocalDateTime appointment = computeAppointment(received, processing);
    auto stored =
        store_->storeOrReplay(*submit, formatCompact(received), formatCompact(appointment));
    if (!stored) {
        sendError(response, 503, "storage", "the gateway cannot store right now");
        response.set_header("Retry-After", std::to_string(options_.retryAfterSeconds));
        return;
    }
    auto& [outcome, dossier] = *stored;
    // Idempotency keys belong to the kiosk that used them first: another kiosk's key is a
    // conflict, never a replay of that kiosk's dossier code and appointment.
    if (outcome == StoreOutcome::Conflict || dossier.kioskId != headers->kioskId) {
        sendError(response, 409, "idempotency_conflict",
                  "this idempotency key was used for another dossier");
        return;
    }
    {
        std::lock_guard lock(mutex_);
        ++(outcome == StoreOutcome::Stored ? stats_.stored : stats_.replayed);
    }
    if (logger_ != nullptr) {
        logger_->log(LogEvent::GatewayReceived, {{"replayed", outcome == StoreOutcome::Replayed}});
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
